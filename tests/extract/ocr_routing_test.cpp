#include "extract/ocr_routing.h"

#include <doctest/doctest.h>

using namespace budgetpdf;

namespace {

constexpr double a4_area = 595.0 * 842.0;

PdfPageCapture with_text(const std::u32string& text) {
    PdfPageCapture capture;
    for (char32_t c : text) {
        capture.codepoints.push_back(c);
        PdfGlyph glyph;
        glyph.text_begin = static_cast<std::uint32_t>(capture.codepoints.size() - 1);
        glyph.text_length = 1;
        capture.glyphs.push_back(glyph);
    }
    capture.drawn_glyphs = static_cast<int>(text.size());
    return capture;
}

}  // namespace

TEST_CASE("ocr routing: pages without glyphs are blank, scans or outlines") {
    PdfPageCapture blank;
    CHECK(assess_text_layer(blank, a4_area).state == TextLayerState::blank);

    PdfPageCapture scan;
    scan.images_drawn = 1;
    scan.image_area = a4_area;
    TextLayerVerdict verdict = assess_text_layer(scan, a4_area);
    CHECK(verdict.state == TextLayerState::no_text);
    CHECK(verdict.reason.find("100%") != std::string::npos);

    PdfPageCapture outlines;
    outlines.path_points = 50000;
    CHECK(assess_text_layer(outlines, a4_area).state == TextLayerState::outlines);
}

TEST_CASE("ocr routing: unmapped glyphs and glyph ids taken for Unicode are not usable text") {
    PdfPageCapture unmapped = with_text(U"合计");
    unmapped.drawn_glyphs = 40;
    unmapped.unreadable_glyphs = 38;
    CHECK(assess_text_layer(unmapped, a4_area).state == TextLayerState::unreadable);

    // Glyph ids of a font without ToUnicode passed through as code points: other scripts.
    std::u32string ids;
    for (char32_t c = 0x0400; c < 0x0430; ++c) ids.push_back(c);
    CHECK(assess_text_layer(with_text(ids), a4_area).state == TextLayerState::implausible);

    // … or ideographs, but rare ones: few of them are in the common set.
    std::u32string rare;
    for (char32_t c = 0x9F00; c < 0x9F30; ++c) rare.push_back(c);
    CHECK(common_ideograph_share(std::vector<char32_t>(rare.begin(), rare.end())) < 0.5);
    CHECK(assess_text_layer(with_text(rare), a4_area).state == TextLayerState::implausible);
}

TEST_CASE("ocr routing: a short page whose words have no usable Unicode is unreadable, its digits aside") {
    // The last rows of a table on a page of their own: four amounts in a font that decodes,
    // four labels of 4 glyphs in one without ToUnicode (control characters).
    PdfPageCapture rows = with_text(U"5307.695307.695307.695307.69");
    rows.drawn_glyphs += 16;
    rows.unreadable_glyphs = 16;
    CHECK(assess_text_layer(rows, a4_area).state == TextLayerState::unreadable);
    // The same page with its labels readable stays on the text path.
    CHECK(assess_text_layer(with_text(U"5307.695307.69上年结转年终结转收入总计支出总计"), a4_area).state ==
          TextLayerState::usable);
}

TEST_CASE("ocr routing: text decoded through a CMap stays on the text path") {
    const std::u32string page = U"一般公共预算财政拨款支出决算表 部门名称：阳泉市商务局 金额单位：元 合计 8,611,494.83 行政运行";
    CHECK(common_ideograph_share(std::vector<char32_t>(page.begin(), page.end())) == doctest::Approx(1.0));
    PdfPageCapture capture = with_text(page);
    CHECK(assess_text_layer(capture, a4_area).state == TextLayerState::usable);
    // A born-digital page with a logo keeps its text.
    capture.images_drawn = 1;
    capture.image_area = a4_area * 0.1;
    CHECK(assess_text_layer(capture, a4_area).state == TextLayerState::usable);
}

TEST_CASE("ocr routing: a scan with a few typed words over it is mixed") {
    PdfPageCapture capture = with_text(U"附件1");
    capture.images_drawn = 1;
    capture.image_area = a4_area * 0.9;
    CHECK(assess_text_layer(capture, a4_area).state == TextLayerState::mixed);
}

TEST_CASE("ocr routing: the mode decides which states go to OCR") {
    CHECK(routes_to_ocr(TextLayerState::no_text, OcrMode::automatic));
    CHECK(routes_to_ocr(TextLayerState::implausible, OcrMode::automatic));
    CHECK(routes_to_ocr(TextLayerState::mixed, OcrMode::automatic));
    CHECK_FALSE(routes_to_ocr(TextLayerState::usable, OcrMode::automatic));
    CHECK_FALSE(routes_to_ocr(TextLayerState::blank, OcrMode::automatic));
    CHECK(routes_to_ocr(TextLayerState::usable, OcrMode::always));
    CHECK_FALSE(routes_to_ocr(TextLayerState::blank, OcrMode::always));
    CHECK_FALSE(routes_to_ocr(TextLayerState::no_text, OcrMode::never));
}

TEST_CASE("ocr routing: glyph ids read as ASCII and Latin-1 codes are implausible") {
    // What a CID font without ToUnicode gives beside real digits from a WinAnsi font.
    CHECK(assess_text_layer(with_text(U"%&%'( 5307.69 *&+,-./ 2&345678 :&;+<=>?5/ ÑMN <O< ·h¢¸ H¹º 2636.14"), a4_area).state ==
          TextLayerState::implausible);
    CHECK(assess_text_layer(with_text(U"Budget 2024: total 8,611,494.83 (see note 3), 12% of 2023"), a4_area).state ==
          TextLayerState::usable);
}
