#include "extract/pdf_reader.h"

#include <algorithm>
#include <cstdlib>
#include <regex>

#include <doctest/doctest.h>

#include "pdf_test_files.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

const char* const commerce_budget = "real/govbudgetchecker/putuo_commerce_2025_dept_budget.pdf";
const char* const finance_final = "real/govbudgetchecker/putuo_finance_2024_dept_final.pdf";

PdfPages read_ok(const std::string& path, PageRange range = {}) {
    auto result = read_pdf_pages(path, range);
    REQUIRE_MESSAGE(result.ok(), path << ": " << (result.ok() ? "" : result.error().message));
    return std::move(result).value();
}

PdfPages read_test_pdf(const std::string& name, const std::vector<TestPdfPage>& pages) {
    return read_ok(write_test_file(name, make_test_pdf(pages)));
}

const TextSpan* find_span(const Page& page, const std::string& text) {
    for (const TextSpan& s : page.spans)
        if (s.text == text) return &s;
    return nullptr;
}

std::vector<Ruling> rulings_of(const Page& page, Orientation orientation) {
    std::vector<Ruling> out;
    for (const Ruling& r : page.rulings)
        if (r.orientation == orientation) out.push_back(r);
    return out;
}

bool has_diagnostic(const PdfPages& pages, const std::string& kind, int page) {
    return std::any_of(pages.diagnostics.begin(), pages.diagnostics.end(),
                       [&](const Diagnostic& d) { return d.kind == kind && d.page == page; });
}

std::vector<std::string> sorted_texts(const Page& page) {
    std::vector<std::string> texts;
    for (const TextSpan& s : page.spans) texts.push_back(s.text);
    std::sort(texts.begin(), texts.end());
    return texts;
}

bool inside_page(const Rect& r, const Page& page) {
    return r.x0 >= -0.5 && r.y0 >= -0.5 && r.x1 <= page.width + 0.5 && r.y1 <= page.height + 0.5;
}

// Graphics used by the synthetic pages below (PDF user space, origin bottom-left, 612×792).
const char* const text_and_lines =
    "BT /F1 12 Tf 72 700 Td (Left text) Tj ET\n"
    "1 w 100 600 m 300 600 l S\n"
    "0 0 0 rg 400 100 0.8 200 re f\n";

}  // namespace

TEST_CASE("a hand-made page: text, word spaces, wide gaps and ruling splits") {
    TestPdfPage page;
    page.content =
        "BT /F1 12 Tf 72 700 Td (Hello World) Tj ET\n"
        "BT /F1 12 Tf 72 650 Td (Total) Tj 228 0 Td (1,234.00) Tj ET\n"
        // \"AB\" is 16 pt wide in Helvetica 12; \"CD\" starts 1 pt later, a border passes between.
        "BT /F1 12 Tf 100 600 Td (AB) Tj 17 0 Td (CD) Tj ET\n"
        "0.5 w 116.5 590 m 116.5 620 l S\n"
        "BT /F1 12 Tf 100 500 Td (AB) Tj 17 0 Td (CD) Tj ET\n";
    auto doc = read_test_pdf("spans.pdf", {page});
    REQUIRE(doc.pages.size() == 1);
    const Page& p = doc.pages[0];
    CHECK(p.number == 1);
    CHECK(p.width == doctest::Approx(612));
    CHECK(p.height == doctest::Approx(792));
    CHECK(p.rotation == 0);
    CHECK(p.source == TextSource::text_layer);

    std::vector<std::string> texts;
    for (const TextSpan& s : p.spans) texts.push_back(s.text);
    CHECK(texts == std::vector<std::string>{"Hello World", "Total", "1,234.00", "AB", "CD", "ABCD"});

    const TextSpan* hello = find_span(p, "Hello World");
    REQUIRE(hello);
    CHECK(hello->bbox.x0 == doctest::Approx(72));
    CHECK(hello->font_size == doctest::Approx(12));
    CHECK(hello->bbox.y1 > 792 - 700);   // the baseline lies inside the box, top-left origin
    CHECK(hello->bbox.y0 < 792 - 700);
    CHECK(hello->bbox.y0 > 792 - 700 - 12);
    CHECK(doc.info.producer == "budgetpdf tests");
    CHECK(doc.info.page_count == 1);
    CHECK(doc.diagnostics.empty());
}

