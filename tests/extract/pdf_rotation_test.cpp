#include "extract/page_render.h"
#include "extract/pdf_geometry.h"
#include "extract/pdf_reader.h"
#include "extract/table_finder.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include <doctest/doctest.h>

#include "pdf_test_files.h"
#include "table_test_pages.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

const char* const landscape_corpus = "corpus/grid/yangquan_final_landscape_16_columns.pdf";
const char* const portrait_corpus = "corpus/grid/yangquan_final_full_grid.pdf";

std::string corpus_file(const std::string& relative) { return std::string(BUDGETPDF_SOURCE_DIR) + "/" + relative; }

PdfPages read_ok(const std::string& path, PageRange range = {}) {
    auto result = read_pdf_pages(path, range);
    REQUIRE_MESSAGE(result.ok(), path << ": " << (result.ok() ? "" : result.error().message));
    return std::move(result).value();
}

// `source` turned clockwise by `degrees` on every page with qpdf, written to the temp dir.
std::string turned_with_qpdf(const std::string& source, int degrees, const std::string& name) {
    const std::string out = test_file_path(name);
    const std::string command =
        "qpdf --rotate=+" + std::to_string(degrees) + ":1-z '" + source + "' '" + out + "'";
    REQUIRE_MESSAGE(std::system(command.c_str()) == 0, "qpdf is needed for this test");
    return out;
}

bool same_rect(const Rect& a, const Rect& b, double tolerance = 0.01) {
    return std::abs(a.x0 - b.x0) <= tolerance && std::abs(a.y0 - b.y0) <= tolerance &&
           std::abs(a.x1 - b.x1) <= tolerance && std::abs(a.y1 - b.y1) <= tolerance;
}

// The turned page must equal the original: size, spans (text and box) and rulings.
void check_same_page(const Page& original, const Page& turned) {
    CHECK(turned.width == doctest::Approx(original.width));
    CHECK(turned.height == doctest::Approx(original.height));
    REQUIRE(turned.spans.size() == original.spans.size());
    for (std::size_t i = 0; i < original.spans.size(); ++i) {
        CAPTURE(original.spans[i].text);
        CHECK(turned.spans[i].text == original.spans[i].text);
        CHECK(same_rect(turned.spans[i].bbox, original.spans[i].bbox));
    }
    REQUIRE(turned.rulings.size() == original.rulings.size());
    for (std::size_t i = 0; i < original.rulings.size(); ++i) {
        const Ruling& a = original.rulings[i];
        const Ruling& b = turned.rulings[i];
        CHECK(b.orientation == a.orientation);
        CHECK(same_rect({b.from.x, b.from.y, b.to.x, b.to.y}, {a.from.x, a.from.y, a.to.x, a.to.y}));
    }
}

// Same number of tables, each with the same grid and cell texts.
void check_same_tables(const std::vector<Table>& original, const std::vector<Table>& turned) {
    REQUIRE(turned.size() == original.size());
    for (std::size_t t = 0; t < original.size(); ++t) {
        const Table& a = original[t];
        const Table& b = turned[t];
        CHECK(b.page == a.page);
        CHECK(b.rows == a.rows);
        CHECK(b.cols == a.cols);
        CHECK(b.method == a.method);
        REQUIRE(b.cells.size() == a.cells.size());
        for (std::size_t i = 0; i < a.cells.size(); ++i) {
            CAPTURE(a.cells[i].text);
            CHECK(b.cells[i].row == a.cells[i].row);
            CHECK(b.cells[i].col == a.cells[i].col);
            CHECK(b.cells[i].row_span == a.cells[i].row_span);
            CHECK(b.cells[i].col_span == a.cells[i].col_span);
            CHECK(b.cells[i].text == a.cells[i].text);
        }
    }
}

// A small ruled table with a title, in the user space of a 792 × 612 landscape page.
std::string landscape_table_content() {
    std::string s = "BT /F1 14 Tf 72 560 Td (Expenditure by function 2024) Tj ET\n0.5 w\n";
    const double left = 72, right = 720, top = 530, row_height = 30;
    const double cols[] = {72, 200, 460, 720};
    for (int r = 0; r <= 4; ++r) {
        const double y = top - r * row_height;
        s += std::to_string(left) + " " + std::to_string(y) + " m " + std::to_string(right) + " " +
             std::to_string(y) + " l S\n";
    }
    for (double x : cols)
        s += std::to_string(x) + " " + std::to_string(top) + " m " + std::to_string(x) + " " +
             std::to_string(top - 4 * row_height) + " l S\n";
    const char* const cells[4][3] = {{"Code", "Item", "Amount"},
                                     {"201", "General public services", "1,234.50"},
                                     {"205", "Education", "88.00"},
                                     {"208", "Social security", "7,000.25"}};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 3; ++c)
            s += "BT /F1 10 Tf " + std::to_string(cols[c] + 6) + " " + std::to_string(top - r * row_height - 19) +
                 " Td (" + cells[r][c] + ") Tj ET\n";
    return s;
}

