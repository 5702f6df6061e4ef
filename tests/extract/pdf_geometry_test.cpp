#include "extract/pdf_geometry.h"

#include <doctest/doctest.h>

using namespace budgetpdf;

namespace {

const Rect whole_page{0, 0, 600, 800};

// Glyphs of `text` (one per byte, ASCII) starting at x with a fixed advance on baseline y.
struct GlyphBuilder {
    std::vector<PdfGlyph> glyphs;
    std::vector<char32_t> codepoints;

    void add_char(char32_t c, double x, double width, double baseline, double size = 10,
                  GlyphDirection direction = GlyphDirection::right) {
        PdfGlyph g;
        g.box = {x, baseline - 0.8 * size, x + width, baseline + 0.2 * size};
        g.origin = {x, baseline};
        g.font_size = size;
        g.text_begin = static_cast<std::uint32_t>(codepoints.size());
        g.text_length = 1;
        g.direction = direction;
        codepoints.push_back(c);
        glyphs.push_back(g);
    }

    // Returns the x after the last glyph.
    double add_word(const std::u32string& text, double x, double baseline, double advance = 6, double size = 10) {
        for (char32_t c : text) {
            add_char(c, x, advance, baseline, size);
            x += advance;
        }
        return x;
    }

    std::vector<TextSpan> spans(const std::vector<Ruling>& rulings = {}) const {
        return build_text_spans(glyphs, codepoints, rulings);
    }
};

Ruling vertical(double x, double y0, double y1) { return {Orientation::vertical, {x, y0}, {x, y1}, 1}; }

}  // namespace

TEST_CASE("stroked segments become rulings only when axis-aligned, long enough and visible") {
    auto h = ruling_from_segment({300, 100.4}, {10, 100}, 0.5, whole_page);
    REQUIRE(h.has_value());
    CHECK(h->orientation == Orientation::horizontal);
    CHECK(h->from.x == doctest::Approx(10));
    CHECK(h->to.x == doctest::Approx(300));
    CHECK(h->from.y == doctest::Approx(100.2));
    CHECK(h->width == doctest::Approx(0.5));

    auto v = ruling_from_segment({50, 400}, {50, 20}, 1, whole_page);
    REQUIRE(v.has_value());
    CHECK(v->orientation == Orientation::vertical);
    CHECK(v->from.y == doctest::Approx(20));
    CHECK(v->to.y == doctest::Approx(400));

    CHECK_FALSE(ruling_from_segment({0, 0}, {100, 100}, 1, whole_page).has_value());   // diagonal
    CHECK_FALSE(ruling_from_segment({0, 0}, {100, 5}, 1, whole_page).has_value());     // too steep
    CHECK_FALSE(ruling_from_segment({10, 10}, {10.1, 10}, 1, whole_page).has_value()); // a dot
}

TEST_CASE("rulings are cut to the clip box and dropped when fully outside") {
    const Rect clip{100, 100, 200, 200};
    auto cut = ruling_from_segment({0, 150}, {500, 150}, 1, clip);
    REQUIRE(cut.has_value());
    CHECK(cut->from.x == doctest::Approx(100));
    CHECK(cut->to.x == doctest::Approx(200));
    CHECK_FALSE(ruling_from_segment({0, 300}, {500, 300}, 1, clip).has_value());
    CHECK_FALSE(ruling_from_segment({300, 0}, {300, 500}, 1, clip).has_value());
    // A border lying exactly on the clip edge survives.
    CHECK(ruling_from_segment({100, 100}, {200, 100}, 1, clip).has_value());
}

TEST_CASE("thin filled rectangles are borders, big ones are shading") {
    auto h = ruling_from_filled_rect({10, 50, 310, 50.75}, whole_page);
    REQUIRE(h.has_value());
    CHECK(h->orientation == Orientation::horizontal);
    CHECK(h->from.y == doctest::Approx(50.375));
    CHECK(h->width == doctest::Approx(0.75));
    CHECK(h->length() == doctest::Approx(300));

    auto v = ruling_from_filled_rect({80, 10, 82, 210}, whole_page);
    REQUIRE(v.has_value());
    CHECK(v->orientation == Orientation::vertical);
    CHECK(v->from.x == doctest::Approx(81));

    CHECK_FALSE(ruling_from_filled_rect({10, 10, 310, 40}, whole_page).has_value());  // cell shading
    CHECK_FALSE(ruling_from_filled_rect({10, 10, 12, 12}, whole_page).has_value());   // a square dot
}

TEST_CASE("exact duplicate rulings are merged, distinct ones kept") {
    std::vector<Ruling> rulings{vertical(10, 0, 100), {Orientation::horizontal, {0, 5}, {50, 5}, 1},
                                vertical(10, 0, 100), vertical(10, 0, 90)};
    merge_duplicate_rulings(rulings);
    REQUIRE(rulings.size() == 3);
    CHECK(rulings[0].orientation == Orientation::horizontal);
    CHECK(rulings[1].end() == doctest::Approx(90));
    CHECK(rulings[2].end() == doctest::Approx(100));
}

