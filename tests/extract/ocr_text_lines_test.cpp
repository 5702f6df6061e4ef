#include "extract/ocr_text_lines.h"

#include <doctest/doctest.h>

using namespace budgetpdf;

namespace {

// A row of square characters `size` px, `gap` px apart, starting at x.
std::vector<PixelBox> characters(int x, int y, int count, int size, int gap) {
    std::vector<PixelBox> out;
    for (int i = 0; i < count; ++i) out.push_back({x + i * (size + gap), y, size, size});
    return out;
}

void append(std::vector<PixelBox>& to, const std::vector<PixelBox>& more) { to.insert(to.end(), more.begin(), more.end()); }

}  // namespace

TEST_CASE("ocr text lines: characters of a line join, lines and columns stay apart") {
    std::vector<PixelBox> ink;
    append(ink, characters(100, 100, 6, 30, 4));   // a label
    append(ink, characters(600, 100, 8, 30, 3));   // an amount in another column
    append(ink, characters(100, 160, 5, 30, 4));   // the next line
    auto lines = group_text_lines(ink, {});
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].x == 100);
    CHECK(lines[0].w == 6 * 34 - 4);
    CHECK(lines[1].x == 600);
    CHECK(lines[2].y == 160);
}

TEST_CASE("ocr text lines: a vertical ruling between two characters splits the line") {
    std::vector<PixelBox> ink = characters(100, 100, 4, 30, 12);
    PixelLine border;
    border.horizontal = false;
    border.position = 100 + 2 * 42 - 6;  // in the gap after the second character
    border.from = 50;
    border.to = 200;
    auto lines = group_text_lines(ink, {border});
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].right() < border.position);
    CHECK(lines[1].x > border.position);
}

TEST_CASE("ocr text lines: flat marks stay with their line, stacked strokes form one character") {
    std::vector<PixelBox> ink = characters(200, 100, 5, 30, 4);
    ink.push_back({100, 113, 30, 4});  // 一
    ink.push_back({134, 120, 8, 9});   // 、 close after it
    ink.push_back({150, 100, 30, 3});  // 三: three strokes stacked …
    ink.push_back({152, 113, 26, 3});
    ink.push_back({148, 126, 34, 4});  // … with the 5 characters 20 px to their right
    auto lines = group_text_lines(ink, {});
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].x == 100);
    CHECK(lines[0].right() == 200 + 5 * 34 - 4);
}

TEST_CASE("ocr text lines: a group several lines tall is cut at its blank rows, strokes of 三 stay whole") {
    // Ink rows of a narrow header cell: three lines of 30 px characters 4 px apart, the middle
    // one starting with 三 (strokes 3 px tall, 10 px apart), as a bitmap of rows.
    const PixelBox cell{100, 100, 120, 98};
    auto row_has_ink = [](const PixelBox&, int y) {
        const bool first = y >= 100 && y < 130;
        const bool second = (y >= 134 && y < 137) || (y >= 147 && y < 150) || (y >= 161 && y < 164);
        const bool third = y >= 168 && y < 198;
        return first || second || third;
    };
    auto ink_of = [&](const PixelBox& region) { return std::optional<PixelBox>(region); };
    const int line_height = 36;
    auto lines = split_stacked_lines({cell}, line_height, 1.7, 0.4, row_has_ink, ink_of);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].y == 100);
    CHECK(lines[0].h == 30);
    CHECK(lines[1].y == 134);
    CHECK(lines[1].bottom() == 164);  // the three strokes, one line
    CHECK(lines[2].y == 168);

    // A box of one line's height, or with ink in every row (a title in large print), stays whole.
    CHECK(split_stacked_lines({PixelBox{100, 100, 120, 40}}, line_height, 1.7, 0.4, row_has_ink, ink_of).size() == 1);
    auto solid = [](const PixelBox&, int) { return true; };
    CHECK(split_stacked_lines({cell}, line_height, 1.7, 0.4, solid, ink_of).size() == 1);
}

