// Pages whose content would take minutes to interpret stop at a work limit with a
// page_too_complex diagnostic; ordinary pages never reach it. Which limit a page hits first
// is not asserted: under a sanitizer on a busy machine the time limit can come first.
#include "extract/pdf_reader.h"

#include <algorithm>
#include <string>

#include <doctest/doctest.h>

namespace {

using namespace budgetpdf;

std::string fuzz_seed(const std::string& name) {
    return std::string(BUDGETPDF_SOURCE_DIR) + "/fuzz/corpus/pdf/" + name;
}

int count_kind(const std::vector<Diagnostic>& diagnostics, const std::string& kind) {
    return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                          [&](const Diagnostic& d) { return d.kind == kind; }));
}

std::string too_complex_message(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& d : diagnostics)
        if (d.kind == "page_too_complex") return d.message;
    return {};
}

}  // namespace

TEST_CASE("forms nested to a hundred million path segments stop at a work limit") {
    auto result = read_pdf_pages(fuzz_seed("nested_forms_100m_segments.pdf"));
    REQUIRE(result.ok());
    const PdfPages& pdf = result.value();
    REQUIRE(count_kind(pdf.diagnostics, "page_too_complex") == 1);
    const auto it = std::find_if(pdf.diagnostics.begin(), pdf.diagnostics.end(),
                                 [](const Diagnostic& d) { return d.kind == "page_too_complex"; });
    CHECK(it->severity == Severity::error);
    CHECK(it->page == 1);
    CHECK(too_complex_message(pdf.diagnostics).find("work limit") != std::string::npos);
}

TEST_CASE("forms nested to ten million glyphs stop at a work limit") {
    auto result = read_pdf_pages(fuzz_seed("nested_forms_10m_glyphs.pdf"));
    REQUIRE(result.ok());
    const PdfPages& pdf = result.value();
    REQUIRE(count_kind(pdf.diagnostics, "page_too_complex") == 1);
    CHECK(too_complex_message(pdf.diagnostics).find("work limit") != std::string::npos);
    REQUIRE(pdf.pages.size() == 1);
    CHECK_FALSE(pdf.pages[0].spans.empty());
}

TEST_CASE("after five pages over a work limit the rest of the document is not read") {
    auto result = read_pdf_pages(fuzz_seed("eight_pages_over_path_limit.pdf"));
    REQUIRE(result.ok());
    const PdfPages& pdf = result.value();
    REQUIRE(pdf.pages.size() == 8);
    CHECK(count_kind(pdf.diagnostics, "page_too_complex") == 8);
    for (const Diagnostic& d : pdf.diagnostics) {
        if (d.kind != "page_too_complex") continue;
        INFO(d.page << ": " << d.message);
        CHECK(d.message.find(d.page <= 5 ? "work limit" : "page not read") != std::string::npos);
    }
    CHECK_FALSE(pdf.pages[4].rulings.empty());
    CHECK(pdf.pages[5].rulings.empty());
}

TEST_CASE("a corpus page is read whole") {
    auto result = read_pdf_pages(std::string(BUDGETPDF_SOURCE_DIR) + "/corpus/grid/yangquan_final_full_grid.pdf");
    REQUIRE(result.ok());
    CHECK(count_kind(result.value().diagnostics, "page_too_complex") == 0);
}