TEST_CASE("a hand-made page: which vector graphics become rulings") {
    TestPdfPage page;
    page.content =
        "1 w 100 400 m 500 400 l S\n"                        // plain horizontal
        "100 400 m 500 400 l S\n"                            // its exact duplicate
        "100 250 m 400 251 l S\n"                            // a tiny slope still counts
        "100 100 m 200 200 l S\n"                            // diagonal: no
        "100 700 m 150 750 200 750 250 700 c S\n"            // curve: no
        "1 1 1 RG 50 50 m 500 50 l S 0 G\n"                  // white: no
        "q /Clear gs 50 60 m 500 60 l S Q\n"                 // fully transparent: no
        "q 0 0 200 792 re W n 100 300 m 500 300 l S Q\n"     // clipped to x <= 200
        "q 0 0 50 792 re W n 100 310 m 500 310 l S Q\n"      // fully clipped: no
        "q 2 0 0 2 0 0 cm 10 10 m 60 10 l S Q\n"             // through the CTM
        "300 500 100 50 re S\n"                              // stroked rectangle: 4 sides
        "0 0 0 rg 100 200 200 1 re f\n"                      // thin fill: a border
        "0.8 g 100 150 200 30 re f\n"                        // cell shading: no
        "1 g 100 140 200 1 re f\n";                          // white thin fill: no
    auto doc = read_test_pdf("rulings.pdf", {page});
    const Page& p = doc.pages[0];
    auto h = rulings_of(p, Orientation::horizontal);
    auto v = rulings_of(p, Orientation::vertical);
    CHECK(h.size() == 7);
    CHECK(v.size() == 2);
    auto find_h = [&](double y) -> const Ruling* {
        for (const Ruling& r : h)
            if (std::abs(r.from.y - y) < 0.6) return &r;
        return nullptr;
    };
    REQUIRE(find_h(792 - 400));
    CHECK(find_h(792 - 400)->from.x == doctest::Approx(100));
    CHECK(find_h(792 - 400)->to.x == doctest::Approx(500));
    CHECK(find_h(792 - 250.5));
    REQUIRE(find_h(792 - 300));
    CHECK(find_h(792 - 300)->to.x == doctest::Approx(200));
    REQUIRE(find_h(792 - 20));
    CHECK(find_h(792 - 20)->to.x == doctest::Approx(120));
    CHECK(find_h(792 - 20)->width == doctest::Approx(2));
    CHECK(find_h(792 - 500));
    CHECK(find_h(792 - 550));
    REQUIRE(find_h(792 - 200.5));
    CHECK(find_h(792 - 200.5)->width == doctest::Approx(1));
    CHECK_FALSE(find_h(792 - 310));
    CHECK_FALSE(find_h(792 - 60));
    CHECK_FALSE(find_h(792 - 50));
    CHECK(v[0].from.x == doctest::Approx(300));
    CHECK(v[1].from.x == doctest::Approx(400));
    CHECK(v[0].from.y == doctest::Approx(792 - 550));
    CHECK(v[0].to.y == doctest::Approx(792 - 500));
    // A page with a few lines and no text or image is blank, not a page that lost its text.
    CHECK(has_diagnostic(doc, "blank_page", 1));
    CHECK_FALSE(has_diagnostic(doc, "no_text_layer", 1));
}

