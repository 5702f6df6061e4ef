#include "extract/ocr_borders.h"

#include <doctest/doctest.h>

using namespace budgetpdf;

namespace {

PixelLine line(bool horizontal, int position, int from, int to) {
    PixelLine l;
    l.horizontal = horizontal;
    l.position = position;
    l.from = from;
    l.to = to;
    l.thickness = 2;
    return l;
}

}  // namespace

TEST_CASE("ocr borders: a cell's short sides meeting its top and bottom are borders; a floating stroke is not") {
    // A header row 100..250 over a table 100..900 wide, its columns at 300 and 600.
    std::vector<PixelLine> lines = {
        line(true, 100, 100, 900), line(true, 250, 100, 900),               // rules
        line(false, 100, 100, 250), line(false, 300, 100, 250),             // cell sides
        line(false, 600, 101, 248), line(false, 900, 99, 251),
        line(false, 450, 140, 230),                                         // a seal's ring inside the cell
        line(true, 180, 320, 420),                                          // a stroke stamped inside it
        line(true, 200, 100, 160),                                          // a short rule meeting one line only
    };
    const auto borders = table_borders(lines, 300, 6);
    REQUIRE(borders.size() == 6);
    for (const PixelLine& b : borders) {
        CHECK(b.position != 450);
        CHECK(b.position != 180);
        CHECK(b.position != 200);
    }
}

TEST_CASE("ocr borders: long lines are borders even where nothing crosses them") {
    // A table ruled with horizontal rules only, and one short underline beside it.
    std::vector<PixelLine> lines = {line(true, 100, 100, 900), line(true, 150, 100, 900), line(true, 200, 120, 200)};
    const auto borders = table_borders(lines, 300, 6);
    REQUIRE(borders.size() == 2);
    CHECK(borders[0].position == 100);
    CHECK(borders[1].position == 150);
}

TEST_CASE("ocr borders: a line broken in a scan is judged whole") {
    // A header column border broken halfway: neither piece meets both rules, the line does.
    std::vector<PixelLine> lines = {line(true, 100, 100, 900), line(true, 250, 100, 900), line(false, 500, 100, 170),
                                    line(false, 501, 173, 250)};
    const auto borders = table_borders(lines, 300, 6);
    CHECK(borders.size() == 4);
}
