// Inputs that are not regular files, outputs that cannot be written, and the exit codes
// that tell them apart: 2 input unreadable, 3 some documents failed, 4 cannot write output,
// 5 the output folder is busy. A full disk is simulated: /dev/full for stdout (ENOSPC) and a
// file-size limit (RLIMIT_FSIZE through prlimit, EFBIG) for the dataset folder.

#include <doctest/doctest.h>

#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdlib>

#include "tests/pipeline/batch_test_support.h"

using namespace budgetpdf::test;

namespace {

std::string first_corpus_pdf() { return shell_quoted(corpus_pdfs().front().string()); }

}  // namespace

TEST_CASE("extract: a folder, a FIFO and a symlink loop among the inputs each get a failed row; the rest is read") {
    fs::path root = scratch_dir("extract_not_regular");
    fs::create_directories(root / "folder");
    REQUIRE(mkfifo((root / "pipe.pdf").c_str(), 0644) == 0);
    fs::create_symlink("loop.pdf", root / "loop.pdf");
    CliRun run = run_cli("extract " + first_corpus_pdf() + " " + shell_quoted((root / "folder").string()) + " " +
                             shell_quoted((root / "pipe.pdf").string()) + " " + shell_quoted((root / "loop.pdf").string()) +
                             " --out " + shell_quoted((root / "out").string()),
                         60);
    INFO(run.output);
    CHECK(run.status == 3);
    auto rows = documents_rows(root / "out");
    REQUIRE(rows.size() == 4);
    int failed = 0;
    for (const auto& row : rows) failed += row[13] == "failed";
    CHECK(failed == 3);
    CHECK(run.output.find("a directory") != std::string::npos);
    CHECK(run.output.find("FIFO") != std::string::npos);
    CHECK(run.output.find("symbolic link loop") != std::string::npos);
    CHECK(read_file(root / "out" / "records.csv").size() > 10000);
}

TEST_CASE("exit codes: every input unreadable is 2, a busy folder 5, an unwritable one 4") {
    fs::path root = scratch_dir("batch_exit_codes");
    write_file(root / "not_a_pdf.pdf", "text\n");
    CHECK(run_cli("batch " + shell_quoted((root / "not_a_pdf.pdf").string()) + " --out " + shell_quoted((root / "out").string())).status == 2);
    write_file(root / "a_file", "");
    CliRun unwritable = run_cli("batch " + first_corpus_pdf() + " --out " + shell_quoted((root / "a_file" / "out").string()));
    CHECK(unwritable.status == 4);
    CHECK(unwritable.output.find("a_file") != std::string::npos);
    CHECK(run_cli("batch --out " + shell_quoted((root / "out").string())).status == 1);
}

TEST_CASE("stdout that cannot be written is a failure: a full device and a closed pipe exit 4") {
    fs::path root = scratch_dir("stdout_closed");
    const std::string errors = shell_quoted((root / "errors.txt").string());
    auto status_of = [](const std::string& command) {
        int raw = std::system(command.c_str());
        return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    };
    const std::string cli = shell_quoted(BUDGETPDF_CLI);
    CHECK(status_of(cli + " extract " + first_corpus_pdf() + " --out - 2> " + errors + " > /dev/full") == 4);
    CHECK(read_file(root / "errors.txt").find("No space left on device") != std::string::npos);
    CHECK(status_of(cli + " tables " + first_corpus_pdf() + " 2> /dev/null > /dev/full") == 4);
    write_file(root / "paths.txt", corpus_pdfs().front().string() + "\n");
    CHECK(status_of(cli + " batch --stream --documents /dev/null < " + shell_quoted((root / "paths.txt").string()) +
                    " 2> /dev/null > /dev/full") == 4);
    // The reader goes away after a few bytes of about a megabyte; the writer must notice, not exit 0.
    std::string inputs;
    for (const fs::path& pdf : corpus_pdfs()) inputs += " " + shell_quoted(pdf.string());
    std::string status_file = (root / "status").string();
    std::string command = "sh -c " + shell_quoted("( " + cli + " extract" + inputs + " --out - 2>/dev/null; echo $? > " +
                                                  shell_quoted(status_file) + " ) | head -c 100 > /dev/null");
    REQUIRE(std::system(command.c_str()) == 0);
    CHECK(read_file(status_file) == "4\n");
}

TEST_CASE("a full disk under the dataset folder: exit 4, the previous export kept whole, INCOMPLETE left") {
    fs::path root = scratch_dir("batch_full_disk");
    fs::path out = root / "out";
    REQUIRE(run_cli("batch " + first_corpus_pdf() + " --out " + shell_quoted(out.string())).status == 0);
    const std::string records_before = read_file(out / "records.csv");
    std::string inputs;
    for (const fs::path& pdf : corpus_pdfs()) inputs += " " + shell_quoted(pdf.string());
    // No file may grow past 600 KB: the dataset, growing with the new documents, hits it.
    std::string command = "prlimit --fsize=614400 " + shell_quoted(BUDGETPDF_CLI) + " batch" + inputs + " --out " +
                          shell_quoted(out.string()) + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe);
    std::string output;
    char buffer[4096];
    while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
    int raw = pclose(pipe);
    INFO(output);
    CHECK(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 4);
    CHECK(output.find("dataset") != std::string::npos);
    std::string problem;
    CHECK_MESSAGE(exports_whole(out, problem), problem);
    CHECK(read_file(out / "records.csv") == records_before);
    CHECK(fs::exists(out / "INCOMPLETE"));
    // With room again, the same command completes the dataset.
    REQUIRE(run_cli("batch" + inputs + " --out " + shell_quoted(out.string())).status == 0);
    CHECK_FALSE(fs::exists(out / "INCOMPLETE"));
    CHECK(documents_rows(out).size() == corpus_pdfs().size());
}
