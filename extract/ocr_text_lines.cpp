// Text lines from ink components.
//
// How it works: components are joined (union-find) in two ways. Side by side: they overlap
// vertically by a good part of the smaller one (a component flatter than the typical height
// counts as that tall around its centre, so 一 and 、 stay with their line) and the horizontal gap between them is less
// than a share of the taller one's height — the gap between characters of a word or an
// amount, never the gap between two columns — and no vertical ruling passes between them.
// Stacked: they overlap horizontally and sit close above one another, as the strokes of 三 or
// the parts of a colon do, while the pair stays no taller than a character. Candidates are
// found by a sweep over components sorted by left edge. Components far taller than text
// (seal or picture remnants, broken rulings) are left out.
#include "extract/ocr_text_lines.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <numeric>

namespace budgetpdf {
namespace {

constexpr double side_gap_share = 0.75;       // gap up to this × the taller height joins a line
constexpr double min_overlap_share = 0.35;    // vertical overlap (of the smaller height) to join
constexpr double stack_gap_share = 0.7;       // vertical gap (of the typical height) for stacked parts
constexpr double stack_height_share = 1.5;    // stacked parts stay within this × the typical height
constexpr double flat_share = 0.4;            // a component flatter than this × the typical height is a stroke (一)
constexpr double flat_stack_gap_share = 1.0;  // vertical gap between two stacked strokes (二 in a wide font)
constexpr double max_text_height_share = 8.0; // taller components are not text
constexpr double min_reference_share = 0.6;   // heights below this × typical count as this much
constexpr double min_ring_height_share = 0.6;  // a circled numeral's ring: of the line's height
constexpr double max_ring_aspect = 1.33;        // wider or taller than this: no ring
constexpr double min_digits_share = 0.3;        // the digits inside: of the ring's height
constexpr double max_digits_share = 0.85;
constexpr double ring_piece_reach = 0.8;        // pieces starting this far (of its height) from its left join a ring
constexpr double ring_middle_share = 0.5;       // digits' centres lie in the ring's middle half
constexpr int ring_corner_parts = 8;            // a corner square of 1/8 the ring's size holds no ink
constexpr int remnant_elongation = 3;         // a ruling's piece is at least this many times longer than thick

struct UnionFind {
    std::vector<int> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int a) {
        while (parent[a] != a) a = parent[a] = parent[parent[a]];
        return a;
    }
    void join(int a, int b) { parent[find(a)] = find(b); }
};

PixelBox at_least_typical(PixelBox box, int typical) {
    if (box.h >= typical) return box;
    box.y -= (typical - box.h) / 2;
    box.h = typical;
    return box;
}

// Whether one of `rulings` (all vertical, or all horizontal with x and y swapped by the
// caller) passes between positions p0 and p1 somewhere along [q0, q1].
bool ruling_between(const std::vector<PixelLine>& rulings, int p0, int p1, int q0, int q1) {
    for (const PixelLine& line : rulings)
        if (line.position >= p0 && line.position <= p1 && line.from <= q1 && line.to >= q0) return true;
    return false;
}

}  // namespace

bool ruling_remnant(const PixelBox& box, const std::vector<PixelLine>& lines, int residue_px, int reach_px) {
    return std::any_of(lines.begin(), lines.end(), [&](const PixelLine& line) {
        const int across = line.horizontal ? box.h : box.w;
        const int along_from = line.horizontal ? box.x : box.y;
        const int along_to = line.horizontal ? box.right() : box.bottom();
        const int centre = line.horizontal ? box.y + box.h / 2 : box.x + box.w / 2;
        return across <= line.thickness + 2 * residue_px && along_to - along_from >= remnant_elongation * across &&
               std::abs(centre - line.position) <= line.thickness / 2 + residue_px &&
               along_to >= line.from - reach_px && along_from <= line.to + reach_px;
    });
}

