// Turning a captured page so that its main text reads left to right.
//
// How it works: every glyph carries the direction its baseline runs on the page as
// displayed (right, down, left, up, or a slant). The direction with the most glyphs wins;
// a page whose text mostly runs down (a page turned by /Rotate 90, or a landscape table
// drawn sideways on a portrait page) is then turned by the quarter turns that make that
// direction run to the right. Turning is a pure coordinate map on the captured values:
// clockwise by 90 degrees a point (x, y) of a W × H page goes to (H - y, x) on the H × W
// page. Glyph boxes and rulings stay axis-aligned, so their corners map to corners;
// glyph directions advance by one step per quarter turn; rulings swap orientation on an
// odd number of quarter turns. Slanted glyphs keep their `other` direction.
#include "extract/pdf_geometry.h"

#include <algorithm>
#include <array>
#include <utility>

namespace budgetpdf {
namespace {

constexpr int min_glyphs_to_turn = 20;  // fewer directional glyphs: the page stays as displayed
constexpr int quarter_turn_degrees = 90;

// right, down, left, up: one clockwise quarter turn moves a direction one step along.
int direction_index(GlyphDirection d) {
    switch (d) {
    case GlyphDirection::right: return 0;
    case GlyphDirection::down: return 1;
    case GlyphDirection::left: return 2;
    case GlyphDirection::up: return 3;
    default: return -1;
    }
}

GlyphDirection direction_at(int index) {
    static constexpr std::array<GlyphDirection, 4> directions{GlyphDirection::right, GlyphDirection::down,
                                                              GlyphDirection::left, GlyphDirection::up};
    return directions[static_cast<std::size_t>(index % 4)];
}

// Maps points of a width × height page turned clockwise by quarter_turns × 90 degrees.
struct Turn {
    int quarter_turns = 0;
    double width = 0;
    double height = 0;

    Point map(Point p) const {
        switch (quarter_turns) {
        case 1: return {height - p.y, p.x};
        case 2: return {width - p.x, height - p.y};
        case 3: return {p.y, width - p.x};
        default: return p;
        }
    }

    Rect map(const Rect& r) const {
        const Point a = map(Point{r.x0, r.y0});
        const Point b = map(Point{r.x1, r.y1});
        return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
    }

    Ruling map(const Ruling& r) const {
        Ruling out = r;
        Point a = map(r.from);
        Point b = map(r.to);
        if (quarter_turns % 2 == 1)
            out.orientation =
                r.orientation == Orientation::horizontal ? Orientation::vertical : Orientation::horizontal;
        const bool reversed = out.orientation == Orientation::horizontal ? b.x < a.x : b.y < a.y;
        if (reversed) std::swap(a, b);
        out.from = a;
        out.to = b;
        return out;
    }
};

}  // namespace

int upright_turn_degrees(const std::vector<PdfGlyph>& glyphs) {
    std::array<int, 4> counts{};
    for (const PdfGlyph& g : glyphs) {
        const int i = direction_index(g.direction);
        if (i >= 0 && g.text_length > 0) ++counts[static_cast<std::size_t>(i)];
    }
    int total = 0;
    for (int c : counts) total += c;
    if (total < min_glyphs_to_turn) return 0;
    int best = 0;
    for (int i = 1; i < 4; ++i)
        if (counts[static_cast<std::size_t>(i)] > counts[static_cast<std::size_t>(best)]) best = i;
    // The direction at index `best` needs (4 - best) more clockwise quarter turns to run right.
    return (4 - best) % 4 * quarter_turn_degrees;
}

void turn_page_capture(PdfPageCapture& capture, double& width, double& height, int degrees) {
    const int quarter_turns = ((degrees / quarter_turn_degrees) % 4 + 4) % 4;
    if (quarter_turns == 0) return;
    const Turn turn{quarter_turns, width, height};
    for (PdfGlyph& g : capture.glyphs) {
        g.box = turn.map(g.box);
        g.origin = turn.map(g.origin);
        const int i = direction_index(g.direction);
        if (i >= 0) g.direction = direction_at(i + quarter_turns);
    }
    for (Ruling& r : capture.rulings) r = turn.map(r);
    merge_duplicate_rulings(capture.rulings);
    if (quarter_turns % 2 == 1) std::swap(width, height);
}

}  // namespace budgetpdf
