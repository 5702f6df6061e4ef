// kill -9 and SIGTERM at random moments (a fixed seed), then a rerun: the exported files are
// always whole (the previous complete export, or none), INCOMPLETE marks the interrupted
// run, and the run that finishes writes exactly what an uninterrupted run writes: no record
// lost, none twice.

#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "tests/pipeline/batch_test_support.h"

using namespace budgetpdf::test;

namespace {

constexpr size_t added_documents = 8;  // new content for a rerun
constexpr const char* export_names[] = {"records.csv", "records.jsonl", "documents.csv", "documents.jsonl",
                                        "diagnostics.csv", "diagnostics.jsonl"};

// The corpus PDFs, and with_real the nine older real disclosures: a few seconds of work.
fs::path make_inputs(const fs::path& root, bool with_real) {
    fs::path in = root / "in";
    fs::create_directories(in);
    for (const fs::path& pdf : corpus_pdfs()) fs::create_symlink(pdf, in / pdf.filename());
    for (const fs::path& pdf : real_pdfs())
        if (with_real && pdf.parent_path().filename() != "renwu") fs::create_symlink(pdf, in / pdf.filename());
    return in;
}

std::vector<std::string> batch_args(const fs::path& in, const fs::path& out) {
    return {"batch", in.string(), "--out", out.string(), "--wait", "--jobs", "2"};
}

void check_same_exports(const fs::path& a, const fs::path& b) {
    for (const char* name : export_names) {
        CAPTURE(name);
        CHECK(read_file(a / name) == read_file(b / name));
    }
}

// Waits until the file at `path` holds `text`.
bool wait_for_text(const fs::path& path, const std::string& text, std::chrono::seconds at_most) {
    auto until = std::chrono::steady_clock::now() + at_most;
    while (read_file(path).find(text) == std::string::npos) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

int run_to_end(const fs::path& in, const fs::path& out, const fs::path& log) {
    return wait_cli(start_cli(batch_args(in, out), log));
}

}  // namespace

TEST_CASE("batch: kill -9 at random moments, then a rerun, gives what one uninterrupted run gives") {
    fs::path root = scratch_dir("batch_kill");
    fs::path in = make_inputs(root, false);
    fs::path reference = root / "reference";
    auto start = std::chrono::steady_clock::now();
    REQUIRE(run_to_end(in, reference, root / "reference.log") == 0);
    const auto full_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    MESSAGE("an uninterrupted run takes " << full_ms << " ms");

    std::mt19937 random(20240607);
    int killed_before_end = 0;
    for (int round = 0; round < 4; ++round) {
        fs::path out = root / ("out" + std::to_string(round));
        // A first run killed anywhere in most of its time, then its rerun killed early.
        for (long window_ms : {static_cast<long>(full_ms * 4 / 5), static_cast<long>(full_ms / 4)}) {
            long after_ms = std::uniform_int_distribution<long>(0, window_ms)(random);
            pid_t pid = start_cli(batch_args(in, out), root / "killed.log");
            std::this_thread::sleep_for(std::chrono::milliseconds(after_ms));
            ::kill(pid, SIGKILL);
            int status = wait_cli(pid);
            CAPTURE(round);
            CAPTURE(after_ms);
            std::string problem;
            if (status == 128 + SIGKILL) {
                ++killed_before_end;
                CHECK(fs::exists(out / "INCOMPLETE"));
                if (fs::exists(out / "records.csv")) CHECK_MESSAGE(exports_whole(out, problem), problem);
            } else {
                CHECK(status == 0);
                CHECK_MESSAGE(exports_whole(out, problem), problem);
            }
        }
        REQUIRE(run_to_end(in, out, root / "final.log") == 0);
        CHECK_FALSE(fs::exists(out / "INCOMPLETE"));
        check_same_exports(reference, out);
    }
    MESSAGE(killed_before_end << " of 8 runs killed before their end");
    CHECK(killed_before_end >= 3);  // the test did interrupt runs (the first kills come well before the end)
}

TEST_CASE("batch: a rerun killed midway keeps the previous complete export; SIGTERM stops cleanly") {
    fs::path root = scratch_dir("batch_rerun_killed");
    fs::path in = make_inputs(root, true);
    fs::path out = root / "out";
    REQUIRE(run_to_end(in, out, root / "first.log") == 0);
    const std::string records_before = read_file(out / "records.csv");

    // New content for the rerun to convert: copies of the largest real disclosures (seconds of
    // work) with one byte appended. The rerun is killed once it has stored its first document,
    // so midway: after it marked the folder, before it could replace the export.
    std::vector<fs::path> real = real_pdfs();
    REQUIRE(real.size() >= added_documents);
    std::sort(real.begin(), real.end(), [](const fs::path& a, const fs::path& b) {
        return fs::file_size(a) > fs::file_size(b);
    });
    for (size_t i = 0; i < added_documents; ++i)
        write_file(in / ("added_" + std::to_string(i) + ".pdf"), read_file(real[i]) + "\n");
    pid_t pid = start_cli(batch_args(in, out), root / "killed.log");
    REQUIRE(wait_for_text(root / "killed.log", "[1/", std::chrono::seconds(60)));
    ::kill(pid, SIGKILL);
    CHECK(wait_cli(pid) == 128 + SIGKILL);  // killed, not finished
    std::string problem;
    CHECK_MESSAGE(exports_whole(out, problem), problem);
    CHECK(read_file(out / "records.csv") == records_before);
    CHECK(fs::exists(out / "INCOMPLETE"));

    pid = start_cli(batch_args(in, out), root / "terminated.log");
    REQUIRE(wait_for_text(root / "terminated.log", "[1/", std::chrono::seconds(60)));
    ::kill(pid, SIGTERM);
    int status = wait_cli(pid);
    CHECK((status == 130 || status == 0));  // 0 only if it had already finished
    CHECK_MESSAGE(exports_whole(out, problem), problem);

    REQUIRE(run_to_end(in, out, root / "final.log") == 0);
    CHECK_FALSE(fs::exists(out / "INCOMPLETE"));
    std::string records = read_file(out / "records.csv");
    CHECK(records.size() > records_before.size());
    std::set<std::string> sources;
    for (const auto& row : documents_rows(out)) sources.insert(row[1]);
    for (size_t i = 0; i < added_documents; ++i) CHECK(sources.count("added_" + std::to_string(i) + ".pdf") == 1);
}