std::optional<CircledLead> circled_lead(const PixelBox& line, const std::vector<PixelBox>& components,
                                        const HasInk& has_ink) {
    std::vector<PixelBox> in_line;
    for (const PixelBox& c : components)
        if (c.x >= line.x && c.right() <= line.right() && c.y >= line.y && c.bottom() <= line.bottom()) in_line.push_back(c);
    if (in_line.empty()) return std::nullopt;
    std::sort(in_line.begin(), in_line.end(), [](const PixelBox& a, const PixelBox& b) { return a.x < b.x; });
    // The first glyph: the leftmost component and those overlapping it across (the pieces of a
    // ring a coarse scan broke, the digits inside).
    PixelBox ring = in_line.front();
    std::size_t end = 1;
    for (; end < in_line.size(); ++end) {
        // Overlapping across, or (a broken ring's far side) within the square a glyph this tall takes.
        const PixelBox& c = in_line[end];
        const int square_end = ring.x + static_cast<int>(ring_piece_reach * ring.h);
        if (c.x >= std::max(ring.right(), square_end) || c.right() > ring.x + max_ring_aspect * ring.h) break;
        const int x0 = std::min(ring.x, c.x), y0 = std::min(ring.y, c.y);
        ring = {x0, y0, std::max(ring.right(), c.right()) - x0, std::max(ring.bottom(), c.bottom()) - y0};
    }
    if (ring.h < min_ring_height_share * line.h || ring.w > max_ring_aspect * ring.h || ring.h > max_ring_aspect * ring.w)
        return std::nullopt;
    // The digits: the parts whose centres lie in the middle of the ring's box, clear of its edge.
    std::optional<PixelBox> digits;
    bool top = false, bottom = false, left = false, right = false;
    for (std::size_t k = 0; k < end; ++k) {
        const PixelBox& c = in_line[k];
        const int cx = c.x + c.w / 2 - ring.x, cy = c.y + c.h / 2 - ring.y;
        const bool central = c.x > ring.x && c.right() < ring.right() && c.y > ring.y && c.bottom() < ring.bottom() &&
                             std::abs(2 * cx - ring.w) < ring.w * ring_middle_share &&
                             std::abs(2 * cy - ring.h) < ring.h * ring_middle_share;
        if (!central) {
            top |= c.y == ring.y;
            bottom |= c.bottom() == ring.bottom();
            left |= c.x == ring.x;
            right |= c.right() == ring.right();
            continue;
        }
        const int x0 = digits ? std::min(digits->x, c.x) : c.x, y0 = digits ? std::min(digits->y, c.y) : c.y;
        digits = PixelBox{x0, y0, std::max(digits ? digits->right() : 0, c.right()) - x0,
                          std::max(digits ? digits->bottom() : 0, c.bottom()) - y0};
    }
    if (!digits || !(top && bottom && left && right) || digits->h < min_digits_share * ring.h ||
        digits->h > max_digits_share * ring.h)
        return std::nullopt;
    const int cw = std::max(1, ring.w / ring_corner_parts), ch = std::max(1, ring.h / ring_corner_parts);
    for (const PixelBox& corner : {PixelBox{ring.x, ring.y, cw, ch}, PixelBox{ring.right() - cw, ring.y, cw, ch},
                                   PixelBox{ring.x, ring.bottom() - ch, cw, ch},
                                   PixelBox{ring.right() - cw, ring.bottom() - ch, cw, ch}})
        if (has_ink(corner)) return std::nullopt;
    return CircledLead{ring, *digits};
}

int typical_glyph_height(const std::vector<PixelBox>& components) {
    if (components.empty()) return 0;
    std::vector<int> heights;
    heights.reserve(components.size());
    for (const PixelBox& b : components) heights.push_back(b.h);
    auto mid = heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2);
    std::nth_element(heights.begin(), mid, heights.end());
    return *mid;
}

std::vector<PixelBox> group_text_lines(const std::vector<PixelBox>& components, const std::vector<PixelLine>& lines) {
    const int typical = std::max(1, typical_glyph_height(components));
    std::vector<PixelBox> text;
    for (const PixelBox& b : components)
        if (b.h <= max_text_height_share * typical) text.push_back(b);
    std::sort(text.begin(), text.end(), [](const PixelBox& a, const PixelBox& b) { return a.x < b.x; });
    std::vector<PixelLine> verticals, horizontals;
    for (const PixelLine& line : lines) (line.horizontal ? horizontals : verticals).push_back(line);

    const int floor_height = static_cast<int>(min_reference_share * typical);
    int max_height = 0;
    for (const PixelBox& b : text) max_height = std::max(max_height, b.h);
    const int max_gap = static_cast<int>(side_gap_share * std::max(max_height, floor_height)) + 1;

    UnionFind groups(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const PixelBox& a = text[i];
        for (std::size_t j = i + 1; j < text.size() && text[j].x <= a.right() + max_gap; ++j) {
            const PixelBox& b = text[j];
            // Flat marks (一, 、, the strokes of 二) are judged by the height of the line they
            // stand in: their vertical range grows to the typical height around its centre.
            const PixelBox ea = at_least_typical(a, typical), eb = at_least_typical(b, typical);
            const int overlap_y = std::min(ea.bottom(), eb.bottom()) - std::max(ea.y, eb.y);
            const int gap_x = b.x - a.right();
            const int smaller = std::min(ea.h, eb.h);
            const int taller = std::max({a.h, b.h, floor_height});
            if (overlap_y >= min_overlap_share * smaller && gap_x <= side_gap_share * taller) {
                if (gap_x <= 0 || !ruling_between(verticals, a.right(), b.x, std::max(a.y, b.y),
                                                  std::min(a.bottom(), b.bottom())))
                    groups.join(static_cast<int>(i), static_cast<int>(j));
                continue;
            }
            const int overlap_x = std::min(a.right(), b.right()) - std::max(a.x, b.x);
            const int gap_y = std::max(a.y, b.y) - std::min(a.bottom(), b.bottom());
            const int span_y = std::max(a.bottom(), b.bottom()) - std::min(a.y, b.y);
            // Two strokes (二 of a wide font, its strokes far apart) may stand further apart
            // than the parts of other characters, but no rule passes between them.
            const bool strokes = a.h < flat_share * typical && b.h < flat_share * typical;
            const int max_gap_y = static_cast<int>((strokes ? flat_stack_gap_share : stack_gap_share) * typical);
            if (overlap_x >= 0.5 * std::min(a.w, b.w) && gap_y >= 0 && gap_y <= max_gap_y &&
                span_y <= stack_height_share * typical &&
                !(strokes && ruling_between(horizontals, std::min(a.bottom(), b.bottom()), std::max(a.y, b.y),
                                            std::max(a.x, b.x), std::min(a.right(), b.right()))))
                groups.join(static_cast<int>(i), static_cast<int>(j));
        }
    }

    std::vector<int> slot(text.size(), -1);
    std::vector<PixelBox> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const int root = groups.find(static_cast<int>(i));
        if (slot[root] < 0) {
            slot[root] = static_cast<int>(out.size());
            out.push_back(text[i]);
            continue;
        }
        PixelBox& g = out[slot[root]];
        const int x0 = std::min(g.x, text[i].x), y0 = std::min(g.y, text[i].y);
        const int x1 = std::max(g.right(), text[i].right()), y1 = std::max(g.bottom(), text[i].bottom());
        g = {x0, y0, x1 - x0, y1 - y0};
    }
    sort_in_reading_order(out);
    return out;
}

