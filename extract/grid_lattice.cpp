#include "extract/grid_lattice.h"

// How it works:
// 1. Rulings are split by orientation, sorted by position, and segments whose positions
//    lie within snap_tolerance_pt are snapped to one (length-weighted) position; along
//    that position, overlapping or nearly touching segments are joined.
// 2. Horizontal and vertical segments that touch (within intersect_tolerance_pt) are
//    joined into connected components with a union-find; each component is a candidate grid.
// 3. A component's row edges are its horizontal positions, its column edges its vertical
//    positions (plus the component's outer box); edges closer than min_edge_gap_pt merge.
// 4. For every grid position we ask whether its right and bottom borders are drawn
//    (a segment covers at least border_coverage_fraction of the side). Cells grow right
//    while the right border is missing and down while the bottom borders are missing, so
//    merged cells get row_span/col_span and the cells tile the grid without overlap.
//    An undrawn vertical border still separates an amount from other text printed on the
//    same line across it (header ruled as a grid, body with horizontal rules only).
//    A vertical that touches no horizontal, runs over the grid's full height and stands
//    beside it is the side border of a column whose cell is continued from or onto
//    another page (its top and bottom borders are printed there): it extends the grid.
// 5. A grid needs at least 2 rows and 2 columns; a box around a paragraph or a page
//    frame (one column) is dropped, its horizontal lines handed back as loose rules. A
//    single ruled row is marked as a fragment: it only survives as the last row(s) of a
//    table continued from the previous page.

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include "extract/ocr_ordinals.h"
#include "extract/pdf_geometry.h"
#include "extract/table_text.h"

