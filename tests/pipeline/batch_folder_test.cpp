// A folder of every real disclosure of ../shared/real mixed with broken inputs: each file
// gets exactly one documents row with the right status, and a second run converts nothing
// in less than a tenth of the first run's time.

#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <map>
#include <set>

#include "tests/pipeline/batch_test_support.h"

using namespace budgetpdf::test;

namespace {

double seconds_of(const std::function<void()>& work) {
    auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// What each broken input's reason must say.
const std::map<std::string, std::string> expected_reasons = {
    {"fifo.pdf", "FIFO"},
    {"loop.pdf", "symbolic link loop"},
    {"dangling.pdf", "broken symbolic link"},
    {"folder_link.pdf", "directory"},
    {"empty.pdf", "empty"},
    {"truncated.pdf", "truncated"},
    {"encrypted.pdf", "encrypted"},
    {"not_a_pdf.pdf", "not a PDF"},
};

}  // namespace

TEST_CASE("batch: a folder of real disclosures and broken inputs, one documents row each; a rerun converts nothing") {
    std::vector<fs::path> real = real_pdfs();
    REQUIRE_MESSAGE(real.size() >= 9, "../shared/real must sit beside the repository");
    fs::path root = scratch_dir("batch_folder");
    fs::path in = root / "in";
    fs::create_directories(in / "real");
    std::set<std::string> real_names;
    for (const fs::path& pdf : real) {
        REQUIRE(real_names.insert(pdf.filename().string()).second);
        fs::create_symlink(pdf, in / "real" / pdf.filename());
    }
    std::vector<std::string> broken = add_broken_inputs(in);
    fs::path out = root / "out";
    std::string command = "batch " + shell_quoted(in.string()) + " --out " + shell_quoted(out.string());

    CliRun first;
    double first_s = seconds_of([&] { first = run_cli(command, 900); });
    INFO(first.output);
    CHECK(first.status == 3);  // some documents failed
    std::string problem;
    CHECK_MESSAGE(exports_whole(out, problem), problem);
    CHECK_FALSE(fs::exists(out / "INCOMPLETE"));

    std::map<std::string, int> rows_per_source;
    for (const auto& row : documents_rows(out)) {
        const std::string& source = row[1];
        const std::string& status = row[13];
        const std::string& error = row[14];
        ++rows_per_source[source];
        CAPTURE(source);
        CAPTURE(error);
        if (real_names.count(source)) {
            CHECK((status == "ok" || status == "partial"));
            CHECK((status == "ok") == error.empty());
            CHECK(!row[0].empty());
        } else {
            REQUIRE(expected_reasons.count(source));
            CHECK(status == "failed");
            CHECK(error.find(expected_reasons.at(source)) != std::string::npos);
        }
        CHECK(row[18].find("+layouts.") != std::string::npos);  // pipeline
    }
    CHECK(rows_per_source.size() == real.size() + broken.size());
    for (const auto& [source, rows] : rows_per_source) {
        CAPTURE(source);
        CHECK(rows == 1);
    }
    const std::string records_before = read_file(out / "records.csv");

    CliRun second;
    double second_s = seconds_of([&] { second = run_cli(command, 900); });
    INFO(second.output);
    MESSAGE("first run " << first_s << " s, second run " << second_s << " s");
    CHECK(second.status == 3);
    CHECK(second.output.find(" 0 to convert") != std::string::npos);
    CHECK(second_s < first_s / 10);
    CHECK(read_file(out / "records.csv") == records_before);
    CHECK(documents_rows(out).size() == real.size() + broken.size());
}
