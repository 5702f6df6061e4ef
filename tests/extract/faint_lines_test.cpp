#include "extract/leptonica_page.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace budgetpdf;

namespace {

// 200 dpi pages are searched as they are, 300 dpi ones at half their resolution.
const double dpis[] = {200, 300};

struct Canvas {
    RgbImage image;
    Canvas(int width, int height, double dpi) {
        image.width = width;
        image.height = height;
        image.dpi = dpi;
        image.rgb.assign(static_cast<std::size_t>(width) * height * 3, 0);
        // Paper with a grain: 246..253.
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) set(x, y, 246 + (x * 7 + y * 13) % 8);
    }
    void set(int x, int y, int grey) {
        unsigned char* p = &image.rgb[(static_cast<std::size_t>(y) * image.width + x) * 3];
        p[0] = p[1] = p[2] = static_cast<unsigned char>(grey);
    }
    void fill(int x, int y, int w, int h, int grey) {
        for (int j = y; j < y + h; ++j)
            for (int i = x; i < x + w; ++i) set(i, j, grey);
    }
};

bool has_line(const std::vector<PixelLine>& lines, bool horizontal, int position, int from, int to) {
    return std::any_of(lines.begin(), lines.end(), [&](const PixelLine& l) {
        return l.horizontal == horizontal && std::abs(l.position - position) <= 1 && l.from <= from + 20 && l.to >= to - 20;
    });
}

// A hairline grid, grey 226 on the paper (a 0.25 pt grey rule scanned), right-aligned numbers
// ending 3 px before its middle rule, and a line of text whose dark characters nearly touch.
void hairline_grid_is_found(double dpi) {
    Canvas page(700, 420, dpi);
    for (int y : {60, 160, 260, 360}) page.fill(40, y, 620, 1, 226);
    for (int x : {40, 330, 660}) page.fill(x, 60, 1, 301, 226);
    for (int y : {90, 190, 290}) page.fill(260, y, 67, 26, 20);
    for (int x = 360; x < 640; x += 24) page.fill(x, 100, 22, 22, 30);  // 2 px apart: a long run of ink, no line
    PixPtr grey = grey_without_red(page.image);
    PixPtr binary = binarise(grey.get(), dpi);
    PageLines dark = find_lines(binary.get(), dpi);
    CHECK_FALSE(has_line(dark.lines, true, 160, 40, 660));  // too faint for the text's threshold

    const std::vector<PixelLine> faint = find_faint_lines(grey.get(), binary.get(), dark.mask.get(), dpi);
    for (int y : {60, 160, 260, 360}) CHECK(has_line(faint, true, y, 40, 660));
    for (int x : {40, 330, 660}) CHECK(has_line(faint, false, x, 60, 360));
    for (const PixelLine& l : faint) {
        CHECK_FALSE((l.horizontal && l.position > 95 && l.position < 127));  // the text line
        CHECK(l.thickness <= 2);
    }
}

// A rendered page (no ToUnicode): white paper, a 1 px rule at 191, black digits ending 4 px
// before it. Beside each number the local threshold keeps the rule as ink.
void hairline_kept_in_bits_is_one_line(double dpi) {
    Canvas page(500, 700, dpi);
    page.fill(0, 0, 500, 700, 255);
    page.fill(300, 40, 1, 620, 191);
    for (int y = 60; y < 640; y += 60) page.fill(230, y, 66, 30, 0);
    PixPtr grey = grey_without_red(page.image);
    PixPtr binary = binarise(grey.get(), dpi);
    PageLines dark = find_lines(binary.get(), dpi);
    CHECK_FALSE(has_line(dark.lines, false, 300, 40, 660));
    CHECK(has_line(find_faint_lines(grey.get(), binary.get(), dark.mask.get(), dpi), false, 300, 40, 660));
}

void dark_rule_is_not_found_twice(double dpi) {
    Canvas page(500, 200, dpi);
    page.fill(30, 100, 440, 2, 40);
    PixPtr grey = grey_without_red(page.image);
    PixPtr binary = binarise(grey.get(), dpi);
    PageLines dark = find_lines(binary.get(), dpi);
    CHECK(has_line(dark.lines, true, 100, 30, 470));
    CHECK(find_faint_lines(grey.get(), binary.get(), dark.mask.get(), dpi).empty());
}

}  // namespace

TEST_CASE("faint lines: hairline rules the text's threshold drops are found; text and grain are not lines") {
    silence_leptonica();
    for (double dpi : dpis) {
        CAPTURE(dpi);
        hairline_grid_is_found(dpi);
    }
}

TEST_CASE("faint lines: a hairline the text's threshold keeps in bits beside dark digits is still one line") {
    silence_leptonica();
    for (double dpi : dpis) {
        CAPTURE(dpi);
        hairline_kept_in_bits_is_one_line(dpi);
    }
}

TEST_CASE("faint lines: a dark rule the text's threshold keeps is not found twice") {
    silence_leptonica();
    for (double dpi : dpis) {
        CAPTURE(dpi);
        dark_rule_is_not_found_twice(dpi);
    }
}