std::vector<std::string> texts_of(const Page& page) {
    std::vector<std::string> out;
    for (const TextSpan& s : page.spans) out.push_back(s.text);
    return out;
}

// `count` one-character glyphs running `direction` (only the direction matters here).
std::vector<PdfGlyph> glyphs_running(GlyphDirection direction, int count) {
    std::vector<PdfGlyph> glyphs(static_cast<std::size_t>(count));
    for (PdfGlyph& g : glyphs) {
        g.direction = direction;
        g.text_length = 1;
    }
    return glyphs;
}

}  // namespace

TEST_CASE("the dominant glyph direction decides the turn; few glyphs or a tie keep the page") {
    auto with = [](std::initializer_list<std::pair<GlyphDirection, int>> parts) {
        std::vector<PdfGlyph> glyphs;
        for (auto [direction, count] : parts) {
            auto more = glyphs_running(direction, count);
            glyphs.insert(glyphs.end(), more.begin(), more.end());
        }
        return glyphs;
    };
    CHECK(upright_turn_degrees({}) == 0);
    CHECK(upright_turn_degrees(with({{GlyphDirection::right, 100}})) == 0);
    CHECK(upright_turn_degrees(with({{GlyphDirection::down, 100}, {GlyphDirection::right, 10}})) == 270);
    CHECK(upright_turn_degrees(with({{GlyphDirection::left, 60}, {GlyphDirection::up, 30}})) == 180);
    CHECK(upright_turn_degrees(with({{GlyphDirection::up, 40}, {GlyphDirection::right, 39}})) == 90);
    CHECK(upright_turn_degrees(with({{GlyphDirection::up, 40}, {GlyphDirection::right, 40}})) == 0);
    CHECK(upright_turn_degrees(with({{GlyphDirection::down, 8}})) == 0);
    // Slanted glyphs and glyphs without text do not vote.
    CHECK(upright_turn_degrees(with({{GlyphDirection::other, 500}, {GlyphDirection::right, 30}})) == 0);
    auto empty = glyphs_running(GlyphDirection::down, 100);
    for (PdfGlyph& g : empty) g.text_length = 0;
    CHECK(upright_turn_degrees(empty) == 0);
}

TEST_CASE("turning a capture maps boxes, origins, directions, rulings and the page size") {
    PdfPageCapture capture;
    PdfGlyph g;
    g.box = {10, 20, 30, 25};
    g.origin = {10, 24};
    g.direction = GlyphDirection::down;
    g.text_length = 1;
    capture.glyphs.push_back(g);
    capture.rulings.push_back({Orientation::horizontal, {100, 50}, {300, 50}, 0.5});
    capture.rulings.push_back({Orientation::vertical, {40, 100}, {40, 200}, 1});

    SUBCASE("a quarter turn clockwise: (x, y) -> (H - y, x)") {
        double w = 600, h = 800;
        turn_page_capture(capture, w, h, 90);
        CHECK(w == 800);
        CHECK(h == 600);
        CHECK(same_rect(capture.glyphs[0].box, {775, 10, 780, 30}));
        CHECK(capture.glyphs[0].origin.x == doctest::Approx(776));
        CHECK(capture.glyphs[0].origin.y == doctest::Approx(10));
        CHECK(capture.glyphs[0].direction == GlyphDirection::left);
        REQUIRE(capture.rulings.size() == 2);
        // Sorted again: horizontal first.
        const Ruling& h0 = capture.rulings[0];
        CHECK(h0.orientation == Orientation::horizontal);
        CHECK(same_rect({h0.from.x, h0.from.y, h0.to.x, h0.to.y}, {600, 40, 700, 40}));
        CHECK(h0.width == 1);
        const Ruling& v0 = capture.rulings[1];
        CHECK(v0.orientation == Orientation::vertical);
        CHECK(same_rect({v0.from.x, v0.from.y, v0.to.x, v0.to.y}, {750, 100, 750, 300}));
    }
    SUBCASE("a half turn: (x, y) -> (W - x, H - y)") {
        double w = 600, h = 800;
        turn_page_capture(capture, w, h, 180);
        CHECK(w == 600);
        CHECK(h == 800);
        CHECK(same_rect(capture.glyphs[0].box, {570, 775, 590, 780}));
        CHECK(capture.glyphs[0].direction == GlyphDirection::up);
        CHECK(capture.rulings[0].from.x == doctest::Approx(300));
        CHECK(capture.rulings[0].to.x == doctest::Approx(500));
    }
    SUBCASE("three quarter turns bring text running down to run right") {
        double w = 600, h = 800;
        turn_page_capture(capture, w, h, 270);
        CHECK(w == 800);
        CHECK(h == 600);
        CHECK(same_rect(capture.glyphs[0].box, {20, 570, 25, 590}));
        CHECK(capture.glyphs[0].direction == GlyphDirection::right);
    }
    SUBCASE("no turn changes nothing") {
        double w = 600, h = 800;
        turn_page_capture(capture, w, h, 0);
        CHECK(w == 600);
        CHECK(same_rect(capture.glyphs[0].box, g.box));
        CHECK(capture.glyphs[0].direction == GlyphDirection::down);
    }
}

