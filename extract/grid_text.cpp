#include "extract/grid_text.h"

// How it works:
// Rule tables: horizontal rules not part of a lattice are sorted top to bottom and
// grouped while each overlaps the x-extent of the group so far; a group of two or more rules bounds a candidate
// table. The candidate is kept only when some lines hold amounts and most of its lines
// split into several spans, or at least sparse_rule_table_data_lines lines hold amounts
// beside other text (a continued page whose rows are mostly single labels). Columns come
// from text alignment (grid_columns), rows from the rules,
// and a band between two rules that holds several records is split by text (grid_rows);
// rules drawn under some columns of the header only make merged heading cells (grid_header).
// Text tables: printed lines are scanned top to bottom for runs of "data lines" (three or
// more spans, at least one amount or code) with small vertical gaps; a run of at least
// min_text_table_lines data lines whose columns align (three or more columns, most data
// lines filling three of them) becomes a table, together with up to max_header_lines
// heading lines right above it (the header: close together, within the body's extent, no
// larger than the body, made of short headings, no unit, tag or sentence). Rows come from
// the record split; the header is one row whose cells join their lines top-down. Lines
// under the run that keep to its columns (each span within one column) extend it: label
// rows without amounts, then the totals.

#include <algorithm>
#include <set>

#include "extract/context_lines.h"
#include "extract/grid_columns.h"
#include "extract/grid_header.h"
#include "extract/grid_rows.h"
#include "extract/header_band.h"
#include "extract/table_text.h"

