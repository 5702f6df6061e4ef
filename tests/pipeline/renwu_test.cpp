// Smoke tests on the 86 disclosures of ../shared/real/renwu (13 cities, four of them scans), read
// from their text layer (OCR has tests of its own: tests/pipeline/ocr_pipeline_test.cpp): every
// document converts, its status tells what was lost, every record keeps the contract's
// promises (unit printed, confidence 1 only for a checked amount), and the identities hold on
// at least 99.5 % of what the tables promise (the failing ones are listed in diagnostics; the
// README's figures name each).

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "layouts/layout_set.h"
#include "pipeline/process_document.h"

using namespace budgetpdf;

namespace {

std::vector<std::string> renwu_pdfs() {
    std::vector<std::string> files;
    std::filesystem::path dir = std::filesystem::path(BUDGETPDF_SHARED_DIR) / "real" / "renwu";
    if (std::filesystem::exists(dir))
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            if (entry.path().extension() == ".pdf") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

int count_of(const DocumentOutput& output, Severity severity) {
    return static_cast<int>(std::count_if(output.diagnostics.begin(), output.diagnostics.end(),
                                          [&](const DocumentDiagnostic& d) { return d.diagnostic.severity == severity; }));
}

}  // namespace

TEST_CASE("renwu: every disclosure converts, says what it lost, and its identities hold") {
    std::vector<std::string> files = renwu_pdfs();
    REQUIRE_MESSAGE(files.size() == 86, "expected the 86 PDFs of ../shared/real/renwu");
    Result<LayoutSet> layouts = load_layouts(default_layouts_dir());
    REQUIRE(layouts);
    OcrOptions text_layer_only;
    text_layer_only.mode = OcrMode::never;
    OcrSession ocr(text_layer_only);
    const std::set<std::string> units = {"元", "万元", "千元"};
    int checks_total = 0, checks_failed = 0, records = 0, with_records = 0;
    std::map<std::string, int> by_status;
    for (const std::string& file : files) {
        DocumentOutput output = process_document(file, layouts.value(), ocr);
        const DocumentSummary& s = output.summary;
        CAPTURE(s.source);
        ++by_status[s.status];
        CHECK(s.status != "failed");
        // ok promises that nothing was lost: no page without text, no table or amount unread,
        // no error; partial names what was lost.
        bool lost = s.pages_no_text > 0 || s.tables_unread > 0 || s.amounts_unreadable > 0 ||
                    count_of(output, Severity::error) > 0;
        CHECK((s.status == "ok") == !lost);
        CHECK(s.error.empty() == (s.status == "ok"));
        // Without OCR, a scan's pages are counted as having no text, and it is partial.
        CHECK(s.pages_ocr == 0);
        CHECK(s.pages_no_text <= s.pages);
        CHECK(static_cast<int>(output.records.size()) == s.records);
        int mismatched = 0;
        for (const Record& r : output.records) {
            CHECK(units.count(r.unit) == 1);
            CHECK(!r.amount_yuan.empty());
            CHECK(!r.table_kind.empty());
            CHECK((r.check == "ok" || r.check == "mismatch" || r.check == "unchecked"));
            if (r.confidence == "1") CHECK(r.check == "ok");
            CHECK(r.code.empty() == r.code_system.empty());
            mismatched += r.check == "mismatch";
        }
        // Every amount flagged mismatch belongs to an identity the diagnostics report.
        if (mismatched > 0) CHECK(s.checks_failed > 0);
        if (s.records > 0) ++with_records;
        records += s.records;
        checks_total += s.checks_total;
        checks_failed += s.checks_failed;
    }
    MESSAGE("renwu: " << files.size() << " documents (" << by_status["ok"] << " ok, " << by_status["partial"]
                      << " partial), " << with_records << " with records, " << records << " records, identities "
                      << checks_total - checks_failed << " of " << checks_total << " hold");
    CHECK(checks_total >= 20000);
    CHECK((checks_total - checks_failed) * 1000 >= checks_total * 995);
    CHECK(with_records >= 60);
}
