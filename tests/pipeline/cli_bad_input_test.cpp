// The CLI on bad input: a one-line error naming the file and the reason, a documented
// exit code, never a crash or a hang.

#include <doctest/doctest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

struct Run {
    int status = -1;
    std::string output;  // stdout and stderr together
};

Run run_cli(const std::string& arguments) {
    std::string command = "timeout 60 " + std::string(BUDGETPDF_CLI) + " " + arguments + " 2>&1";
    Run run;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 4096> buffer{};
    while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) run.output.append(buffer.data(), n);
    int raw = pclose(pipe);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    return run;
}

std::filesystem::path scratch_file(const std::string& name, const std::string& bytes) {
    auto dir = std::filesystem::temp_directory_path() / "budgetpdf_cli_bad_input";
    std::filesystem::create_directories(dir);
    auto path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int line_count(const std::string& text) {
    int lines = 0;
    for (char c : text) lines += c == '\n';
    return lines;
}

const std::string real_pdf =
    std::string(BUDGETPDF_SHARED_DIR) + "/real/govbudgetchecker/putuo_commerce_2025_dept_budget.pdf";

}  // namespace

TEST_CASE("a file that is not a PDF: exit 2 and one line naming file and reason") {
    auto path = scratch_file("notes.pdf", "这不是PDF文件\n");
    Run run = run_cli("tables " + path.string());
    CHECK(run.status == 2);
    CHECK(line_count(run.output) == 1);
    CHECK(run.output.find(path.string()) != std::string::npos);
    CHECK(run.output.find("not a PDF") != std::string::npos);
}

TEST_CASE("a missing file: exit 2") {
    Run run = run_cli("tables /nonexistent/budget.pdf");
    CHECK(run.status == 2);
    CHECK(line_count(run.output) == 1);
    CHECK(run.output.find("/nonexistent/budget.pdf") != std::string::npos);
}

TEST_CASE("a truncated PDF never crashes") {
    std::string bytes = read_bytes(real_pdf);
    REQUIRE(bytes.size() > 10000);
    for (size_t keep : {size_t{20}, size_t{1000}, bytes.size() / 2}) {
        auto path = scratch_file("truncated_" + std::to_string(keep) + ".pdf", bytes.substr(0, keep));
        Run run = run_cli("tables " + path.string());
        CAPTURE(keep);
        CAPTURE(run.output);
        CHECK((run.status == 0 || run.status == 2));
        if (run.status == 2) CHECK(line_count(run.output) == 1);
    }
}

TEST_CASE("usage errors exit 1") {
    CHECK(run_cli("").status == 1);
    CHECK(run_cli("tables").status == 1);
    CHECK(run_cli("tables " + real_pdf + " --pages 7-3").status == 1);
    CHECK(run_cli("tables " + real_pdf + " --format xml").status == 1);
}

TEST_CASE("a page range outside the document: exit 2") {
    Run run = run_cli("tables " + real_pdf + " --pages 400-401");
    CHECK(run.status == 2);
    CHECK(line_count(run.output) == 1);
}