TEST_CASE("cell borders filled as thin quadrilaterals with mitred ends (Excel) are rulings") {
    TestPdfPage page;
    // A 0.75 pt frame drawn as four trapezoids, each long side axis-aligned, the ends cut
    // at 45 degrees where they meet; then a thick trapezoid (a shape, not a border) and a
    // thin slanted sliver (neither side axis-aligned).
    page.content =
        "0 0 0 rg\n"
        "500 100 m 100 100 l 100 100.75 l 499.25 100.75 l h f\n"  // bottom
        "500 300 m 500 100 l 499.25 100.75 l 499.25 300 l h f\n"  // right
        "100 300 m 500 300 l 499.25 299.25 l 100.75 299.25 l h f\n"  // top
        "100 100 m 100 300 l 100.75 299.25 l 100.75 100.75 l h f\n"  // left
        "100 500 m 300 500 l 290 520 l 110 520 l h f\n"            // thick: no
        "100 600 m 300 640 l 300 641 l 100 601 l h f\n";           // slanted: no
    auto doc = read_test_pdf("mitred_borders.pdf", {page});
    const Page& p = doc.pages[0];
    auto h = rulings_of(p, Orientation::horizontal);
    auto v = rulings_of(p, Orientation::vertical);
    REQUIRE(h.size() == 2);
    REQUIRE(v.size() == 2);
    CHECK(h[0].from.y == doctest::Approx(792 - 299.625));
    CHECK(h[0].from.x == doctest::Approx(100));
    CHECK(h[0].to.x == doctest::Approx(500));
    CHECK(h[1].from.y == doctest::Approx(792 - 100.375));
    CHECK(v[0].from.x == doctest::Approx(100.375));
    CHECK(v[1].from.x == doctest::Approx(499.625));
    CHECK(v[1].from.y == doctest::Approx(792 - 300));
    CHECK(v[1].to.y == doctest::Approx(792 - 100));
}

TEST_CASE("/Rotate on a page with little text: shown as displayed, swapped size, rotated boxes") {
    TestPdfPage page;
    page.content = text_and_lines;
    const Page upright = read_test_pdf("rotate0.pdf", {page}).pages[0];
    const TextSpan* base = find_span(upright, "Left text");
    REQUIRE(base);
    for (int rotate : {90, 180, 270}) {
        CAPTURE(rotate);
        page.rotate = rotate;
        const Page turned = read_test_pdf("rotate" + std::to_string(rotate) + ".pdf", {page}).pages[0];
        CHECK(turned.rotation == rotate);
        const bool swapped = rotate != 180;
        CHECK(turned.width == doctest::Approx(swapped ? 792 : 612));
        CHECK(turned.height == doctest::Approx(swapped ? 612 : 792));
        const TextSpan* span = find_span(turned, "Left text");
        REQUIRE(span);
        // Where the upright box lands after turning the page clockwise.
        const Rect& b = base->bbox;
        Rect expected;
        if (rotate == 90) expected = {792 - b.y1, b.x0, 792 - b.y0, b.x1};
        if (rotate == 180) expected = {612 - b.x1, 792 - b.y1, 612 - b.x0, 792 - b.y0};
        if (rotate == 270) expected = {b.y0, 612 - b.x1, b.y1, 612 - b.x0};
        CHECK(span->bbox.x0 == doctest::Approx(expected.x0).epsilon(0.001));
        CHECK(span->bbox.y0 == doctest::Approx(expected.y0).epsilon(0.001));
        CHECK(span->bbox.x1 == doctest::Approx(expected.x1).epsilon(0.001));
        CHECK(span->bbox.y1 == doctest::Approx(expected.y1).epsilon(0.001));
        CHECK(rulings_of(turned, Orientation::horizontal).size() == 1);
        CHECK(rulings_of(turned, Orientation::vertical).size() == 1);
    }
}

TEST_CASE("the crop box sets the page size and origin") {
    TestPdfPage page;
    page.content = text_and_lines;
    page.crop_box = std::vector<double>{50, 40, 562, 742};
    const Page p = read_test_pdf("crop.pdf", {page}).pages[0];
    CHECK(p.width == doctest::Approx(512));
    CHECK(p.height == doctest::Approx(702));
    const TextSpan* span = find_span(p, "Left text");
    REQUIRE(span);
    CHECK(span->bbox.x0 == doctest::Approx(72 - 50));
    CHECK(span->bbox.y1 > 742 - 700);
    CHECK(span->bbox.y0 < 742 - 700);
    auto h = rulings_of(p, Orientation::horizontal);
    REQUIRE(h.size() == 1);
    CHECK(h[0].from.y == doctest::Approx(742 - 600));
    CHECK(h[0].from.x == doctest::Approx(100 - 50));
}

