#pragma once
// Geometry in PDF points (1/72 inch) with the origin at the top-left corner of the
// upright page: x grows to the right, y grows downwards. Every stage uses this one
// coordinate system; extract/ converts from the PDF's own (rotated, bottom-left) space.

#include <algorithm>

namespace budgetpdf {

struct Point {
    double x = 0;
    double y = 0;
};

struct Rect {
    double x0 = 0;  // left
    double y0 = 0;  // top
    double x1 = 0;  // right
    double y1 = 0;  // bottom

    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    double center_x() const { return (x0 + x1) / 2; }
    double center_y() const { return (y0 + y1) / 2; }
    bool empty() const { return x1 <= x0 || y1 <= y0; }
};

inline Rect rect_union(const Rect& a, const Rect& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

inline Rect rect_intersection(const Rect& a, const Rect& b) {
    return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

inline bool rect_contains(const Rect& outer, const Point& p) {
    return p.x >= outer.x0 && p.x <= outer.x1 && p.y >= outer.y0 && p.y <= outer.y1;
}

}  // namespace budgetpdf
