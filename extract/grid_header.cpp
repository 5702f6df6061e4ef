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

int locate(const std::vector<double>& edges, double v) {
    auto it = std::upper_bound(edges.begin(), edges.end(), v);
    int i = static_cast<int>(it - edges.begin()) - 1;
    return std::clamp(i, 0, static_cast<int>(edges.size()) - 2);
}

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

// The columns a..b shared out among the headings printed over them (left to right), one
// contiguous group each: the partition whose groups are best centred under their headings
// (a heading is centred over the columns it spans). Empty when there are more headings
// than columns.
std::vector<std::pair<int, int>> group_columns(const std::vector<double>& col_edges, int a, int b,
                                               const std::vector<Rect>& headings) {
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
                double centre = (col_edges[a + k] + col_edges[a + j]) / 2;
                double c = cost[i - 1][k] + std::abs(headings[i - 1].center_x() - centre);
                if (c < cost[i][j]) {
                    cost[i][j] = c;
                    cut[i][j] = k;
                }
            }
    std::vector<std::pair<int, int>> groups(m);
    for (int i = m, j = n; i > 0; j = cut[i][j], --i) groups[i - 1] = {a + cut[i][j], a + j - 1};
    return groups;
}

}  // namespace

void merge_rule_header_cells(PageGrid& grid, const std::vector<MergedRuling>& rules,
                             const std::vector<TextSpan>& spans, const std::vector<int>& grid_spans) {
    const int rows = grid.rows(), cols = grid.cols();
    int first_data_row = rows;
    for (int index : grid_spans)
        if (is_amount_text(spans[index].text))
            first_data_row = std::min(first_data_row, locate(grid.row_edges, spans[index].bbox.center_y()));
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
                if (locate(grid.row_edges, box.center_y()) == row && box.center_x() >= grid.col_edges[a] &&
                    box.center_x() < grid.col_edges[b + 1])
                    run_spans.push_back(index);
            }
            std::vector<Rect> headings = run_headings(spans, group_lines(spans, run_spans));
            std::sort(headings.begin(), headings.end(), [](const Rect& x, const Rect& y) { return x.x0 < y.x0; });
            std::vector<std::pair<int, int>> groups = b > a ? group_columns(grid.col_edges, a, b, headings)
                                                            : std::vector<std::pair<int, int>>{};
            for (size_t h = 0; h < groups.size(); ++h) {
                auto [first, last] = groups[h];
                bool crossing = false;  // a heading within one column heads no group
                for (int e = first + 1; e <= last; ++e)
                    crossing = crossing || (headings[h].x0 < grid.col_edges[e] - edge_slack_pt &&
                                            headings[h].x1 > grid.col_edges[e] + edge_slack_pt);
                if (!crossing) continue;
                for (int k = first + 1; k <= last; ++k) vborder[k][row] = false;
                changed = true;
            }
            a = b + 1;
        }
    }
    if (changed) grid.cells = tile_cells(vborder, hborder, rows, cols);
}

}  // namespace budgetpdf
