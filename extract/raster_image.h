#pragma once
// A rendered page as plain pixels, handed from the Poppler renderer to the Leptonica
// preprocessing. Private to extract/.

#include <vector>

namespace budgetpdf {

// 8-bit RGB, rows top to bottom, 3 bytes per pixel, no padding.
struct RgbImage {
    int width = 0;
    int height = 0;
    double dpi = 0;
    std::vector<unsigned char> rgb;
};

// Pixel rectangles and lines, origin top-left of the (turned, deskewed) page image.
struct PixelBox {
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;
    int right() const { return x + w; }
    int bottom() const { return y + h; }
    bool operator==(const PixelBox&) const = default;
};

struct PixelLine {
    bool horizontal = true;
    int position = 0;   // y of a horizontal line's centre, x of a vertical one's
    int from = 0;       // x (horizontal) or y (vertical) where it starts
    int to = 0;         // where it ends (exclusive)
    int thickness = 1;
};

}  // namespace budgetpdf