TEST_CASE("text without usable Unicode is flagged garbled; an image without text has no text layer") {
    TestPdfPage garbled;
    garbled.content = "BT /F2 12 Tf 72 700 Td (Budget table of 2024) Tj ET";
    TestPdfPage image;  // a 1×1 grey inline image stretched over the page, as a scan is
    image.content = "q 612 0 0 792 0 0 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q";
    TestPdfPage fine;
    fine.content = "BT /F1 12 Tf 72 700 Td (Readable) Tj ET";
    auto doc = read_test_pdf("garbled.pdf", {garbled, image, fine});
    REQUIRE(doc.pages.size() == 3);
    CHECK(has_diagnostic(doc, "garbled_text", 1));
    CHECK_FALSE(has_diagnostic(doc, "no_text_layer", 1));
    CHECK(has_diagnostic(doc, "no_text_layer", 2));
    CHECK(doc.pages[1].spans.empty());
    CHECK_FALSE(has_diagnostic(doc, "garbled_text", 3));
    CHECK_FALSE(has_diagnostic(doc, "no_text_layer", 3));
    CHECK(doc.diagnostics.size() == 2);

    // An empty page is blank (info), not a page that lost its text.
    auto blank = read_test_pdf("blank.pdf", {TestPdfPage{}});
    CHECK(has_diagnostic(blank, "blank_page", 1));
    CHECK_FALSE(has_diagnostic(blank, "no_text_layer", 1));
}

TEST_CASE("a page range reads only those pages") {
    TestPdfPage a, b, c;
    a.content = "BT /F1 12 Tf 72 700 Td (one) Tj ET";
    b.content = "BT /F1 12 Tf 72 700 Td (two) Tj ET";
    c.content = "BT /F1 12 Tf 72 700 Td (three) Tj ET";
    const std::string path = write_test_file("three_pages.pdf", make_test_pdf({a, b, c}));
    auto doc = read_ok(path, {2, 3});
    CHECK(doc.info.page_count == 3);
    CHECK(doc.info.path == path);
    REQUIRE(doc.pages.size() == 2);
    CHECK(doc.pages[0].number == 2);
    CHECK(find_span(doc.pages[0], "two"));
    CHECK(doc.pages[1].number == 3);
    CHECK(find_span(doc.pages[1], "three"));
    CHECK(read_ok(path, {3, 0}).pages.size() == 1);
}

TEST_CASE("real WPS budget: a code table page has codes, amounts and a full grid") {
    auto doc = read_ok(shared_file(commerce_budget), {10, 10});
    CHECK(doc.info.page_count == 26);
    CHECK(doc.info.producer.find("WPS") != std::string::npos);
    const Page& p = doc.pages[0];
    CHECK(p.width > p.height);  // a landscape table page

    const TextSpan* title = find_span(p, "2025年部门收入预算总表");
    REQUIRE(title);
    const TextSpan* code = find_span(p, "201");
    REQUIRE(code);
    const TextSpan* name = find_span(p, "一般公共服务支出");
    REQUIRE(name);
    CHECK(title->bbox.y1 < code->bbox.y0);
    CHECK(title->font_size > code->font_size);

    // The amounts on the code's row, right of its name, each a separate span.
    const std::regex amount(R"(\d{1,3}(,\d{3})+\.\d{2})");
    std::vector<const TextSpan*> row_amounts;
    for (const TextSpan& s : p.spans)
        if (std::regex_match(s.text, amount) && std::abs(s.bbox.center_y() - code->bbox.center_y()) < 2 &&
            s.bbox.x0 > name->bbox.x1)
            row_amounts.push_back(&s);
    REQUIRE(row_amounts.size() >= 2);
    CHECK(row_amounts[0]->bbox.x1 <= row_amounts[1]->bbox.x0);

    auto h = rulings_of(p, Orientation::horizontal);
    auto v = rulings_of(p, Orientation::vertical);
    CHECK(h.size() >= 10);
    CHECK(v.size() >= 5);
    // Some vertical border separates the code column from the amounts.
    CHECK(std::any_of(v.begin(), v.end(), [&](const Ruling& r) {
        return r.from.x > code->bbox.x1 && r.from.x < row_amounts[0]->bbox.x0 && r.from.y < code->bbox.y0 &&
               r.to.y > code->bbox.y1;
    }));
}

