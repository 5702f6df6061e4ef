// A 1,000-page PDF (made at test time with qpdf from a 10-page corpus PDF): its worker's
// memory grows at most linearly with its pages; the parent kills a worker past its
// wall-clock timeout or its memory limit, the document is failed with that reason, and
// the next run without those limits converts it.

#include <doctest/doctest.h>

#include <map>

#include "dataset/dataset.h"
#include "tests/pipeline/batch_test_support.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

// `copies` times the 10 pages of a corpus PDF, as one PDF.
fs::path repeated_pdf(const fs::path& dir, int copies) {
    fs::path source = fs::path(BUDGETPDF_SOURCE_DIR) / "corpus/grid/yangquan_final_full_grid.pdf";
    fs::path out = dir / ("pages_" + std::to_string(copies * 10) + ".pdf");
    std::string command = "qpdf --empty --pages";
    for (int i = 0; i < copies; ++i) command += " " + shell_quoted(source.string()) + " 1-10";
    command += " -- " + shell_quoted(out.string());
    REQUIRE(std::system(command.c_str()) == 0);
    return out;
}

struct Row {
    std::string doc_id, status, error, pages;
};

std::map<std::string, Row> rows_by_source(const fs::path& out) {
    std::map<std::string, Row> rows;
    for (const auto& row : documents_rows(out)) rows[row[1]] = Row{row[0], row[13], row[14], row[7]};
    return rows;
}

}  // namespace

TEST_CASE("batch: a 1,000-page PDF, memory linear in pages; timeout and memory limit enforced by the parent") {
    fs::path root = scratch_dir("batch_large");
    fs::path in = root / "in";
    fs::create_directories(in);
    repeated_pdf(in, 10);
    repeated_pdf(in, 55);
    fs::path big = repeated_pdf(in, 100);
    fs::path out = root / "out";
    const std::string folder = shell_quoted(in.string()) + " --out " + shell_quoted(out.string());

    CliRun timed_out = run_cli("batch " + shell_quoted(big.string()) + " --out " + shell_quoted((root / "timeout").string()) +
                               " --timeout 1");
    INFO(timed_out.output);
    CHECK(timed_out.status == 2);
    CHECK(rows_by_source(root / "timeout")["pages_1000.pdf"].error == "timed out after 1 s");

    CliRun limited = run_cli("batch " + folder + " --memory 60 --jobs 2");
    INFO(limited.output);
    CHECK(limited.status == 3);
    auto rows = rows_by_source(out);
    CHECK(rows["pages_100.pdf"].status == "ok");
    CHECK(rows["pages_1000.pdf"].status == "failed");
    CHECK(rows["pages_1000.pdf"].error == "memory limit exceeded (60 MiB)");
    int killed = 0;  // the 1,000 pages, and the 550 when they too went past the limit
    for (const auto& [source, row] : rows) killed += row.status == "failed" ? 1 : 0;

    CliRun full = run_cli("batch " + folder + " --jobs 2");
    INFO(full.output);
    CHECK(full.status == 0);
    CHECK(full.output.find(" " + std::to_string(killed) + " to convert") != std::string::npos);  // the killed ones, again
    rows = rows_by_source(out);
    Result<Dataset> dataset = Dataset::open((out / "dataset.sqlite").string());
    REQUIRE(dataset);
    std::map<int, double> peak_mb;
    for (int pages : {100, 550, 1000}) {
        const Row& row = rows["pages_" + std::to_string(pages) + ".pdf"];
        CHECK(row.status == "ok");
        CHECK(row.pages == std::to_string(pages));
        auto stored = dataset.value().stored_row(row.doc_id);
        REQUIRE(stored);
        peak_mb[pages] = stored->run.peak_rss_kb / 1024.0;
    }
    double first_slope = (peak_mb[550] - peak_mb[100]) / 450;
    double second_slope = (peak_mb[1000] - peak_mb[550]) / 450;
    MESSAGE("worker peak memory: 100 pages " << peak_mb[100] << " MB, 550 pages " << peak_mb[550] << " MB, 1000 pages "
                                             << peak_mb[1000] << " MB");
    CHECK(first_slope > 0);
    CHECK(second_slope <= first_slope * 1.5);  // no faster than linear
    CHECK(peak_mb[1000] < 1024);
}