namespace budgetpdf {
namespace {

constexpr double snap_tolerance_pt = 2.0;        // collinear segments closer than this snap
constexpr double join_gap_pt = 2.5;              // collinear pieces with a smaller gap join
constexpr double min_ruling_length_pt = 3.0;     // shorter segments are dots/ticks, not borders
constexpr double intersect_tolerance_pt = 3.0;   // a line may stop this short of the crossing line
constexpr double min_edge_gap_pt = 3.0;          // double borders closer than this are one edge
constexpr double edge_match_pt = 3.0;            // a segment belongs to an edge within this distance
constexpr double border_coverage_fraction = 0.5; // share of a cell side a drawn border must cover
constexpr double same_line_fraction = 0.5;       // two spans share a printed line when their boxes overlap this much
constexpr double max_side_border_gap_fraction = 0.5;  // a lone side border stands at most this far (in grid widths) beside a grid

struct UnionFind {
    std::vector<int> parent;
    explicit UnionFind(int n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    int find(int i) { return parent[i] == i ? i : parent[i] = find(parent[i]); }
    void unite(int a, int b) { parent[find(a)] = find(b); }
};

std::vector<double> dedupe_edges(std::vector<double> edges) {
    std::sort(edges.begin(), edges.end());
    std::vector<double> out;
    for (double e : edges) {
        if (!out.empty() && e - out.back() < min_edge_gap_pt) continue;
        out.push_back(e);
    }
    return out;
}

int nearest_edge(const std::vector<double>& edges, double position) {
    auto it = std::lower_bound(edges.begin(), edges.end(), position);
    int best = -1;
    double best_distance = edge_match_pt;
    for (auto candidate : {it, it == edges.begin() ? it : std::prev(it)}) {
        if (candidate == edges.end()) continue;
        double d = std::abs(*candidate - position);
        if (d <= best_distance) {
            best_distance = d;
            best = static_cast<int>(candidate - edges.begin());
        }
    }
    return best;
}

// coverage[edge][band]: does a drawn segment cover the side of band `band` on edge `edge`?
std::vector<std::vector<bool>> border_table(const std::vector<MergedRuling>& segments,
                                            const std::vector<double>& edges,
                                            const std::vector<double>& bands) {
    std::vector<std::vector<double>> covered(edges.size(), std::vector<double>(bands.size() - 1, 0.0));
    for (const MergedRuling& s : segments) {
        int e = nearest_edge(edges, s.position);
        if (e < 0) continue;
        auto first = std::upper_bound(bands.begin(), bands.end(), s.start) - bands.begin() - 1;
        for (auto b = std::max<long>(first, 0); b + 1 < static_cast<long>(bands.size()); ++b) {
            if (bands[b] >= s.end) break;
            double overlap = std::min(s.end, bands[b + 1]) - std::max(s.start, bands[b]);
            if (overlap > 0) covered[e][b] += overlap;
        }
    }
    std::vector<std::vector<bool>> present(edges.size(), std::vector<bool>(bands.size() - 1, false));
    for (size_t e = 0; e < edges.size(); ++e)
        for (size_t b = 0; b + 1 < bands.size(); ++b)
            present[e][b] = covered[e][b] >= border_coverage_fraction * (bands[b + 1] - bands[b]);
    return present;
}

bool is_numeric_span(const TextSpan& span) { return is_numeric_text(span.text); }

// Spans `a` (in column ca) and `b` (in column cb > ca) of row r are in different cells: unless
// a border is drawn between them in that row, the column edge nearest the gap between them
// (only that one) becomes a border there.
void border_in_gap(std::vector<std::vector<bool>>& vborder, const PageGrid& grid, int r, int ca, const TextSpan& a,
                   int cb, const TextSpan& b) {
    const double gap_middle = (a.bbox.x1 + b.bbox.x0) / 2;
    int best = -1;
    double best_distance = 1e18;
    for (int e = ca + 1; e <= cb; ++e) {
        if (vborder[e][r]) return;
        const double d = std::abs(grid.col_edges[e] - gap_middle);
        if (d < best_distance) {
            best_distance = d;
            best = e;
        }
    }
    if (best > 0) vborder[best][r] = true;
}

// Where a vertical border is not drawn but a band holds, on one printed line, an amount
// on one side of the column edge and other text on the other side, the two are in
// different cells: the border counts as present (tables that rule the header grid but
// only horizontal lines in the body). A merged cell's own text is one run, or several
// lines, so it never triggers this; spaced-out headings (项    目) hold no amounts.
void add_text_borders(std::vector<std::vector<bool>>& vborder, const PageGrid& grid,
                      const std::vector<TextSpan>& spans) {
    Rect box = grid.bbox();
    int rows = grid.rows(), cols = grid.cols();
    // spans per band, with their column
    std::vector<std::vector<std::pair<int, const TextSpan*>>> bands(rows);
    for (const TextSpan& span : spans) {
        double cx = span.bbox.center_x(), cy = span.bbox.center_y();
        if (!rect_contains(box, {cx, cy})) continue;
        int r = static_cast<int>(std::upper_bound(grid.row_edges.begin(), grid.row_edges.end(), cy) -
                                 grid.row_edges.begin()) - 1;
        int c = static_cast<int>(std::upper_bound(grid.col_edges.begin(), grid.col_edges.end(), cx) -
                                 grid.col_edges.begin()) - 1;
        if (r < 0 || r >= rows || c < 0 || c >= cols) continue;
        bands[r].push_back({c, &span});
    }
    for (int r = 0; r < rows; ++r) {
        for (const auto& [ca, a] : bands[r]) {
            for (const auto& [cb, b] : bands[r]) {
                if (cb <= ca || !(is_numeric_span(*a) || is_numeric_span(*b))) continue;
                double overlap = std::min(a->bbox.y1, b->bbox.y1) - std::max(a->bbox.y0, b->bbox.y0);
                if (overlap < same_line_fraction * std::min(a->bbox.height(), b->bbox.height())) continue;
                border_in_gap(vborder, grid, r, ca, *a, cb, *b);
            }
        }
    }
}

// The column and row of the grid an OCR line lies in: its centre inside the grid's columns
// and the line wholly inside its row; nothing for other lines.
std::optional<std::pair<int, int>> column_and_row_of(const PageGrid& grid, const TextSpan& span) {
    const double cx = span.bbox.center_x();
    if (span.source != TextSource::ocr || cx < grid.col_edges.front() || cx > grid.col_edges.back()) return std::nullopt;
    const int c = band_index(grid.col_edges, cx);
    const int r = band_index(grid.row_edges, span.bbox.center_y());
    if (span.bbox.y0 < grid.row_edges[r] - edge_match_pt || span.bbox.y1 > grid.row_edges[r + 1] + edge_match_pt)
        return std::nullopt;
    return std::pair{c, r};
}

// Whether an OCR span is read as text of its own cell, and whether it is a separate item
// (an amount, a code, a label numbered 一、 二、) that never shares a cell with another line.
bool two_characters_or_more(const TextSpan& span) {
    const std::u32string text = decode_utf8(span.text);
    return std::count_if(text.begin(), text.end(), [](char32_t c) { return c != U' '; }) >= 2;
}
bool separate_item(const TextSpan& span) { return is_numeric_span(span) || chinese_ordinal(span.text) > 0; }

// On a page read by OCR a row border the scan lost (a hairline broken, a seal over it) leaves
// two rows' cells merged: where a column holds, each wholly inside a different row of the
// grid, two lines one of which is an amount, a code or a label numbered 一、 二、 (a heading
// over an amount, two amounts), the row edge between them is a border in that column. Two
// lines of words may be one wrapped label and stay together. Text-layer pages keep their
// borders as drawn.
void add_scanned_row_borders(std::vector<std::vector<bool>>& hborder, const PageGrid& grid,
                             const std::vector<TextSpan>& spans) {
    const int cols = grid.cols();
    // Per column, the rows OCR lines lie wholly inside, and whether a separate item is among them.
    std::vector<std::vector<std::pair<int, bool>>> rows_of(static_cast<std::size_t>(cols));
    for (const TextSpan& span : spans) {
        const bool separate = separate_item(span);
        if (!separate && !two_characters_or_more(span)) continue;
        if (const auto at = column_and_row_of(grid, span))
            rows_of[static_cast<std::size_t>(at->first)].push_back({at->second, separate});
    }
    for (int c = 0; c < cols; ++c) {
        std::vector<std::pair<int, bool>>& in = rows_of[static_cast<std::size_t>(c)];
        std::sort(in.begin(), in.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first < b.first : a.second > b.second;
        });
        in.erase(std::unique(in.begin(), in.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                 in.end());
        for (std::size_t k = 0; k + 1 < in.size(); ++k) {
            if (!in[k].second && !in[k + 1].second) continue;
            // Between two such rows, the edge right under the upper one, unless a border is
            // drawn between them already.
            bool drawn = false;
            for (int e = in[k].first + 1; e <= in[k + 1].first && !drawn; ++e) drawn = hborder[e][c];
            if (!drawn) hborder[in[k].first + 1][c] = true;
        }
    }
}

// A row key: a classification code (3, 5 or 7 digits) or a label numbered 一、 二、.
bool row_key(const TextSpan& span) {
    return (is_code_text(span.text) && without_spaces(span.text).size() >= 3) || chinese_ordinal(span.text) > 0;
}

// Rows keyed by codes are separate records all across: where a row of a page read by OCR holds,
// wholly inside it, a code or numbered label in a column whose border above it is drawn (or
// restored), no cell right of that column spans into the row from above. An amount whose rows
// lost their border under a seal, alone in the merged cell, goes back to its row; a header
// cell does not run into the first body row.
void add_keyed_row_borders(std::vector<std::vector<bool>>& hborder, const PageGrid& grid,
                           const std::vector<TextSpan>& spans) {
    const int rows = grid.rows(), cols = grid.cols();
    std::vector<std::vector<bool>> keyed(static_cast<std::size_t>(cols), std::vector<bool>(rows, false));
    for (const TextSpan& span : spans) {
        if (!row_key(span)) continue;
        if (const auto at = column_and_row_of(grid, span))
            keyed[static_cast<std::size_t>(at->first)][static_cast<std::size_t>(at->second)] = true;
    }
    for (int k = 0; k < cols; ++k)
        for (int r = 0; r + 1 < rows; ++r)
            if (keyed[k][r + 1] && hborder[r + 1][k])
                for (int c = k + 1; c < cols; ++c) hborder[r + 1][c] = true;
}

// Its column twin: a vertical border the scan lost (under a seal, a hairline) leaves cells of
// one row merged across columns. Where the row holds OCR text side by side, each piece wholly
// inside a different column of the grid (小计 | 事业收入 under one heading, two amounts), the
// column edge nearest the gap between them is a border in that row. Single characters are
// left alone: a spaced-out heading (项    目) reads as pieces but is one cell.
void add_scanned_column_borders(std::vector<std::vector<bool>>& vborder, const PageGrid& grid,
                                const std::vector<TextSpan>& spans) {
    const int rows = grid.rows();
    std::vector<std::vector<std::pair<int, const TextSpan*>>> in_row(static_cast<std::size_t>(rows));
    for (const TextSpan& span : spans) {
        if (span.source != TextSource::ocr || !(two_characters_or_more(span) || is_numeric_span(span))) continue;
        const double cx = span.bbox.center_x(), cy = span.bbox.center_y();
        if (cx < grid.col_edges.front() || cx > grid.col_edges.back() || cy < grid.row_edges.front() ||
            cy > grid.row_edges.back())
            continue;
        const int c = band_index(grid.col_edges, cx);
        const int r = band_index(grid.row_edges, cy);
        if (span.bbox.x0 < grid.col_edges[c] - edge_match_pt || span.bbox.x1 > grid.col_edges[c + 1] + edge_match_pt ||
            span.bbox.y0 < grid.row_edges[r] - edge_match_pt || span.bbox.y1 > grid.row_edges[r + 1] + edge_match_pt)
            continue;
        in_row[static_cast<std::size_t>(r)].push_back({c, &span});
    }
    for (int r = 0; r < rows; ++r) {
        auto& pieces = in_row[static_cast<std::size_t>(r)];
        std::sort(pieces.begin(), pieces.end(),
                  [](const auto& a, const auto& b) { return a.second->bbox.x0 < b.second->bbox.x0; });
        for (std::size_t k = 0; k + 1 < pieces.size(); ++k) {
            const auto& [ca, a] = pieces[k];
            const auto& [cb, b] = pieces[k + 1];
            if (cb <= ca || b->bbox.x0 < a->bbox.x1) continue;
            border_in_gap(vborder, grid, r, ca, *a, cb, *b);
        }
    }
}

}  // namespace

std::vector<GridCell> tile_cells(const std::vector<std::vector<bool>>& vborder,  // [col edge][row]
                                 const std::vector<std::vector<bool>>& hborder,  // [row edge][col]
                                 int rows, int cols) {
    std::vector<std::vector<bool>> taken(rows, std::vector<bool>(cols, false));
    std::vector<GridCell> cells;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            if (taken[r][c]) continue;
            int cs = 1;
            while (c + cs < cols && !vborder[c + cs][r] && !taken[r][c + cs]) ++cs;
            int rs = 1;
            while (r + rs < rows) {
                bool open = true;
                for (int k = c; k < c + cs && open; ++k)
                    open = !hborder[r + rs][k] && !taken[r + rs][k];
                for (int k = c + 1; k < c + cs && open; ++k) open = !vborder[k][r + rs];
                if (!open) break;
                ++rs;
            }
            for (int i = r; i < r + rs; ++i)
                for (int k = c; k < c + cs; ++k) taken[i][k] = true;
            cells.push_back({r, c, rs, cs});
        }
    }
    std::sort(cells.begin(), cells.end(),
              [](const GridCell& a, const GridCell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
    return cells;
}

int band_index(const std::vector<double>& edges, double v) {
    auto it = std::upper_bound(edges.begin(), edges.end(), v);
    int i = static_cast<int>(it - edges.begin()) - 1;
    return std::clamp(i, 0, std::max(0, static_cast<int>(edges.size()) - 2));
}

std::vector<GridCell> unit_cells(int rows, int cols) {
    std::vector<GridCell> cells;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) cells.push_back({r, c, 1, 1});
    return cells;
}

std::vector<MergedRuling> merge_rulings(const std::vector<Ruling>& rulings, Orientation orientation) {
    std::vector<MergedRuling> raw;
    for (const Ruling& r : rulings) {
        if (r.orientation != orientation) continue;
        double a = std::min(r.start(), r.end()), b = std::max(r.start(), r.end());
        raw.push_back({r.position(), a, b});
    }
    std::sort(raw.begin(), raw.end(), [](const MergedRuling& a, const MergedRuling& b) { return a.position < b.position; });
    std::vector<MergedRuling> out;
    size_t i = 0;
    while (i < raw.size()) {
        size_t j = i + 1;
        while (j < raw.size() && raw[j].position - raw[j - 1].position <= snap_tolerance_pt) ++j;
        double weight = 0, sum = 0;
        for (size_t k = i; k < j; ++k) {
            double w = std::max(raw[k].end - raw[k].start, 0.1);
            weight += w;
            sum += w * raw[k].position;
        }
        double position = sum / weight;
        std::vector<MergedRuling> group(raw.begin() + i, raw.begin() + j);
        std::sort(group.begin(), group.end(), [](const MergedRuling& a, const MergedRuling& b) { return a.start < b.start; });
        MergedRuling current{position, group[0].start, group[0].end};
        auto flush = [&] {
            if (current.end - current.start >= min_ruling_length_pt) out.push_back(current);
        };
        for (size_t k = 1; k < group.size(); ++k) {
            if (group[k].start <= current.end + join_gap_pt) {
                current.end = std::max(current.end, group[k].end);
            } else {
                flush();
                current = {position, group[k].start, group[k].end};
            }
        }
        flush();
        i = j;
    }
    return out;
}

LatticeResult find_lattice_grids(const std::vector<Ruling>& rulings, const std::vector<TextSpan>& spans) {
    std::vector<MergedRuling> hs = merge_rulings(rulings, Orientation::horizontal);
    std::vector<MergedRuling> vs = merge_rulings(rulings, Orientation::vertical);
    int nh = static_cast<int>(hs.size());
    UnionFind uf(nh + static_cast<int>(vs.size()));
    // vs are sorted by x; for each horizontal only the verticals within its x-range can touch.
    for (int h = 0; h < nh; ++h) {
        auto lo = std::lower_bound(vs.begin(), vs.end(), hs[h].start - intersect_tolerance_pt,
                                   [](const MergedRuling& v, double x) { return v.position < x; });
        for (auto it = lo; it != vs.end() && it->position <= hs[h].end + intersect_tolerance_pt; ++it) {
            if (hs[h].position >= it->start - intersect_tolerance_pt && hs[h].position <= it->end + intersect_tolerance_pt)
                uf.unite(h, nh + static_cast<int>(it - vs.begin()));
        }
    }
    std::vector<std::vector<int>> components(uf.parent.size());
    for (int i = 0; i < static_cast<int>(uf.parent.size()); ++i) components[uf.find(i)].push_back(i);

    // Verticals that touch no horizontal: candidate side borders of a merged cell whose
    // top and bottom borders are printed on other pages.
    std::vector<MergedRuling> lone_verticals;
    for (const std::vector<int>& members : components)
        if (!members.empty() && std::all_of(members.begin(), members.end(), [&](int m) { return m >= nh; }))
            for (int m : members) lone_verticals.push_back(vs[m - nh]);
    std::vector<bool> lone_used(lone_verticals.size(), false);

    LatticeResult result;
    for (const std::vector<int>& members : components) {
        if (members.empty()) continue;
        std::vector<MergedRuling> ch, cv;
        for (int m : members) (m < nh ? ch.push_back(hs[m]) : cv.push_back(vs[m - nh]));
        auto give_back = [&] { result.loose_horizontals.insert(result.loose_horizontals.end(), ch.begin(), ch.end()); };
        if (ch.size() < 2 || cv.size() < 2) {
            give_back();
            continue;
        }
        double left = 1e18, right = -1e18, top = 1e18, bottom = -1e18;
        for (const auto& h : ch) {
            left = std::min(left, h.start); right = std::max(right, h.end);
            top = std::min(top, h.position); bottom = std::max(bottom, h.position);
        }
        for (const auto& v : cv) {
            top = std::min(top, v.start); bottom = std::max(bottom, v.end);
            left = std::min(left, v.position); right = std::max(right, v.position);
        }
        for (int side : {-1, 1}) {
            int best = -1;
            double best_gap = max_side_border_gap_fraction * (right - left);
            for (size_t k = 0; k < lone_verticals.size(); ++k) {
                const MergedRuling& v = lone_verticals[k];
                double gap = side < 0 ? left - v.position : v.position - right;
                if (lone_used[k] || gap < min_edge_gap_pt || gap > best_gap) continue;
                if (std::abs(v.start - top) > intersect_tolerance_pt || std::abs(v.end - bottom) > intersect_tolerance_pt)
                    continue;
                best = static_cast<int>(k);
                best_gap = gap;
            }
            if (best < 0) continue;
            lone_used[best] = true;
            cv.push_back(lone_verticals[best]);
            left = std::min(left, lone_verticals[best].position);
            right = std::max(right, lone_verticals[best].position);
        }
        std::vector<double> rows{top, bottom}, cols{left, right};
        for (const auto& h : ch) rows.push_back(h.position);
        for (const auto& v : cv) cols.push_back(v.position);
        PageGrid grid;
        grid.method = GridMethod::lattice;
        grid.row_edges = dedupe_edges(rows);
        grid.col_edges = dedupe_edges(cols);
        if (grid.cols() < 2) {
            give_back();
            continue;
        }
        grid.fragment = grid.rows() < 2;
        auto vborder = border_table(cv, grid.col_edges, grid.row_edges);
        auto hborder = border_table(ch, grid.row_edges, grid.col_edges);
        add_text_borders(vborder, grid, spans);
        add_scanned_row_borders(hborder, grid, spans);
        add_keyed_row_borders(hborder, grid, spans);
        add_scanned_column_borders(vborder, grid, spans);
        grid.cells = tile_cells(vborder, hborder, grid.rows(), grid.cols());
        result.grids.push_back(std::move(grid));
    }
    std::sort(result.grids.begin(), result.grids.end(),
              [](const PageGrid& a, const PageGrid& b) { return a.row_edges.front() < b.row_edges.front(); });
    return result;
}

}  // namespace budgetpdf
