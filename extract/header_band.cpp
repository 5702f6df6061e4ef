#include "extract/header_band.h"

// How it works: the header band's text is gathered into headings: the spans of one line
// (neighbours within one column joined), and the lines of a heading wrapped over several
// lines (stacked, overlapping in x, with less than wrap_gap_fraction of a line height
// between them). A heading with another heading under it (in a column its text covers) is
// a group heading; the others are the leaf headings, one per column (or one over the
// columns its text runs across). Group headings overlapping vertically form one header
// row each (levels, top-down); the leaves make the last row.
// Row edges: headings are centred in their cells, so each level's edge below lies as far
// under the level's centre as the edge above lies over it; where that misses the white
// gap between the level and the next headings, the gap's middle is taken.
// A leaf starts at the row whose span down to the band's bottom it is best centred in,
// among the rows whose group headings lie wholly above it. Top-down, the columns whose
// leaf starts below a level form runs (within one group of the level above); the level's
// group headings share each run out (each taking the contiguous columns it is best
// centred over, at least those its text covers), and a run no group heading claims lets
// its leaves start at that level. Any inconsistency (two leaves in one column, a group
// heading left without columns, a hole) leaves the band as it was.

#include <algorithm>
#include <cmath>

#include "extract/grid_header.h"
#include "extract/table_text.h"

