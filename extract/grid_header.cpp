#include "extract/grid_header.h"

// How it works: the header band is the rows above the first row holding an amount. For
// each inner row edge of the band, the rules at that position say under which columns a
// border is drawn (a rule covering at least border_coverage_fraction of the column). A
// column without a drawn border there keeps one heading cell over the rows above and
// below it. Above each run of ruled columns (all columns under a full rule), the headings
// printed over the run (the spans of its one line, or one heading wrapped over stacked
// lines) share its columns out, each heading taking the contiguous group of columns it is
// best centred over; a group whose heading runs across one of its inner edges (a group
// heading such as 财政拨款收入) becomes one cell. A heading within one column heads nothing. The cells are then tiled
// as in a lattice grid (tile_cells).

#include <algorithm>
#include <cmath>

#include "extract/table_text.h"

namespace budgetpdf {
namespace {

constexpr double rule_match_pt = 1.0;             // a rule lies on a row edge within this distance
constexpr double border_coverage_fraction = 0.5;  // share of a column a drawn rule must cover
constexpr double edge_slack_pt = 1.0;             // a heading reaching this little past a column edge stays in its column

// The headings printed over a run of columns in one header row: the spans of its one line,
// or one heading wrapped over several lines of one span each, stacked; none otherwise.
std::vector<Rect> run_headings(const std::vector<TextSpan>& spans, const std::vector<TextLine>& lines) {
    std::vector<Rect> out;
    if (lines.size() == 1) {
        for (int index : lines.front().spans) out.push_back(spans[index].bbox);
        return out;
    }
    Rect stacked;
    for (const TextLine& line : lines) {
        if (line.spans.size() != 1) return {};
        if (!stacked.empty() && (line.bbox.x1 < stacked.x0 || line.bbox.x0 > stacked.x1)) return {};
        stacked = rect_union(stacked, line.bbox);
    }
    if (!stacked.empty()) out.push_back(stacked);
    return out;
}

}  // namespace

std::vector<std::pair<int, int>> group_columns(const std::vector<double>& col_edges, int a, int b,
                                               const std::vector<Rect>& headings,
                                               const std::vector<std::pair<int, int>>& required) {
    const int m = static_cast<int>(headings.size()), n = b - a + 1;
    if (m == 0 || m > n) return {};
    // cost[i][j]: best cost of giving the first j columns to the first i headings.
    const double unreachable = 1e18;
    std::vector<std::vector<double>> cost(m + 1, std::vector<double>(n + 1, unreachable));
    std::vector<std::vector<int>> cut(m + 1, std::vector<int>(n + 1, 0));
    cost[0][0] = 0;
    for (int i = 1; i <= m; ++i)
        for (int j = i; j <= n; ++j)
            for (int k = i - 1; k < j; ++k) {
                if (cost[i - 1][k] >= unreachable) continue;
                if (!required.empty()) {
                    auto [must_first, must_last] = required[i - 1];
                    if (must_first <= must_last && (a + k > must_first || a + j - 1 < must_last)) continue;
                }
                double centre = (col_edges[a + k] + col_edges[a + j]) / 2;
                double c = cost[i - 1][k] + std::abs(headings[i - 1].center_x() - centre);
                if (c < cost[i][j]) {
                    cost[i][j] = c;
                    cut[i][j] = k;
                }
            }
    if (cost[m][n] >= unreachable) return {};
    std::vector<std::pair<int, int>> groups(m);
    for (int i = m, j = n; i > 0; j = cut[i][j], --i) groups[i - 1] = {a + cut[i][j], a + j - 1};
    return groups;
}

namespace {

int first_amount_row(const PageGrid& grid, const std::vector<TextSpan>& spans, const std::vector<int>& grid_spans) {
    int first = grid.rows();
    for (int index : grid_spans)
        if (is_amount_text(spans[index].text))
            first = std::min(first, band_index(grid.row_edges, spans[index].bbox.center_y()));
    return first;
}

// Clears the inner vertical borders of `row` over each group of a..b whose heading runs
// across one of the group's inner edges; true when some group was merged.
bool merge_group_headings(const std::vector<double>& col_edges, int a, int b, int row, std::vector<Rect> headings,
                          std::vector<std::vector<bool>>& vborder) {
    if (b <= a || headings.empty()) return false;
    std::sort(headings.begin(), headings.end(), [](const Rect& x, const Rect& y) { return x.x0 < y.x0; });
    std::vector<std::pair<int, int>> groups = group_columns(col_edges, a, b, headings);
    bool merged = false;
    for (size_t h = 0; h < groups.size(); ++h) {
        auto [first, last] = groups[h];
        bool crossing = false;  // a heading within one column heads no group
        for (int e = first + 1; e <= last; ++e)
            crossing = crossing || (headings[h].x0 < col_edges[e] - edge_slack_pt && headings[h].x1 > col_edges[e] + edge_slack_pt);
        if (!crossing) continue;
        for (int k = first + 1; k <= last; ++k) vborder[k][row] = false;
        merged = true;
    }
    return merged;
}

}  // namespace

void merge_rule_header_cells(PageGrid& grid, const std::vector<MergedRuling>& rules,
                             const std::vector<TextSpan>& spans, const std::vector<int>& grid_spans) {
    const int rows = grid.rows(), cols = grid.cols();
    const int first_data_row = first_amount_row(grid, spans, grid_spans);
    if (first_data_row < 2 || cols < 2) return;
    std::vector<std::vector<bool>> hborder(rows + 1, std::vector<bool>(cols, true));
    std::vector<std::vector<bool>> vborder(cols + 1, std::vector<bool>(rows, true));
    bool changed = false;
    for (int edge = 1; edge < first_data_row; ++edge) {
        std::vector<double> covered(cols, 0.0);
        bool ruled = false;
        for (const MergedRuling& rule : rules) {
            if (std::abs(rule.position - grid.row_edges[edge]) > rule_match_pt) continue;
            ruled = true;
            for (int c = 0; c < cols; ++c)
                covered[c] += std::max(0.0, std::min(rule.end, grid.col_edges[c + 1]) - std::max(rule.start, grid.col_edges[c]));
        }
        if (!ruled) continue;  // a row split by text, not by a rule
        for (int c = 0; c < cols; ++c) {
            hborder[edge][c] = covered[c] >= border_coverage_fraction * (grid.col_edges[c + 1] - grid.col_edges[c]);
            changed = changed || !hborder[edge][c];
        }
        // Runs of ruled columns (all columns under a full rule): the headings printed over a
        // run share its columns out; a heading over several of them is a group heading.
        const int row = edge - 1;
        for (int a = 0; a < cols;) {
            if (!hborder[edge][a]) {
                ++a;
                continue;
            }
            int b = a;
            while (b + 1 < cols && hborder[edge][b + 1]) ++b;
            std::vector<int> run_spans;
            for (int index : grid_spans) {
                const Rect& box = spans[index].bbox;
                if (band_index(grid.row_edges, box.center_y()) == row && box.center_x() >= grid.col_edges[a] &&
                    box.center_x() < grid.col_edges[b + 1])
                    run_spans.push_back(index);
            }
            std::vector<Rect> headings = run_headings(spans, group_lines(spans, run_spans));
            changed = merge_group_headings(grid.col_edges, a, b, row, headings, vborder) || changed;
            a = b + 1;
        }
    }
    if (changed) grid.cells = tile_cells(vborder, hborder, rows, cols);
}

void merge_text_header_cells(PageGrid& grid, const std::vector<TextSpan>& spans, const std::vector<int>& grid_spans) {
    const int cols = grid.cols();
    if (cols < 2 || first_amount_row(grid, spans, grid_spans) != 1) return;
    std::vector<int> band;
    for (int index : grid_spans)
        if (band_index(grid.row_edges, spans[index].bbox.center_y()) == 0) band.push_back(index);
    std::vector<TextLine> lines = group_lines(spans, band);
    if (lines.size() < 2) return;
    std::vector<Rect> headings;
    bool crossing = false;
    for (int index : lines.front().spans) {
        const Rect& box = spans[index].bbox;
        headings.push_back(box);
        for (int e = 1; e < cols; ++e)
            crossing = crossing || (box.x0 < grid.col_edges[e] - edge_slack_pt && box.x1 > grid.col_edges[e] + edge_slack_pt);
    }
    if (!crossing) return;
    // The group line becomes row 0; the rest of the band row 1.
    double split = lines.front().bbox.y1;
    for (const TextLine& line : lines) split = std::min(split, std::max(line.bbox.y0, lines.front().bbox.center_y()));
    split = std::max(split, lines.front().bbox.center_y() + 0.5 * lines.front().bbox.height());
    grid.row_edges.insert(grid.row_edges.begin() + 1, split);
    const int rows = grid.rows();
    std::vector<std::vector<bool>> hborder(rows + 1, std::vector<bool>(cols, true));
    std::vector<std::vector<bool>> vborder(cols + 1, std::vector<bool>(rows, true));
    std::vector<bool> top_text(cols, false);
    for (int index : band)
        if (spans[index].bbox.center_y() < split) top_text[band_index(grid.col_edges, spans[index].bbox.center_x())] = true;
    // No rule bounds the groups: left to right, each group heading takes the range of columns
    // it runs across (short of the column under its right neighbour's centre), widened to the
    // range best centred under it that stays clear of the groups already taken.
    std::sort(headings.begin(), headings.end(), [](const Rect& x, const Rect& y) { return x.x0 < y.x0; });
    int low = 0;
    for (size_t h = 0; h < headings.size(); ++h) {
        const Rect& heading = headings[h];
        int high = h + 1 < headings.size() ? band_index(grid.col_edges, headings[h + 1].center_x()) - 1 : cols - 1;
        int from = std::max(low, band_index(grid.col_edges, heading.x0 + edge_slack_pt));
        int to = std::min(high, band_index(grid.col_edges, heading.x1 - edge_slack_pt));
        if (from >= to) {
            low = std::max(low, band_index(grid.col_edges, heading.center_x()) + 1);
            continue;
        }
        int best_first = from, best_last = to;
        double best_offset = 1e18;
        for (int first = low; first <= from; ++first)
            for (int last = to; last <= high; ++last) {
                double offset = std::abs((grid.col_edges[first] + grid.col_edges[last + 1]) / 2 - heading.center_x());
                if (offset < best_offset) {
                    best_offset = offset;
                    best_first = first;
                    best_last = last;
                }
            }
        for (int k = best_first + 1; k <= best_last; ++k) vborder[k][0] = false;
        low = best_last + 1;
    }
    // A column under no group heading keeps one heading cell over both rows.
    for (int c = 0; c < cols; ++c) {
        bool grouped = (c > 0 && !vborder[c][0]) || (c + 1 < cols && !vborder[c + 1][0]);
        if (!grouped && !top_text[c]) hborder[1][c] = false;
    }
    grid.cells = tile_cells(vborder, hborder, rows, cols);
}

}  // namespace budgetpdf
