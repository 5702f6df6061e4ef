// Two runs into one output folder: the second refuses (exit 5) or, with --wait, waits; the
// files are never interleaved. The dataset is idempotent: converting the same inputs again,
// or storing them twice, changes no exported byte.

#include <doctest/doctest.h>

#include <algorithm>

#include "tests/pipeline/batch_test_support.h"

using namespace budgetpdf::test;

namespace {

fs::path corpus_folder(const fs::path& root) {
    fs::path in = root / "in";
    fs::create_directories(in);
    for (const fs::path& pdf : corpus_pdfs()) fs::create_symlink(pdf, in / pdf.filename());
    return in;
}

}  // namespace

TEST_CASE("batch: two runs into one folder at once: one refuses, or waits with --wait") {
    fs::path root = scratch_dir("batch_two_runs");
    fs::path in = corpus_folder(root);
    fs::path out = root / "out";
    std::vector<std::string> args = {"batch", in.string(), "--out", out.string(), "--jobs", "1"};
    pid_t first = start_cli(args, root / "first.log");
    pid_t second = start_cli(args, root / "second.log");
    std::vector<int> statuses = {wait_cli(first), wait_cli(second)};
    std::sort(statuses.begin(), statuses.end());
    INFO(read_file(root / "first.log") << read_file(root / "second.log"));
    CHECK(statuses == std::vector<int>{0, 5});
    std::string problem;
    CHECK_MESSAGE(exports_whole(out, problem), problem);
    const std::string records = read_file(out / "records.csv");

    fs::remove_all(out);
    args.push_back("--wait");
    first = start_cli(args, root / "first_wait.log");
    second = start_cli(args, root / "second_wait.log");
    CHECK(wait_cli(first) == 0);
    CHECK(wait_cli(second) == 0);
    CHECK_MESSAGE(exports_whole(out, problem), problem);
    CHECK(read_file(out / "records.csv") == records);
}

TEST_CASE("extract: two runs into one --out at once never interleave") {
    fs::path root = scratch_dir("extract_two_runs");
    std::vector<std::string> args = {"extract"};
    for (const fs::path& pdf : corpus_pdfs()) args.push_back(pdf.string());
    args.insert(args.end(), {"--out", (root / "out").string(), "--jobs", "1"});
    pid_t first = start_cli(args, root / "first.log");
    pid_t second = start_cli(args, root / "second.log");
    std::vector<int> statuses = {wait_cli(first), wait_cli(second)};
    std::sort(statuses.begin(), statuses.end());
    CHECK(statuses.front() == 0);
    CHECK((statuses.back() == 0 || statuses.back() == 5));
    std::string problem;
    CHECK_MESSAGE(exports_whole(root / "out", problem), problem);
    CHECK(documents_rows(root / "out").size() == corpus_pdfs().size());
}

TEST_CASE("batch: the same inputs again change nothing; an input under two names is stored once") {
    fs::path root = scratch_dir("batch_idempotent");
    fs::path in = corpus_folder(root);
    fs::copy_file(corpus_pdfs().front(), in / "same_content_other_name.pdf");
    fs::path out = root / "out";
    std::string command = "batch " + shell_quoted(in.string()) + " --out " + shell_quoted(out.string());
    CliRun first = run_cli(command);
    INFO(first.output);
    REQUIRE(first.status == 0);
    CHECK(first.output.find("1 duplicates") != std::string::npos);
    CHECK(documents_rows(out).size() == corpus_pdfs().size());
    std::vector<std::string> before;
    for (const char* name : {"records.csv", "documents.csv", "diagnostics.jsonl"}) before.push_back(read_file(out / name));
    auto dataset_before = fs::last_write_time(out / "records.csv");

    CliRun second = run_cli(command);
    REQUIRE(second.status == 0);
    CHECK(second.output.find(" 0 to convert") != std::string::npos);
    CHECK(fs::last_write_time(out / "records.csv") == dataset_before);  // nothing changed, nothing rewritten

    CliRun exported = run_cli("dataset export " + shell_quoted(out.string()));
    REQUIRE(exported.status == 0);
    std::vector<std::string> after;
    for (const char* name : {"records.csv", "documents.csv", "diagnostics.jsonl"}) after.push_back(read_file(out / name));
    CHECK(after == before);
}