void sort_in_reading_order(std::vector<PixelBox>& boxes) {
    std::sort(boxes.begin(), boxes.end(), [](const PixelBox& a, const PixelBox& b) {
        const int ca = a.y + a.h / 2, cb = b.y + b.h / 2;
        const int tolerance = std::min(a.h, b.h) / 2;
        if (std::abs(ca - cb) > tolerance) return ca < cb;
        return a.x < b.x;
    });
}

std::vector<PixelBox> split_stacked_lines(const std::vector<PixelBox>& boxes, int line_height, double stacked_share,
                                          double min_band_share, const RowHasInk& row_has_ink, const InkOf& ink_of) {
    std::vector<PixelBox> out;
    bool split_any = false;
    for (const PixelBox& box : boxes) {
        if (line_height <= 0 || box.h < stacked_share * line_height) {
            out.push_back(box);
            continue;
        }
        struct Band {
            int from, to;
        };
        std::vector<Band> bands;
        int start = -1;
        for (int y = box.y; y <= box.bottom(); ++y) {
            const bool ink = y < box.bottom() && row_has_ink(box, y);
            if (ink && start < 0) start = y;
            if (!ink && start >= 0) {
                bands.push_back({start, y});
                start = -1;
            }
        }
        // Consecutive bands join while one of them is short and together they stay within a
        // line's height (the strokes of 三); a short band left over joins its nearer neighbour.
        const int min_band = static_cast<int>(min_band_share * line_height);
        auto is_short = [&](const Band& b) { return b.to - b.from < min_band; };
        std::vector<Band> joined;
        for (const Band& band : bands) {
            if (!joined.empty() && (is_short(joined.back()) || is_short(band)) && band.to - joined.back().from <= line_height)
                joined.back().to = band.to;
            else
                joined.push_back(band);
        }
        bands = std::move(joined);
        for (;;) {
            auto shortest = std::min_element(bands.begin(), bands.end(),
                                             [](const Band& a, const Band& b) { return a.to - a.from < b.to - b.from; });
            if (bands.size() < 2 || !is_short(*shortest)) break;
            const std::size_t i = static_cast<std::size_t>(shortest - bands.begin());
            const int gap_above = i > 0 ? bands[i].from - bands[i - 1].to : INT_MAX;
            const int gap_below = i + 1 < bands.size() ? bands[i + 1].from - bands[i].to : INT_MAX;
            const std::size_t keep = gap_above <= gap_below ? i - 1 : i + 1;
            bands[keep] = {std::min(bands[keep].from, bands[i].from), std::max(bands[keep].to, bands[i].to)};
            bands.erase(bands.begin() + static_cast<std::ptrdiff_t>(i));
        }
        if (bands.size() < 2) {
            out.push_back(box);
            continue;
        }
        split_any = true;
        for (const Band& band : bands)
            if (auto inked = ink_of(PixelBox{box.x, band.from, box.w, band.to - band.from})) out.push_back(*inked);
    }
    if (split_any) sort_in_reading_order(out);
    return out;
}

}  // namespace budgetpdf