namespace budgetpdf {
namespace {

constexpr double rule_overlap_fraction = 0.7;    // rules of one table overlap this much in x
constexpr double min_row_height_pt = 6.0;        // an empty band thinner than this is a double rule
constexpr double edge_margin_pt = 1.0;           // text tables: edges this far outside the text
constexpr int min_text_table_lines = 3;          // data lines a rule-less table needs
constexpr int min_text_table_columns = 3;
constexpr double aligned_line_fraction = 0.6;    // share of data lines filling >= 3 columns
constexpr double max_line_gap_factor = 2.0;      // vertical gap between lines of one table, in line heights
constexpr int max_non_data_lines = 2;            // wrapped labels allowed between two data lines
constexpr int max_header_lines = 8;             // wrapped headings over several lines
constexpr double max_header_gap_factor = 3.0;    // the header's last line and the body's first, in line heights
constexpr double header_overhang_pt = 20.0;       // header lines stay within the body's extent, give or take this
constexpr double max_heading_span_fraction = 0.4; // a heading span is narrower than this share of the table
constexpr int min_headings_over_body = 2;         // a header line reaching beyond the body holds this many headings over it
constexpr double title_font_factor = 1.15;        // a line this much larger than the body is a title
constexpr int sparse_rule_table_data_lines = 3;  // data lines that make a rule table whose other lines are single labels

int numeric_spans(const std::vector<TextSpan>& spans, const TextLine& line) {
    int n = 0;
    for (int index : line.spans) n += is_numeric_text(spans[index].text) ? 1 : 0;
    return n;
}

std::vector<int> spans_inside(const std::vector<TextSpan>& spans, const std::vector<int>& free_spans, const Rect& r) {
    std::vector<int> out;
    for (int index : free_spans)
        if (rect_contains(r, {spans[index].bbox.center_x(), spans[index].bbox.center_y()})) out.push_back(index);
    return out;
}

int filled_columns(const std::vector<TextSpan>& spans, const TextLine& line, const std::vector<double>& col_edges) {
    std::set<int> cols;
    for (int index : line.spans) {
        double x = spans[index].bbox.center_x();
        cols.insert(static_cast<int>(std::upper_bound(col_edges.begin(), col_edges.end(), x) - col_edges.begin()));
    }
    return static_cast<int>(cols.size());
}

// Row edges for [top, bottom] split at `edges` (inner rule positions), each band further
// split into records by text.
std::vector<double> rows_for_bands(const std::vector<TextSpan>& spans, const std::vector<int>& region_spans,
                                   std::vector<double> edges, const std::vector<double>& col_edges,
                                   bool ruled_bands) {
    std::sort(edges.begin(), edges.end());
    std::vector<double> out;
    for (size_t b = 0; b + 1 < edges.size(); ++b) {
        std::vector<int> band;
        for (int index : region_spans) {
            double cy = spans[index].bbox.center_y();
            if (cy >= edges[b] && cy < edges[b + 1]) band.push_back(index);
        }
        if (band.empty() && edges[b + 1] - edges[b] < min_row_height_pt && !out.empty()) continue;
        out.push_back(edges[b]);
        // A band between two rules, or a header band, keeps its wrapped labels in one row;
        // the body of a rule-less table without amounts has one row per line.
        bool keep_lines_together = ruled_bands || b == 0;
        std::vector<double> inner = split_band_by_text(spans, band, col_edges, keep_lines_together);
        out.insert(out.end(), inner.begin(), inner.end());
    }
    out.push_back(edges.back());
    return out;
}

// A line of a table's header above the body of a table without rules: within the body's
// extent, printed no larger than the body, not a unit, tag, organisation, heading of the
// text or sentence, and made of headings narrower than a paragraph line.
bool is_heading_line(const std::vector<TextSpan>& spans, const TextLine& line, double left, double right,
                     double body_font_size) {
    // Headings of columns the body leaves empty (备注) may stand beyond the body's right end,
    // beside at least two headings over the body.
    int over_body = 0;
    for (int index : line.spans) over_body += spans[index].bbox.x1 <= right + header_overhang_pt ? 1 : 0;
    const bool beyond = line.bbox.x1 > right + header_overhang_pt;
    if (line.bbox.x0 < left - header_overhang_pt || (beyond && over_body < min_headings_over_body)) return false;
    if (line.font_size > title_font_factor * body_font_size) return false;
    if (classify_line(line.text) != LineKind::other) return false;
    return std::all_of(line.spans.begin(), line.spans.end(), [&](int index) {
        return spans[index].bbox.width() <= max_heading_span_fraction * (right - left);
    });
}

// A line under a table without rules that belongs to it without holding an amount: no
// larger than the body, not a unit, tag, note or page line, and each of its spans within
// one column of the table.
bool keeps_to_columns(const std::vector<TextSpan>& spans, const TextLine& line, const std::vector<double>& cols,
                      double body_font_size) {
    if (line.font_size > title_font_factor * body_font_size) return false;
    // Numbered items (一、… 12、…) and labels ending in a colon (其中：) are rows of tables too.
    LineKind kind = classify_line(line.text);
    if (kind != LineKind::other && kind != LineKind::section_heading && kind != LineKind::prose) return false;
    if (line.bbox.x0 < cols.front() || line.bbox.x1 > cols.back()) return false;
    return std::all_of(line.spans.begin(), line.spans.end(), [&](int index) {
        const Rect& b = spans[index].bbox;
        return band_index(cols, b.x0 + edge_margin_pt) == band_index(cols, b.x1 - edge_margin_pt);
    });
}

PageGrid make_grid(GridMethod method, std::vector<double> row_edges, std::vector<double> col_edges) {
    PageGrid grid;
    grid.method = method;
    grid.row_edges = std::move(row_edges);
    grid.col_edges = std::move(col_edges);
    grid.cells = unit_cells(grid.rows(), grid.cols());
    return grid;
}

}  // namespace

std::vector<PageGrid> find_rule_tables(const std::vector<MergedRuling>& horizontals,
                                       const std::vector<TextSpan>& spans, const std::vector<int>& free_spans) {
    std::vector<MergedRuling> rules = horizontals;
    std::sort(rules.begin(), rules.end(), [](const MergedRuling& a, const MergedRuling& b) { return a.position < b.position; });
    // A rule joins the group above it when it overlaps the group's extent (so the partial
    // rules of a header, side by side at one height, stay in their table).
    std::vector<std::vector<MergedRuling>> groups;
    double group_start = 0, group_end = 0;
    for (const MergedRuling& rule : rules) {
        if (!groups.empty()) {
            double overlap = std::min(group_end, rule.end) - std::max(group_start, rule.start);
            double shorter = std::min(group_end - group_start, rule.end - rule.start);
            if (overlap >= rule_overlap_fraction * shorter) {
                groups.back().push_back(rule);
                group_start = std::min(group_start, rule.start);
                group_end = std::max(group_end, rule.end);
                continue;
            }
        }
        groups.push_back({rule});
        group_start = rule.start;
        group_end = rule.end;
    }
    std::vector<PageGrid> grids;
    for (const auto& group : groups) {
        if (group.size() < 2) continue;
        double left = group.front().start, right = group.front().end;
        for (const auto& r : group) {
            left = std::min(left, r.start);
            right = std::max(right, r.end);
        }
        Rect region{left, group.front().position, right, group.back().position};
        std::vector<int> inside = spans_inside(spans, free_spans, region);
        std::vector<TextLine> lines = group_lines(spans, inside);
        int multi = 0, numeric = 0, data = 0;
        for (const TextLine& line : lines) {
            multi += line.spans.size() >= 2 ? 1 : 0;
            numeric += numeric_spans(spans, line);
            data += line.spans.size() >= 2 && numeric_spans(spans, line) > 0 ? 1 : 0;
        }
        const bool mostly_split = multi * 2 >= static_cast<int>(lines.size());
        if (multi < 2 || numeric == 0 || (!mostly_split && data < sparse_rule_table_data_lines)) continue;
        std::vector<double> cols = columns_from_alignment(spans, lines, left, right);
        if (cols.size() < 3) continue;
        std::vector<double> edges;
        for (const auto& r : group) edges.push_back(r.position);
        PageGrid grid = make_grid(GridMethod::horizontal_rules, rows_for_bands(spans, inside, edges, cols, true), cols);
        merge_rule_header_cells(grid, group, spans, inside);
        segment_header_band(grid, spans, inside);
        grids.push_back(std::move(grid));
    }
    return grids;
}

std::vector<PageGrid> find_text_tables(const std::vector<TextSpan>& spans, const std::vector<int>& free_spans) {
    std::vector<TextLine> lines = group_lines(spans, free_spans);
    int n = static_cast<int>(lines.size());
    auto is_data = [&](int l) { return lines[l].spans.size() >= 3 && numeric_spans(spans, lines[l]) >= 1; };
    auto close = [&](int upper, int lower) {
        double h = std::max(lines[upper].bbox.height(), 1.0);
        return lines[lower].bbox.y0 - lines[upper].bbox.y1 <= max_line_gap_factor * h;
    };
    std::vector<PageGrid> grids;
    int i = 0;
    while (i < n) {
        if (!is_data(i)) {
            ++i;
            continue;
        }
        int last = i, data_count = 1;
        for (int k = i + 1; k < n && close(k - 1, k); ++k) {
            if (is_data(k)) {
                last = k;
                ++data_count;
            } else if (k - last > max_non_data_lines) {
                break;
            }
        }
        int next = last + 1;
        if (data_count >= min_text_table_lines) {
            std::vector<TextLine> run(lines.begin() + i, lines.begin() + last + 1);
            double left = 1e18, right = -1e18;
            for (const TextLine& line : run) {
                left = std::min(left, line.bbox.x0);
                right = std::max(right, line.bbox.x1);
            }
            std::vector<double> cols = columns_from_alignment(spans, run, left - edge_margin_pt, right + edge_margin_pt);
            int aligned = 0;
            for (int l = i; l <= last; ++l)
                if (is_data(l) && filled_columns(spans, lines[l], cols) >= min_text_table_columns) ++aligned;
            if (static_cast<int>(cols.size()) - 1 >= min_text_table_columns && aligned >= min_text_table_lines &&
                aligned >= aligned_line_fraction * data_count) {
                // Lines under the run that keep to its columns (label rows without amounts,
                // then more data lines) belong to the table too.
                for (int k = last + 1; k < n && close(k - 1, k); ++k) {
                    if (!is_data(k) && !keeps_to_columns(spans, lines[k], cols, lines[i].font_size)) break;
                    last = k;
                }
                next = last + 1;
                int first = i;
                // Headings are often centred in tall header cells: the header may stand further
                // above the body than body lines stand apart.
                auto header_close = [&](int upper, int lower) {
                    double h = std::max(lines[lower].bbox.height(), 1.0);
                    double limit = lower == i ? max_header_gap_factor : max_line_gap_factor;
                    return lines[lower].bbox.y0 - lines[upper].bbox.y1 <= limit * h;
                };
                while (first > 0 && i - first < max_header_lines && header_close(first - 1, first) &&
                       is_heading_line(spans, lines[first - 1], left, right, lines[i].font_size))
                    --first;
                // A header reaching beyond the body heads columns the body leaves empty.
                double header_right = right;
                for (int l = first; l < i; ++l) header_right = std::max(header_right, lines[l].bbox.x1);
                if (header_right > right + header_overhang_pt) {
                    std::vector<TextLine> with_header(lines.begin() + first, lines.begin() + last + 1);
                    cols = columns_from_alignment(spans, with_header, left - edge_margin_pt, header_right + edge_margin_pt);
                }
                double top = lines[first].bbox.y0 - edge_margin_pt;
                double bottom = lines[last].bbox.y1 + edge_margin_pt;
                for (int l = first; l <= last; ++l) {
                    cols.front() = std::min(cols.front(), lines[l].bbox.x0 - edge_margin_pt);
                    cols.back() = std::max(cols.back(), lines[l].bbox.x1 + edge_margin_pt);
                }
                std::vector<int> inside;
                for (int l = first; l <= last; ++l) inside.insert(inside.end(), lines[l].spans.begin(), lines[l].spans.end());
                std::vector<double> bands{top, bottom};
                if (first < i) bands.push_back((lines[i - 1].bbox.y1 + lines[i].bbox.y0) / 2);
                PageGrid grid = make_grid(GridMethod::text_alignment, rows_for_bands(spans, inside, bands, cols, false), cols);
                merge_text_header_cells(grid, spans, inside);
                grids.push_back(std::move(grid));
            }
        }
        i = next;
    }
    return grids;
}

}  // namespace budgetpdf
