#include "extract/grid_rows.h"

// How it works: printed amounts never wrap, so two amounts stacked in one column of one
// band are two records. The column holding the most stacked amounts gives the anchors,
// one per record; every printed line of the band joins the anchor nearest to it
// (wrapped labels, top- or bottom-aligned text alike); the rest of a number cut by its
// column's width (continues_cut_number) is no record of its own. In a body without rules,
// a line holding an amount or text in min_record_columns columns is a record too (label
// rows without amounts in the best column), and so is a line standing under the line above
// as far as records stand apart. Row boundaries lie halfway
// between the last line of one record and the first line of the next.

#include <algorithm>
#include <cmath>

#include "extract/table_text.h"

namespace budgetpdf {
namespace {

constexpr int min_record_columns = 3;  // a line of a body without rules filling this many columns is a record
constexpr double record_pitch_fraction = 0.9;  // a line at least this share of the records' pitch under the line above is a record
constexpr int min_pitch_samples = 2;

// Lines printed as far under the line above as records stand apart (the median distance of
// neighbouring record lines) are records too: label rows without amounts, not wrapped
// labels, whose lines stand closer.
std::vector<int> with_lines_at_record_pitch(const std::vector<TextLine>& lines, std::vector<int> anchors) {
    std::vector<double> pitches;
    for (size_t a = 1; a < anchors.size(); ++a)
        if (anchors[a] == anchors[a - 1] + 1)
            pitches.push_back(lines[anchors[a]].bbox.center_y() - lines[anchors[a - 1]].bbox.center_y());
    if (static_cast<int>(pitches.size()) < min_pitch_samples) return anchors;
    std::nth_element(pitches.begin(), pitches.begin() + static_cast<long>(pitches.size() / 2), pitches.end());
    const double pitch = pitches[pitches.size() / 2];
    for (int l = 1; l < static_cast<int>(lines.size()); ++l)
        if (lines[l].bbox.center_y() - lines[l - 1].bbox.center_y() >= record_pitch_fraction * pitch) anchors.push_back(l);
    std::sort(anchors.begin(), anchors.end());
    anchors.erase(std::unique(anchors.begin(), anchors.end()), anchors.end());
    return anchors;
}

}  // namespace

std::vector<double> split_band_by_text(const std::vector<TextSpan>& spans, const std::vector<int>& band_spans,
                                       const std::vector<double>& col_edges, bool single_record_needs_proof) {
    std::vector<TextLine> lines = group_lines(spans, band_spans);
    if (lines.size() < 2) return {};
    int cols = std::max(1, static_cast<int>(col_edges.size()) - 1);
    // Per column: the lines that hold an amount in that column (not the rest of a number
    // cut by the column's width).
    std::vector<std::vector<int>> numeric_lines(cols);
    // Per span, whether it is the rest of a number cut by its column's width. A line holding
    // one such rest is the rest of the line above: its other digits under a number are too
    // (1,264,602 | .38 beside 1,263,231.7 | 8).
    std::vector<bool> cut_span(spans.size(), false), has_above(spans.size(), false), rest_line(lines.size(), false);
    std::vector<int> above(cols, -1);  // per column, the span on the line above
    for (int l = 0; l < static_cast<int>(lines.size()); ++l) {
        for (int index : lines[l].spans) {
            const TextSpan& span = spans[index];
            int c = band_index(col_edges, span.bbox.center_x());
            has_above[index] = above[c] >= 0 && is_amount_text(spans[above[c]].text);
            cut_span[index] = above[c] >= 0 && col_edges.size() > 1 &&
                              continues_cut_number(spans[above[c]].text, spans[above[c]].bbox.width(), span.text,
                                                   col_edges[c + 1] - col_edges[c]);
            rest_line[l] = rest_line[l] || cut_span[index];
            above[c] = index;
        }
    }
    for (int l = 0; l < static_cast<int>(lines.size()); ++l) {
        for (int index : lines[l].spans) {
            const TextSpan& span = spans[index];
            int c = band_index(col_edges, span.bbox.center_x());
            if (!is_numeric_text(span.text) || cut_span[index] || (rest_line[l] && has_above[index])) continue;
            auto& v = numeric_lines[c];
            if (v.empty() || v.back() != l) v.push_back(l);
        }
    }
    auto best = std::max_element(numeric_lines.begin(), numeric_lines.end(),
                                 [](const auto& a, const auto& b) { return a.size() < b.size(); });
    if (best->size() < 2 && single_record_needs_proof) return {};
    std::vector<int> anchors;
    if (best->size() < 2) {
        // No stacked amounts: every line is its own row.
        for (int l = 0; l < static_cast<int>(lines.size()); ++l) anchors.push_back(l);
    } else {
        // The best column's lines, plus lines holding amounts in several columns (a record
        // whose best-column cell is empty); in a body without rules also lines holding an
        // amount anywhere or text in several columns (records whose amounts are elsewhere or
        // blank, not a wrapped label).
        for (int l = 0; l < static_cast<int>(lines.size()); ++l) {
            if (rest_line[l]) continue;
            int numeric = 0;
            std::vector<int> filled;
            for (int index : lines[l].spans) {
                numeric += is_numeric_text(spans[index].text) ? 1 : 0;
                filled.push_back(band_index(col_edges, spans[index].bbox.center_x()));
            }
            std::sort(filled.begin(), filled.end());
            const int columns = static_cast<int>(std::unique(filled.begin(), filled.end()) - filled.begin());
            const bool unruled_record = !single_record_needs_proof && (numeric >= 1 || columns >= min_record_columns);
            if (std::binary_search(best->begin(), best->end(), l) || numeric >= 2 || unruled_record) anchors.push_back(l);
        }
        if (!single_record_needs_proof) anchors = with_lines_at_record_pitch(lines, anchors);
    }
    std::vector<int> owner(lines.size(), -1);
    for (int a = 0; a < static_cast<int>(anchors.size()); ++a) owner[anchors[a]] = a;
    for (int l = 0; l < static_cast<int>(lines.size()); ++l) {
        if (owner[l] >= 0) continue;
        double cy = lines[l].bbox.center_y();
        int nearest = 0;
        double distance = 1e18;
        for (int a = 0; a < static_cast<int>(anchors.size()); ++a) {
            double d = std::abs(lines[anchors[a]].bbox.center_y() - cy);
            if (d < distance) {
                distance = d;
                nearest = a;
            }
        }
        owner[l] = nearest;
    }
    // Records are contiguous in y because every line goes to its nearest anchor.
    std::vector<double> boundaries;
    for (int l = 0; l + 1 < static_cast<int>(lines.size()); ++l) {
        if (owner[l] != owner[l + 1]) {
            double top_of_next = lines[l + 1].bbox.y0;
            double bottom_of_this = lines[l].bbox.y1;
            for (int k = 0; k <= l; ++k)
                if (owner[k] == owner[l]) bottom_of_this = std::max(bottom_of_this, lines[k].bbox.y1);
            boundaries.push_back(top_of_next > bottom_of_this ? (top_of_next + bottom_of_this) / 2
                                                               : (lines[l].bbox.center_y() + lines[l + 1].bbox.center_y()) / 2);
        }
    }
    return boundaries;
}

void split_rows_by_text(PageGrid& grid, const std::vector<TextSpan>& spans, const std::vector<int>& grid_spans) {
    int rows = grid.rows();
    std::vector<std::vector<int>> band_spans(rows);
    for (int index : grid_spans) {
        double cy = spans[index].bbox.center_y();
        auto it = std::upper_bound(grid.row_edges.begin(), grid.row_edges.end(), cy);
        int r = static_cast<int>(it - grid.row_edges.begin()) - 1;
        if (r >= 0 && r < rows) band_spans[r].push_back(index);
    }
    std::vector<std::vector<double>> inner(rows);
    bool any = false;
    for (int r = 0; r < rows; ++r) {
        if (band_spans[r].size() < 2) continue;
        inner[r] = split_band_by_text(spans, band_spans[r], grid.col_edges, true);
        any = any || !inner[r].empty();
    }
    if (!any) return;
    std::vector<int> first_new(rows + 1, 0);
    std::vector<double> edges;
    for (int r = 0; r < rows; ++r) {
        first_new[r + 1] = first_new[r] + 1 + static_cast<int>(inner[r].size());
        edges.push_back(grid.row_edges[r]);
        edges.insert(edges.end(), inner[r].begin(), inner[r].end());
    }
    edges.push_back(grid.row_edges.back());
    std::vector<GridCell> cells;
    for (const GridCell& cell : grid.cells) {
        int start = first_new[cell.row];
        int end = first_new[cell.row + cell.row_span];
        if (cell.row_span == 1) {
            for (int r = start; r < end; ++r) cells.push_back({r, cell.col, 1, cell.col_span});
        } else {
            cells.push_back({start, cell.col, end - start, cell.col_span});
        }
    }
    std::sort(cells.begin(), cells.end(),
              [](const GridCell& a, const GridCell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; });
    grid.row_edges = std::move(edges);
    grid.cells = std::move(cells);
}

}  // namespace budgetpdf