TEST_CASE("ocr text lines: a piece of a ruling left where the found line breaks off is a remnant, text is not") {
    // A vertical border found from y 396 down; above it, where a seal's ring crossed it, a
    // 2 px piece of it was left with the text (a 200 dpi scan's header row).
    PixelLine border;
    border.horizontal = false;
    border.position = 860;
    border.from = 396;
    border.to = 1520;
    border.thickness = 1;
    const std::vector<PixelLine> lines{border};
    const int residue = 3, reach = 36;
    CHECK(ruling_remnant({859, 365, 2, 22}, lines, residue, reach));
    CHECK(ruling_remnant({859, 900, 3, 20}, lines, residue, reach));   // in a gap along the line
    CHECK_FALSE(ruling_remnant({852, 365, 2, 22}, lines, residue, reach));  // beside it: a 1 or a stroke
    CHECK_FALSE(ruling_remnant({855, 365, 12, 22}, lines, residue, reach)); // wider than a line's piece
    CHECK_FALSE(ruling_remnant({859, 300, 2, 22}, lines, residue, reach));  // beyond its reach
    CHECK_FALSE(ruling_remnant({857, 380, 8, 4}, lines, residue, reach));   // flat: a mark across it

    // The piece bridges two headers too far apart to join; without it they are two lines.
    std::vector<PixelBox> ink = characters(781, 365, 2, 30, 4);
    append(ink, characters(875, 365, 2, 30, 4));
    CHECK(group_text_lines(ink, lines).size() == 2);
    ink.push_back({859, 369, 2, 22});
    CHECK(group_text_lines(ink, lines).size() == 1);
}

TEST_CASE("ocr text lines: a circled numeral's ring and digits, whole or broken; a boxed character is none") {
    const auto no_corner_ink = [](const PixelBox&) { return false; };
    const PixelBox line{100, 100, 200, 32};
    std::vector<PixelBox> ink{{100, 101, 30, 30}, {110, 108, 9, 16}};  // ② and the text after it
    append(ink, characters(136, 101, 5, 30, 4));
    const std::optional<CircledLead> lead = circled_lead(line, ink, no_corner_ink);
    REQUIRE(lead);
    CHECK(lead->ring.w == 30);
    CHECK(lead->digits.x == 110);
    CHECK(lead->digits.h == 16);
    // The ring broken into four arcs by a coarse scan.
    std::vector<PixelBox> broken{{100, 106, 6, 20}, {104, 101, 22, 5}, {124, 106, 6, 20}, {104, 126, 22, 5}, {110, 108, 9, 16}};
    append(broken, characters(136, 101, 5, 30, 4));
    const std::optional<CircledLead> pieces = circled_lead(line, broken, no_corner_ink);
    REQUIRE(pieces);
    CHECK(pieces->ring.right() == 130);
    CHECK(pieces->digits.x == 110);
    // 国 or 因: a frame with ink in its corners.
    CHECK_FALSE(circled_lead(line, ink, [](const PixelBox&) { return true; }));
    // A plain character first: nothing inside it.
    CHECK_FALSE(circled_lead(line, characters(100, 101, 6, 30, 4), no_corner_ink));
}

TEST_CASE("ocr text lines: the strokes of a wide 二 far apart form one character, not across a rule") {
    // A 二、 set apart from its label (a rendered page; the typical ink 26 px tall): strokes 3
    // and 4 px thick, 23 px apart, the 、 beside the lower one.
    std::vector<PixelBox> ink = characters(262, 744, 6, 26, 11);
    ink.push_back({190, 744, 27, 3});   // 二's upper stroke
    ink.push_back({187, 770, 33, 4});   // its lower stroke
    ink.push_back({224, 765, 9, 9});    // 、
    auto lines = group_text_lines(ink, {});
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == PixelBox{187, 744, 46, 30});
    // A horizontal rule between two strokes: two rows' marks, not one character.
    PixelLine rule;
    rule.horizontal = true;
    rule.position = 758;
    rule.from = 100;
    rule.to = 600;
    lines = group_text_lines(ink, {rule});
    CHECK(lines.size() == 3);
}