TEST_CASE("corpus pages turned by /Rotate come back upright with the same spans and tables (needs qpdf)") {
    for (const char* relative : {landscape_corpus, portrait_corpus}) {
        CAPTURE(relative);
        const std::string source = corpus_file(relative);
        const PdfPages original = read_ok(source);
        REQUIRE_FALSE(original.pages.empty());
        const std::vector<Table> original_tables = tables_of(original.pages);
        REQUIRE_FALSE(original_tables.empty());
        for (int degrees : {90, 180, 270}) {
            CAPTURE(degrees);
            const std::string name = std::to_string(degrees) + "_" + std::to_string(original.pages.size()) + ".pdf";
            const PdfPages turned = read_ok(turned_with_qpdf(source, degrees, name));
            REQUIRE(turned.pages.size() == original.pages.size());
            for (std::size_t i = 0; i < original.pages.size(); ++i) {
                CAPTURE(i + 1);
                // The extra turn undoes /Rotate: the same page space as the original.
                CHECK(turned.pages[i].rotation == original.pages[i].rotation);
                check_same_page(original.pages[i], turned.pages[i]);
            }
            check_same_tables(original_tables, tables_of(turned.pages));
        }
    }
}

TEST_CASE("a table drawn sideways on a portrait page without /Rotate comes out upright") {
    TestPdfPage landscape;
    landscape.width = 792;
    landscape.height = 612;
    landscape.content = landscape_table_content();
    // The same drawing turned a quarter either way onto a portrait page, plus a short
    // upright note in the portrait page's own space that must be kept, turned with the page.
    TestPdfPage up;
    up.content = "q 0 1 -1 0 612 0 cm\n" + landscape_table_content() +
                 "Q\nBT /F1 8 Tf 20 20 Td (stamp) Tj ET\n";
    TestPdfPage down;
    down.content = "q 0 -1 1 0 0 792 cm\n" + landscape_table_content() + "Q\n";
    const std::string path = write_test_file("sideways.pdf", make_test_pdf({landscape, up, down}));
    const PdfPages doc = read_ok(path);
    REQUIRE(doc.pages.size() == 3);
    const Page& reference = doc.pages[0];
    CHECK(reference.rotation == 0);
    REQUIRE(texts_of(reference).size() >= 13);
    CHECK(texts_of(reference).front() == "Expenditure by function 2024");

    const Page& turned_up = doc.pages[1];
    CHECK(turned_up.rotation == 90);
    CHECK(turned_up.width == doctest::Approx(792));
    CHECK(turned_up.height == doctest::Approx(612));
    Page without_stamp = turned_up;
    const auto stamp = std::find_if(without_stamp.spans.begin(), without_stamp.spans.end(),
                                    [](const TextSpan& s) { return s.text == "stamp"; });
    REQUIRE(stamp != without_stamp.spans.end());
    // Upright on the portrait page, near its bottom-left corner: after the quarter turn it
    // runs down the left edge.
    CHECK(stamp->bbox.height() > 2 * stamp->bbox.width());
    CHECK(stamp->bbox.x1 < 30);
    without_stamp.spans.erase(stamp);
    check_same_page(reference, without_stamp);

    const Page& turned_down = doc.pages[2];
    CHECK(turned_down.rotation == 270);
    check_same_page(reference, turned_down);

    const std::vector<Table> tables = tables_of({reference});
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].rows == 4);
    CHECK(tables[0].cols == 3);
    // Compared as if each were the first page.
    without_stamp.number = 1;
    Page down_first = turned_down;
    down_first.number = 1;
    check_same_tables(tables, tables_of({without_stamp}));
    check_same_tables(tables, tables_of({down_first}));
}

TEST_CASE("a turned page renders with its overlays where the upright page has them (needs qpdf)") {
    const std::string source = corpus_file(landscape_corpus);
    const Page original = read_ok(source).pages.at(0);
    RenderOptions options;
    options.dpi = 50;
    const std::string original_png = test_file_path("upright.png");
    REQUIRE(render_page_png(source, original, tables_of({original}), original_png, options).ok());
    const std::string expected = read_file_bytes(original_png);
    REQUIRE(expected.size() > 1000);
    for (int degrees : {90, 270}) {
        CAPTURE(degrees);
        const std::string turned_pdf = turned_with_qpdf(source, degrees, "render" + std::to_string(degrees) + ".pdf");
        const Page turned = read_ok(turned_pdf).pages.at(0);
        const std::string png = test_file_path("turned" + std::to_string(degrees) + ".png");
        REQUIRE(render_page_png(turned_pdf, turned, tables_of({turned}), png, options).ok());
        // The same picture, overlays included, pixel for pixel.
        CHECK(read_file_bytes(png) == expected);
    }
}
