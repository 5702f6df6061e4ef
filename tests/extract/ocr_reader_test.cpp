// The raster path on the committed synthetic scans (corpus/scans, made by tools/make_scans
// from the generated corpus): pages routed to OCR come back as spans and rulings the table
// finder reads like a text layer. Assertions are on amounts and flags, not on Tesseract's
// exact confidences.

#include "extract/ocr_reader.h"

#include <algorithm>
#include <string>

#include <doctest/doctest.h>

#include "extract/table_finder.h"
#include "pdf_test_files.h"

using namespace budgetpdf;

namespace {

std::string scan(const std::string& name) { return std::string(BUDGETPDF_SOURCE_DIR) + "/corpus/scans/" + name; }

PdfPages read_ok(const std::string& path, PageRange range = {}) {
    auto result = read_pdf_pages(path, range);
    REQUIRE_MESSAGE(result.ok(), path);
    return std::move(result).value();
}

bool has_span(const Page& page, const std::string& text) {
    return std::any_of(page.spans.begin(), page.spans.end(), [&](const TextSpan& s) { return s.text == text; });
}

int count_kind(const PdfPages& pdf, const std::string& kind) {
    return static_cast<int>(std::count_if(pdf.diagnostics.begin(), pdf.diagnostics.end(),
                                          [&](const Diagnostic& d) { return d.kind == kind; }));
}

}  // namespace

TEST_CASE("ocr reader: a scanned table page with a red seal reads into amounts and a lattice") {
    PdfPages pdf = read_ok(scan("yangquan_final_full_grid_p3.scan300.pdf"));
    REQUIRE(pdf.text_layers.size() == 1);
    CHECK(pdf.text_layers[0].state == TextLayerState::no_text);
    CHECK(count_kind(pdf, "no_text_layer") == 1);

    OcrSession ocr;
    REQUIRE(ocr.read_routed_pages(scan("yangquan_final_full_grid_p3.scan300.pdf"), pdf) == 1);
    const Page& page = pdf.pages[0];
    CHECK(page.source == TextSource::ocr);
    CHECK(count_kind(pdf, "no_text_layer") == 0);
    CHECK(count_kind(pdf, "ocr_page") == 1);
    for (const char* amount : {"108017375.38", "7951029.59", "579378.94", "98006577.67", "451385.00"})
        CHECK_MESSAGE(has_span(page, amount), amount);
    CHECK(has_span(page, "支出决算表"));
    CHECK(std::all_of(page.spans.begin(), page.spans.end(), [](const TextSpan& s) {
        return s.source == TextSource::ocr && s.confidence >= 0 && s.confidence <= 1;
    }));

    std::vector<Diagnostic> diagnostics;
    std::vector<Table> tables = find_tables(pdf.pages, {}, diagnostics);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].method == GridMethod::lattice);
    CHECK(tables[0].cols == 8);
    CHECK(tables[0].rows == 27);
    CHECK(tables[0].context.title == "支出决算表");
}

TEST_CASE("ocr reader: a page scanned sideways is turned upright") {
    const std::string path = scan("jincheng_budget_merged_headers_p1-2.scan200.pdf");
    PdfPages pdf = read_ok(path, {2, 2});
    OcrSession ocr;
    REQUIRE(ocr.read_routed_pages(path, pdf) == 1);
    const Page& page = pdf.pages[0];
    CHECK((page.rotation == 90 || page.rotation == 270));
    CHECK(page.width < page.height);
    CHECK(has_span(page, "5307.69"));
    CHECK(has_span(page, "2636.14"));
}

TEST_CASE("ocr reader: --ocr never leaves pages without text as they were") {
    const std::string path = scan("yangquan_final_full_grid_p3.scan200.pdf");
    PdfPages pdf = read_ok(path);
    OcrOptions options;
    options.mode = OcrMode::never;
    OcrSession ocr(options);
    CHECK(ocr.read_routed_pages(path, pdf) == 0);
    CHECK(pdf.pages[0].source == TextSource::text_layer);
    CHECK(pdf.pages[0].spans.empty());
    CHECK(count_kind(pdf, "no_text_layer") == 1);
}

TEST_CASE("ocr reader: fonts without ToUnicode are routed to OCR and read") {
    const std::string path = scan("yangquan_final_full_grid_p3.notounicode.pdf");
    PdfPages pdf = read_ok(path);
    REQUIRE(pdf.text_layers.size() == 1);
    CHECK((pdf.text_layers[0].state == TextLayerState::unreadable ||
           pdf.text_layers[0].state == TextLayerState::implausible));
    OcrSession ocr;
    REQUIRE(ocr.read_routed_pages(path, pdf) == 1);
    CHECK(count_kind(pdf, "garbled_text") == 0);
    CHECK(has_span(pdf.pages[0], "108017375.38"));
    CHECK(has_span(pdf.pages[0], "8611494.83"));
}

TEST_CASE("ocr reader: amounts and codes printed in a Latin serif font read right (重庆 宣传部, page 9, read by OCR)") {
    // A born-digital page, read by OCR (--ocr always): its digits are set in Times, which
    // the Chinese model alone reads 559.38 as 339.38 and 2013350 as 2013330, and as sure.
    const std::string path = test::shared_file("real/renwu/重庆__2026年重庆市委宣传部部门预算__a63e312b.pdf");
    PdfPages pdf = read_ok(path, {9, 9});
    OcrSession ocr(OcrOptions{OcrMode::always});
    REQUIRE(ocr.read_routed_pages(path, pdf) == 1);
    const Page& page = pdf.pages[0];
    for (const char* printed : {"45,369.18", "22,006.16", "559.38", "121.56", "539.14", "522.39", "16.75", "2013350",
                                "20508", "2050803", "19,527.61", "4,066.60", "513.00", "23.86"})
        CHECK_MESSAGE(has_span(page, printed), printed);
}
