// Ruling lines from vector graphics.
//
// How it works: the capture device hands over every straight segment of a stroked path
// and every filled axis-aligned rectangle, already in upright top-left page points.
// 1. A segment counts when it is axis-aligned or nearly so (a tiny slope from rounding);
//    it becomes a horizontal or vertical ruling at its mean position.
// 2. A filled rectangle whose short side is at most `border_fill_max_pt` is a border drawn
//    as a fill (Excel, WPS); it becomes a ruling along its long axis. Larger fills are
//    cell shading and give nothing.
// 3. Rulings are cut to the clip box in force when drawn and dropped when nothing is left.
// 4. Exact duplicates (same orientation, position and extent) are merged.
#include "extract/pdf_geometry.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace budgetpdf {
namespace {

constexpr double min_ruling_length_pt = 0.5;     // shorter segments are dots, not lines
constexpr double max_slope_ratio = 0.02;          // |dy|/|dx| still counted as horizontal
constexpr double max_slope_drift_pt = 1.0;        // and never more than this across the line
constexpr double border_fill_max_pt = 2.5;        // thickest filled rectangle read as a border
constexpr double clip_tolerance_pt = 0.5;         // a border exactly on the clip edge survives
constexpr double duplicate_tolerance_pt = 0.01;   // rulings this close are the same ruling

std::optional<Ruling> clip_ruling(Ruling r, const Rect& clip) {
    const double tol = clip_tolerance_pt + r.width / 2;
    if (r.orientation == Orientation::horizontal) {
        if (r.from.y < clip.y0 - tol || r.from.y > clip.y1 + tol) return std::nullopt;
        r.from.x = std::max(r.from.x, clip.x0);
        r.to.x = std::min(r.to.x, clip.x1);
    } else {
        if (r.from.x < clip.x0 - tol || r.from.x > clip.x1 + tol) return std::nullopt;
        r.from.y = std::max(r.from.y, clip.y0);
        r.to.y = std::min(r.to.y, clip.y1);
    }
    if (r.length() < min_ruling_length_pt) return std::nullopt;
    return r;
}

}  // namespace

std::optional<Ruling> ruling_from_segment(Point a, Point b, double width, const Rect& clip) {
    const double dx = std::abs(b.x - a.x);
    const double dy = std::abs(b.y - a.y);
    Ruling r;
    r.width = width;
    if (dx >= dy) {
        if (dx < min_ruling_length_pt) return std::nullopt;
        if (dy > max_slope_ratio * dx || dy > max_slope_drift_pt) return std::nullopt;
        const double y = (a.y + b.y) / 2;
        r.orientation = Orientation::horizontal;
        r.from = {std::min(a.x, b.x), y};
        r.to = {std::max(a.x, b.x), y};
    } else {
        if (dy < min_ruling_length_pt) return std::nullopt;
        if (dx > max_slope_ratio * dy || dx > max_slope_drift_pt) return std::nullopt;
        const double x = (a.x + b.x) / 2;
        r.orientation = Orientation::vertical;
        r.from = {x, std::min(a.y, b.y)};
        r.to = {x, std::max(a.y, b.y)};
    }
    return clip_ruling(r, clip);
}

std::optional<Ruling> ruling_from_filled_rect(const Rect& rect, const Rect& clip) {
    const double w = rect.width();
    const double h = rect.height();
    Ruling r;
    if (w >= h) {
        if (h > border_fill_max_pt || w < min_ruling_length_pt || w < 2 * h) return std::nullopt;
        r.orientation = Orientation::horizontal;
        r.from = {rect.x0, rect.center_y()};
        r.to = {rect.x1, rect.center_y()};
        r.width = h;
    } else {
        if (w > border_fill_max_pt || h < min_ruling_length_pt || h < 2 * w) return std::nullopt;
        r.orientation = Orientation::vertical;
        r.from = {rect.center_x(), rect.y0};
        r.to = {rect.center_x(), rect.y1};
        r.width = w;
    }
    return clip_ruling(r, clip);
}

void merge_duplicate_rulings(std::vector<Ruling>& rulings) {
    auto key = [](const Ruling& r) {
        return std::make_tuple(r.orientation == Orientation::vertical, r.position(), r.start(), r.end());
    };
    std::sort(rulings.begin(), rulings.end(),
              [&](const Ruling& a, const Ruling& b) { return key(a) < key(b); });
    auto same = [](const Ruling& a, const Ruling& b) {
        return a.orientation == b.orientation &&
               std::abs(a.position() - b.position()) <= duplicate_tolerance_pt &&
               std::abs(a.start() - b.start()) <= duplicate_tolerance_pt &&
               std::abs(a.end() - b.end()) <= duplicate_tolerance_pt;
    };
    std::vector<Ruling> merged;
    merged.reserve(rulings.size());
    for (const Ruling& r : rulings) {
        if (!merged.empty() && same(merged.back(), r)) {
            merged.back().width = std::max(merged.back().width, r.width);
            continue;
        }
        merged.push_back(r);
    }
    rulings = std::move(merged);
}

}  // namespace budgetpdf