TEST_CASE("glyphs on one baseline join; Latin words get one space, CJK none") {
    GlyphBuilder b;
    double x = b.add_word(U"Total", 10, 100);
    b.add_word(U"sum", x + 3, 100);             // a word gap of 0.3 em
    x = b.add_word(U"一般公共", 10, 130, 10);
    b.add_word(U"服务", x + 3, 130.5, 10);      // CJK letter spacing, baseline jitter
    auto spans = b.spans();
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].text == "Total sum");
    CHECK(spans[1].text == "一般公共服务");
    CHECK(spans[0].bbox.x0 == doctest::Approx(10));
    CHECK(spans[0].bbox.x1 == doctest::Approx(10 + 30 + 3 + 18));
    CHECK(spans[0].font_size == doctest::Approx(10));
}

TEST_CASE("a wide gap or a vertical ruling between glyphs splits the run") {
    GlyphBuilder b;
    b.add_word(U"1,234.00", 10, 100);
    b.add_word(U"5,678.00", 10 + 48 + 20, 100);  // 2 em apart: adjacent borderless cells
    b.add_word(U"12", 10, 150);
    b.add_word(U"34", 23, 150);                  // 1 pt apart but a border passes between
    b.add_word(U"56", 10, 300);
    b.add_word(U"78", 23, 300);                  // same gap, the border does not reach this line
    auto spans = b.spans({vertical(22.5, 130, 160)});
    REQUIRE(spans.size() == 5);
    CHECK(spans[0].text == "1,234.00");
    CHECK(spans[1].text == "5,678.00");
    CHECK(spans[2].text == "12");
    CHECK(spans[3].text == "34");
    CHECK(spans[4].text == "5678");
}

TEST_CASE("spans are sorted top to bottom, then left to right; doubled glyphs kept once") {
    GlyphBuilder b;
    b.add_word(U"right", 300, 50);
    b.add_word(U"below", 10, 200);
    b.add_word(U"left", 10, 50.5);
    b.add_word(U"Bold", 10, 120);
    b.add_word(U"Bold", 10.3, 120);  // fake bold: the same text drawn again slightly shifted
    auto spans = b.spans();
    REQUIRE(spans.size() == 4);
    CHECK(spans[0].text == "left");
    CHECK(spans[1].text == "right");
    CHECK(spans[2].text == "Bold");
    CHECK(spans[3].text == "below");
}

TEST_CASE("text running down a turned page is joined along its direction") {
    GlyphBuilder b;
    double y = 100;
    for (char32_t c : std::u32string(U"Down")) {
        // Baseline is the vertical line x = 200; glyph tops point to +x.
        b.add_char(c, 0, 0, 0, 10, GlyphDirection::down);
        b.glyphs.back().box = {198, y, 206, y + 6};
        b.glyphs.back().origin = {200, y};
        y += 6;
    }
    auto spans = b.spans();
    REQUIRE(spans.size() == 1);
    CHECK(spans[0].text == "Down");
    CHECK(spans[0].bbox.y0 == doctest::Approx(100));
    CHECK(spans[0].bbox.y1 == doctest::Approx(124));
    CHECK(spans[0].bbox.x0 == doctest::Approx(198));
}

TEST_CASE("UTF-8 encoding and CJK classification") {
    std::string s;
    for (char32_t c : std::u32string(U"A¢元𠀀")) append_utf8(s, c);
    CHECK(s == "A¢元𠀀");
    CHECK(is_cjk_codepoint(U'元'));
    CHECK(is_cjk_codepoint(U'：'));
    CHECK_FALSE(is_cjk_codepoint(U'A'));
    CHECK_FALSE(is_cjk_codepoint(U'1'));
}

TEST_CASE("numbers are split from neighbouring numbers and CJK at column gaps, not at word spacing") {
    GlyphBuilder b;
    double x = b.add_word(U"1.00", 10, 100);
    x = b.add_word(U"105613371.38", x + 5, 100);      // 0.5 em: two numbers
    b.add_word(U"年末结转", x + 6, 100, 10);           // 0.6 em: a column gap before CJK
    x = b.add_word(U"预算", 10, 150, 10);
    x = b.add_word(U"7666.68", x + 4.5, 150);          // 0.45 em: word-processor spacing
    b.add_word(U"万元", x + 4.5, 150, 10);
    x = b.add_word(U"Table", 10, 200);
    b.add_word(U"1", x + 5, 200);
    auto spans = b.spans();
    std::vector<std::string> texts;
    for (const TextSpan& s : spans) texts.push_back(s.text);
    CHECK(texts == std::vector<std::string>{"1.00", "105613371.38", "年末结转", "预算7666.68万元", "Table 1"});
}
