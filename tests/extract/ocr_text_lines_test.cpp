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
