#include "tests/pipeline/batch_test_support.h"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "normalize/csv.h"

namespace budgetpdf::test {

std::string shell_quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

CliRun run_cli(const std::string& arguments, int timeout_s) {
    // stderr joins the captured stdout first, so redirections in `arguments` still apply after it.
    std::string command = "timeout " + std::to_string(timeout_s) + " " + shell_quoted(BUDGETPDF_CLI) + " 2>&1 " + arguments;
    CliRun run;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) run.output.append(buffer.data(), n);
    int raw = pclose(pipe);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    return run;
}

pid_t start_cli(const std::vector<std::string>& arguments, const fs::path& log) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
        }
        int null = ::open("/dev/null", O_RDONLY);
        if (null >= 0) dup2(null, STDIN_FILENO);
        std::vector<char*> argv;
        std::string cli = BUDGETPDF_CLI;
        argv.push_back(cli.data());
        std::vector<std::string> copies = arguments;
        for (std::string& a : copies) argv.push_back(a.data());
        argv.push_back(nullptr);
        execv(cli.c_str(), argv.data());
        _exit(127);
    }
    return pid;
}

int wait_cli(pid_t pid) {
    int raw = 0;
    while (waitpid(pid, &raw, 0) < 0) {
    }
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
}

fs::path scratch_dir(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("budgetpdf_" + name + "_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
}

std::vector<std::string> file_lines(const fs::path& path) {
    std::vector<std::string> lines;
    std::ifstream in(path, std::ios::binary);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

namespace {

std::vector<fs::path> pdfs_under(const fs::path& dir) {
    std::vector<fs::path> files;
    if (!fs::exists(dir)) return files;
    for (const auto& entry : fs::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".pdf") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

std::vector<fs::path> corpus_pdfs() { return pdfs_under(fs::path(BUDGETPDF_SOURCE_DIR) / "corpus" / "grid"); }

std::vector<fs::path> real_pdfs() { return pdfs_under(fs::path(BUDGETPDF_SHARED_DIR) / "real"); }

std::vector<std::string> add_broken_inputs(const fs::path& dir) {
    fs::create_directories(dir / "broken_dir");
    REQUIRE(mkfifo((dir / "fifo.pdf").c_str(), 0644) == 0);
    fs::create_symlink("loop.pdf", dir / "loop.pdf");
    fs::create_symlink("nowhere.pdf", dir / "dangling.pdf");
    fs::create_symlink(dir / "broken_dir", dir / "folder_link.pdf");
    write_file(dir / "empty.pdf", "");
    std::string pdf = read_file(corpus_pdfs().front());
    write_file(dir / "truncated.pdf", pdf.substr(0, pdf.size() / 2));
    fs::copy_file(fs::path(BUDGETPDF_SOURCE_DIR) / "tests/data/bad_input/encrypted_aes256.pdf", dir / "encrypted.pdf");
    write_file(dir / "not_a_pdf.pdf", "这不是PDF文件\n");
    write_file(dir / "notes.txt", "not taken: not named *.pdf\n");
    return {"fifo.pdf", "loop.pdf", "dangling.pdf", "folder_link.pdf", "empty.pdf", "truncated.pdf", "encrypted.pdf",
            "not_a_pdf.pdf"};
}

bool exports_whole(const fs::path& dir, std::string& problem) {
    for (const char* name : {"records.csv", "records.jsonl", "documents.csv", "documents.jsonl", "diagnostics.csv",
                             "diagnostics.jsonl"}) {
        std::string bytes = read_file(dir / name);
        if (!fs::exists(dir / name)) problem = std::string(name) + " is missing";
        else if (bytes.find('\0') != std::string::npos) problem = std::string(name) + " holds a NUL byte";
        else if (!bytes.empty() && bytes.back() != '\n') problem = std::string(name) + " ends mid-line";
        else if (std::string(name).find(".csv") != std::string::npos && !read_csv(bytes)) problem = std::string(name) + " is not CSV";
        else continue;
        return false;
    }
    return true;
}

std::vector<std::vector<std::string>> documents_rows(const fs::path& dir) {
    auto rows = read_csv(read_file(dir / "documents.csv"));
    REQUIRE(rows);
    REQUIRE(!rows->empty());
    return {rows->begin() + 1, rows->end()};
}

}  // namespace budgetpdf::test
