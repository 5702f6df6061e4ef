#pragma once
// What the batch tests share: running the CLI (in the background too), scratch folders,
// folders of inputs (good and broken), and reading what a run wrote.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace budgetpdf::test {

namespace fs = std::filesystem;

struct CliRun {
    int status = -1;     // exit status, or 128 + signal
    std::string output;  // stdout and stderr together (unless redirected in the arguments)
};

// Runs `budgetpdf <arguments>` through the shell (arguments are shell text, redirections
// included), with a timeout; output is what reaches stdout and stderr unredirected.
CliRun run_cli(const std::string& arguments, int timeout_s = 300);

// Starts `budgetpdf` with `arguments` (no shell) in its own process; stdout and stderr go to `log`.
pid_t start_cli(const std::vector<std::string>& arguments, const fs::path& log);
int wait_cli(pid_t pid);  // exit status, or 128 + signal

std::string shell_quoted(const std::string& text);

// A new empty folder under the system's temporary folder.
fs::path scratch_dir(const std::string& name);

std::string read_file(const fs::path& path);
void write_file(const fs::path& path, const std::string& bytes);

// Lines of a text file, without their '\n'.
std::vector<std::string> file_lines(const fs::path& path);

// The PDFs of corpus/grid (17 small generated disclosures), sorted.
std::vector<fs::path> corpus_pdfs();
// Every PDF of ../shared/real, sorted; empty when the folder is missing.
std::vector<fs::path> real_pdfs();

// One of each broken input in `dir`: a folder named like a PDF's sibling (broken_dir/),
// a FIFO, a symbolic link loop, a broken link, a link to a folder, an empty file, a
// truncated, an encrypted and a not-a-PDF file. Returns the file names that must get a
// failed documents row (the folder itself is walked, not a row).
std::vector<std::string> add_broken_inputs(const fs::path& dir);

// The six SCHEMA.md files of a folder, each complete: no NUL byte, ending with '\n'.
bool exports_whole(const fs::path& dir, std::string& problem);

// documents.csv rows (header excluded) as field vectors.
std::vector<std::vector<std::string>> documents_rows(const fs::path& dir);

}  // namespace budgetpdf::test
