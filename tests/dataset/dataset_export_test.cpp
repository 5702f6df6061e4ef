// Exports beyond SCHEMA.md: the panel (one column per measure, 元), folders per department
// and year, departments printed under several names, and exports that cannot be written
// (a file-size limit) leaving the previous file whole.

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dataset/atomic_file.h"
#include "dataset/dataset.h"
#include "normalize/csv.h"
#include "tests/dataset/dataset_fixture.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

Dataset two_years(const fs::path& dir) {
    Result<Dataset> dataset = Dataset::open((dir / "dataset.sqlite").string());
    REQUIRE(dataset);
    SampleDocument y2025 = sample_document("上海市", "上海市统计局", "2025", "a.pdf", "1111111111111111");
    SampleDocument y2026 = sample_document("上海市", "统计局（本级）", "2026", "b.pdf", "2222222222222222");
    y2026.records[0].amount_yuan = "1300.00";
    for (const SampleDocument* doc : {&y2025, &y2026})
        REQUIRE_FALSE(dataset.value().store_document(doc->summary, doc->records, doc->diagnostics, {doc->input}, {}));
    return std::move(dataset).value();
}

std::vector<CsvRow> csv_rows(const fs::path& file) {
    auto rows = read_csv(read_bytes(file));
    REQUIRE(rows);
    return *rows;
}

}  // namespace

TEST_CASE("dataset export --wide: one row per department, year, table and code; one column per measure") {
    fs::path dir = dataset_scratch("wide");
    Dataset dataset = two_years(dir);
    Result<WideExport> wide = dataset.export_wide((dir / "panel.csv").string());
    REQUIRE(wide);
    auto rows = csv_rows(dir / "panel.csv");
    REQUIRE(rows.size() == 7);  // header, 3 rows per year
    CHECK(rows[0] == CsvRow{"region", "department", "year", "stage", "table_kind", "side", "code", "name", "basic",
                            "project", "total"});
    CHECK(rows[1] == CsvRow{"上海市", "上海市统计局", "2025", "预算", "expenditure", "", "2010301", "行政运行", "1000.50",
                            "200.00", "1200.50"});
    CHECK(rows[4] == CsvRow{"上海市", "统计局（本级）", "2026", "预算", "expenditure", "", "2010301", "行政运行", "1000.50",
                            "200.00", "1300.00"});
    CHECK(rows[6][5] == "income");
    CHECK(rows[6][6] == "");                          // a row without a code …
    CHECK(rows[6][7] == "一、一般公共预算拨款收入");  // … keyed by its label
    CHECK(wide.value().rows == 6);
    CHECK(wide.value().conflicts == 0);
    CHECK(csv_rows(conflicts_file_for((dir / "panel.csv").string())).size() == 1);  // header only
}

TEST_CASE("dataset export --wide: a cell printed twice with different amounts keeps the first and lists the other") {
    fs::path dir = dataset_scratch("wide_conflict");
    Result<Dataset> dataset = Dataset::open((dir / "dataset.sqlite").string());
    REQUIRE(dataset);
    SampleDocument doc = sample_document("阳泉市", "阳泉市商务局", "2022", "a.pdf", "3333333333333333");
    Record again = doc.records[0];
    again.table_title = "支出预算总表（续）";
    again.amount_yuan = "999.00";
    doc.records.push_back(again);
    doc.summary.records = static_cast<int>(doc.records.size());
    REQUIRE_FALSE(dataset.value().store_document(doc.summary, doc.records, doc.diagnostics, {doc.input}, {}));
    Result<WideExport> wide = dataset.value().export_wide((dir / "panel.csv").string());
    REQUIRE(wide);
    CHECK(wide.value().conflicts == 1);
    auto conflicts = csv_rows(dir / "panel_conflicts.csv");
    REQUIRE(conflicts.size() == 2);
    CHECK(conflicts[1][8] == "total");
    CHECK(conflicts[1][9] == "1200.50");
    CHECK(conflicts[1][10] == "999.00");
}

TEST_CASE("dataset export --by department: one folder per region, department and year") {
    fs::path dir = dataset_scratch("by_department");
    Dataset dataset = two_years(dir);
    REQUIRE_FALSE(dataset.export_by_department((dir / "by").string()));
    fs::path first = dir / "by" / "上海市" / "上海市统计局" / "2025";
    fs::path second = dir / "by" / "上海市" / "统计局（本级）" / "2026";
    for (const fs::path& folder : {first, second}) {
        CAPTURE(folder);
        CHECK(csv_rows(folder / "documents.csv").size() == 2);
        CHECK(csv_rows(folder / "records.csv").size() == 6);
        CHECK(csv_rows(folder / "diagnostics.csv").size() == 2);
    }
    CHECK(read_bytes(first / "records.csv").find("a.pdf") != std::string::npos);
    CHECK(read_bytes(first / "records.csv").find("b.pdf") == std::string::npos);
}

TEST_CASE("dataset: the same department under different printed names across years is reported") {
    fs::path dir = dataset_scratch("names");
    Dataset dataset = two_years(dir);
    SampleDocument other = sample_document("上海市", "上海市商务委员会", "2026", "c.pdf", "4444444444444444");
    REQUIRE_FALSE(dataset.store_document(other.summary, other.records, other.diagnostics, {other.input}, {}));
    auto variants = dataset.department_name_variants();
    REQUIRE(variants);
    REQUIRE(variants.value().size() == 1);
    const auto& variant = variants.value()[0];
    CHECK(variant.region == "上海市");
    CHECK(variant.key == "统计局");
    REQUIRE(variant.names_years.size() == 2);
    CHECK(variant.names_years[0] == std::pair<std::string, std::string>{"上海市统计局", "2025"});
    CHECK(variant.names_years[1] == std::pair<std::string, std::string>{"统计局（本级）", "2026"});
}

TEST_CASE("atomic file: a write past a file-size limit fails with its cause and leaves the old file whole") {
    fs::path dir = dataset_scratch("atomic");
    fs::path file = dir / "records.csv";
    {
        AtomicFile old(file.string());
        old.stream() << "the previous export\n";
        REQUIRE_FALSE(old.commit());
    }
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {  // the limit applies to this child only
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit limit {100000, 100000};
        setrlimit(RLIMIT_FSIZE, &limit);
        AtomicFile big(file.string());
        for (int i = 0; i < 20000; ++i) big.stream() << "a line of a large export\n";
        std::optional<Error> error = big.commit();
        _exit(error && error->message.find("File too large") != std::string::npos ? 0 : 1);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(read_bytes(file) == "the previous export\n");
    int entries = 0;
    for (const auto& entry : fs::directory_iterator(dir)) entries += entry.is_regular_file();
    CHECK(entries == 1);  // no temporary left behind
}