namespace budgetpdf {
namespace {

constexpr double wrap_gap_fraction = 0.5;  // lines of one wrapped heading stand less than this many line heights apart
constexpr double crossing_glyph_fraction = 0.5;  // text reaching less than this share of a glyph past a column edge stays in its column
constexpr double below_slack_pt = 1.0;     // a heading this little into the one above is still under it

struct Heading {
    Rect box;
    Rect last_line;       // its lowest line, which the next wrapped line continues
    int last_line_index = -1;
    int first_col = 0;    // the columns its text covers
    int last_col = 0;
    bool group = false;
    int level = -1;       // group headings: their header row
    int start_row = 0;    // leaf headings: the header row their cell starts at
    int cell_first = 0;   // group headings: the columns of their cell
    int cell_last = -1;
};

// The columns the text in `box` covers, in [first, last] (`line_height`: of one line, about
// a glyph's width); true when that is one column.
bool covered_columns(const Rect& box, double line_height, const std::vector<double>& col_edges, int& first, int& last) {
    double slack = crossing_glyph_fraction * line_height;
    first = band_index(col_edges, box.x0 + slack);
    last = band_index(col_edges, box.x1 - slack);
    if (first >= last) first = last = band_index(col_edges, box.center_x());
    return first == last;
}

bool single_column(const Rect& box, const std::vector<double>& col_edges, int& col) {
    int last = 0;
    return covered_columns(box, box.height(), col_edges, col, last);
}

std::vector<Heading> band_headings(const std::vector<double>& col_edges, const std::vector<TextSpan>& spans,
                                   const std::vector<int>& band) {
    std::vector<TextLine> lines = group_lines(spans, band);
    std::vector<Heading> out;
    for (int li = 0; li < static_cast<int>(lines.size()); ++li) {
        // The line's pieces: its spans, neighbours lying in one column joined (项  目).
        std::vector<Rect> pieces;
        int previous_col = -1;
        for (int index : lines[li].spans) {
            const Rect& box = spans[index].bbox;
            int col = -1;
            bool single = single_column(box, col_edges, col);
            if (!pieces.empty() && single && col == previous_col) {
                int last_col = -1;
                if (single_column(pieces.back(), col_edges, last_col) && last_col == col) {
                    pieces.back() = rect_union(pieces.back(), box);
                    continue;
                }
            }
            pieces.push_back(box);
            previous_col = single ? col : -1;
        }
        for (const Rect& piece : pieces) {
            // The heading whose lowest line stands right above the piece (other headings'
            // lines may lie between them in y: headings are centred in their cells).
            Heading* above = nullptr;
            double nearest = 1e18;
            for (Heading& h : out) {
                if (h.last_line_index == li) continue;
                double gap = piece.y0 - h.last_line.y1;
                double limit = wrap_gap_fraction * std::min(piece.height(), h.last_line.height());
                bool overlap = std::min(piece.x1, h.last_line.x1) > std::max(piece.x0, h.last_line.x0);
                if (overlap && gap >= -below_slack_pt && gap <= limit && gap < nearest) {
                    above = &h;
                    nearest = gap;
                }
            }
            if (above) {
                above->box = rect_union(above->box, piece);
                above->last_line = piece;
                above->last_line_index = li;
            } else {
                Heading h;
                h.box = piece;
                h.last_line = piece;
                h.last_line_index = li;
                out.push_back(h);
            }
        }
    }
    for (Heading& h : out) covered_columns(h.box, h.last_line.height(), col_edges, h.first_col, h.last_col);
    return out;
}

bool share_columns(const Heading& a, const Heading& b) {
    return std::max(a.first_col, b.first_col) <= std::min(a.last_col, b.last_col);
}

struct Level {
    std::vector<int> groups;
    double top = 1e18, bottom = -1e18, centre_sum = 0;
    double centre() const { return centre_sum / static_cast<double>(groups.size()); }
};

}  // namespace

bool segment_header_band(PageGrid& grid, const std::vector<TextSpan>& spans, const std::vector<int>& grid_spans) {
    const int cols = grid.cols();
    if (cols < 2 || grid.rows() < 2) return false;
    std::vector<int> band;
    int first_amount_row = grid.rows();
    for (int index : grid_spans) {
        int row = band_index(grid.row_edges, spans[index].bbox.center_y());
        if (is_amount_text(spans[index].text)) first_amount_row = std::min(first_amount_row, row);
        if (row == 0) band.push_back(index);
    }
    if (first_amount_row != 1) return false;  // row 0 is not the whole header
    std::vector<Heading> headings = band_headings(grid.col_edges, spans, band);
    const int n = static_cast<int>(headings.size());
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n && !headings[i].group; ++j)
            headings[i].group = j != i && share_columns(headings[i], headings[j]) &&
                                headings[j].box.y0 >= headings[i].box.y1 - below_slack_pt;
    // Levels: group headings overlapping vertically share a header row.
    std::vector<int> order;
    for (int i = 0; i < n; ++i)
        if (headings[i].group) order.push_back(i);
    if (order.empty()) return false;
    std::sort(order.begin(), order.end(), [&](int a, int b) { return headings[a].box.y0 < headings[b].box.y0; });
    std::vector<Level> levels;
    for (int i : order) {
        const Rect& box = headings[i].box;
        if (levels.empty() || box.y0 >= levels.back().bottom) levels.push_back({});
        Level& level = levels.back();
        level.groups.push_back(i);
        level.top = std::min(level.top, box.y0);
        level.bottom = std::max(level.bottom, box.y1);
        level.centre_sum += box.center_y();
        headings[i].level = static_cast<int>(levels.size()) - 1;
    }
    const int k = static_cast<int>(levels.size()), header_rows = k + 1;
    // Row edges: centred headings put the edge under a level as far below its centre as the
    // edge above lies over it; else the middle of the gap under the level.
    const double band_top = grid.row_edges[0], band_bottom = grid.row_edges[1];
    std::vector<double> edges{band_top};
    for (int d = 0; d < k; ++d) {
        double next_top = d + 1 < k ? levels[d + 1].top : band_bottom;
        for (const Heading& h : headings)
            if (!h.group && h.box.y0 >= levels[d].bottom) next_top = std::min(next_top, h.box.y0);
        double centred = 2 * levels[d].centre() - edges.back();
        edges.push_back(centred > levels[d].bottom && centred < next_top ? centred : (levels[d].bottom + next_top) / 2);
    }
    edges.push_back(band_bottom);
    // Leaves: one per column; each starts at the row it is best centred down from.
    std::vector<int> leaf_of(cols, -1), start(cols, 0);
    for (int i = 0; i < n; ++i) {
        Heading& h = headings[i];
        if (h.group) continue;
        double best = 1e18;
        for (int s = 0; s <= k; ++s) {
            if (s > 0 && h.box.y0 < levels[s - 1].bottom - below_slack_pt) break;
            double offset = std::abs(h.box.center_y() - (edges[s] + band_bottom) / 2);
            if (offset < best) {
                best = offset;
                h.start_row = s;
            }
        }
        for (int c = h.first_col; c <= h.last_col; ++c) {
            if (leaf_of[c] >= 0) return false;
            leaf_of[c] = i;
            start[c] = h.start_row;
        }
    }
    // Top-down, the columns whose leaf starts below level d are shared out among the level's
    // group headings, run by run within the groups of the level above.
    std::vector<int> owner_above(cols, -1);  // the group covering each column one level up
    for (int d = 0; d < k; ++d) {
        std::vector<int> owner(cols, -1);
        for (int a = 0; a < cols;) {
            if (start[a] <= d) {
                ++a;
                continue;
            }
            int b = a;
            while (b + 1 < cols && start[b + 1] > d && owner_above[b + 1] == owner_above[a]) ++b;
            std::vector<int> run_groups;
            for (int i : levels[d].groups) {
                int centre_col = band_index(grid.col_edges, headings[i].box.center_x());
                if (centre_col >= a && centre_col <= b) run_groups.push_back(i);
            }
            std::sort(run_groups.begin(), run_groups.end(),
                      [&](int x, int y) { return headings[x].box.x0 < headings[y].box.x0; });
            if (run_groups.empty()) {
                for (int c = a; c <= b; ++c) start[c] = d;  // no group heading over them: the leaves start here
                a = b + 1;
                continue;
            }
            std::vector<Rect> boxes;
            std::vector<std::pair<int, int>> required;
            for (int i : run_groups) {
                boxes.push_back(headings[i].box);
                required.push_back({std::max(a, headings[i].first_col), std::min(b, headings[i].last_col)});
            }
            std::vector<std::pair<int, int>> parts = group_columns(grid.col_edges, a, b, boxes, required);
            if (parts.size() != run_groups.size()) return false;
            for (size_t g = 0; g < parts.size(); ++g) {
                headings[run_groups[g]].cell_first = parts[g].first;
                headings[run_groups[g]].cell_last = parts[g].second;
                for (int c = parts[g].first; c <= parts[g].second; ++c) owner[c] = run_groups[g];
            }
            a = b + 1;
        }
        for (int i : levels[d].groups)
            if (headings[i].cell_last < headings[i].cell_first) return false;  // a group heading over no column
        owner_above = owner;
    }
    // The header cells, checked to tile the header rows.
    std::vector<GridCell> header;
    for (const Heading& h : headings)
        if (h.group) header.push_back({h.level, h.cell_first, 1, h.cell_last - h.cell_first + 1});
    for (int c = 0; c < cols;) {
        int last = c;
        if (leaf_of[c] >= 0) {
            const Heading& h = headings[leaf_of[c]];
            for (int x = h.first_col; x <= h.last_col; ++x)
                if (start[x] != start[c]) return false;
            last = h.last_col;
        }
        header.push_back({start[c], c, header_rows - start[c], last - c + 1});
        c = last + 1;
    }
    std::vector<int> covered(static_cast<size_t>(header_rows) * cols, 0);
    for (const GridCell& cell : header)
        for (int r = cell.row; r < cell.row + cell.row_span; ++r)
            for (int c = cell.col; c < cell.col + cell.col_span; ++c) ++covered[static_cast<size_t>(r) * cols + c];
    if (std::any_of(covered.begin(), covered.end(), [](int x) { return x != 1; })) return false;
    // The band's row becomes the header rows; the cells below move down.
    std::vector<GridCell> cells = header;
    for (const GridCell& cell : grid.cells) {
        if (cell.row == 0) {
            if (cell.row_span > 1) return false;  // a cell running from the header into the body
            continue;
        }
        cells.push_back({cell.row + k, cell.col, cell.row_span, cell.col_span});
    }
    std::sort(cells.begin(), cells.end(),
              [](const GridCell& a, const GridCell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
    grid.row_edges.insert(grid.row_edges.begin() + 1, edges.begin() + 1, edges.end() - 1);
    grid.cells = std::move(cells);
    return true;
}

}  // namespace budgetpdf