TEST_CASE("real WPS budget: no span crosses a vertical ruling and every box is on the page") {
    auto doc = read_ok(shared_file(commerce_budget));
    REQUIRE(doc.pages.size() == 26);
    int checked = 0;
    for (const Page& p : doc.pages) {
        CAPTURE(p.number);
        for (const TextSpan& s : p.spans) {
            CHECK_FALSE(s.text.empty());
            CHECK(s.text.front() != ' ');
            CHECK(s.text.back() != ' ');
            CHECK(inside_page(s.bbox, p));
            for (const Ruling& r : p.rulings) {
                if (r.orientation != Orientation::vertical) continue;
                const bool across = r.from.y < s.bbox.center_y() && r.to.y > s.bbox.center_y();
                const bool inside = r.from.x > s.bbox.x0 + 1 && r.from.x < s.bbox.x1 - 1;
                CHECK_FALSE((across && inside));
                ++checked;
            }
        }
    }
    CHECK(checked > 1000);
}

TEST_CASE("real ONLYOFFICE final accounts: page 10 has rulings in both directions") {
    auto doc = read_ok(shared_file(finance_final), {10, 10});
    CHECK(doc.info.producer.find("ONLYOFFICE") != std::string::npos);
    const Page& p = doc.pages[0];
    CHECK(rulings_of(p, Orientation::horizontal).size() >= 10);
    CHECK(rulings_of(p, Orientation::vertical).size() >= 5);
    CHECK(find_span(p, "支出决算表"));
    CHECK(find_span(p, "201"));
}

TEST_CASE("a real page turned by qpdf (needs qpdf) comes back upright: same size, spans and rulings") {
    const std::string rotated = test_file_path("commerce_rotated.pdf");
    const std::string command = "qpdf --rotate=+90:10 '" + shared_file(commerce_budget) + "' '" + rotated + "'";
    REQUIRE_MESSAGE(std::system(command.c_str()) == 0, "qpdf is needed for this test");
    const Page original = read_ok(shared_file(commerce_budget), {10, 10}).pages[0];
    const Page turned = read_ok(rotated, {10, 10}).pages[0];
    // /Rotate 90 plus the reader's three quarter turns: the original page space again.
    CHECK(turned.rotation == 0);
    CHECK(turned.width == doctest::Approx(original.width));
    CHECK(turned.height == doctest::Approx(original.height));
    CHECK(sorted_texts(turned) == sorted_texts(original));
    CHECK(turned.rulings.size() == original.rulings.size());
    for (const TextSpan& s : turned.spans) CHECK(inside_page(s.bbox, turned));
    const TextSpan* a = find_span(original, "2025年部门收入预算总表");
    const TextSpan* b = find_span(turned, "2025年部门收入预算总表");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(b->bbox.x0 == doctest::Approx(a->bbox.x0).epsilon(0.001));
    CHECK(b->bbox.y0 == doctest::Approx(a->bbox.y0).epsilon(0.001));
}

TEST_CASE("a glyph mapped to several characters keeps them all; control characters are dropped") {
    TestPdfPage page;
    page.content = "BT /F3 12 Tf 72 700 Td (xAyBz) Tj ET";
    auto doc = read_test_pdf("ligature.pdf", {page});
    REQUIRE(doc.pages[0].spans.size() == 1);
    // The control character's glyph is not text, but its advance still leaves a word gap.
    CHECK(doc.pages[0].spans[0].text == "xfiy z");
    CHECK(doc.diagnostics.empty());
}
