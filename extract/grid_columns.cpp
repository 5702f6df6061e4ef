#include "extract/grid_columns.h"

// How it works: the x-extents of the spans of data lines (lines with several spans and at
// least one amount or code) are projected onto the x axis. Any strip at least
// min_column_gap_pt wide that no such span covers separates two columns; the boundary goes
// in the strip's middle, so right-aligned amounts and left-aligned labels both fall on
// the correct side. Header lines are left out: their labels often span several columns.
// With a single data line, it and the one-span lines starting where it starts (label-only
// rows) are used; with none, every line with several spans.
// A narrower strip also separates columns where right-aligned amounts end at its left side
// and text starts at its right side (amounts_end_at).
// Neighbouring columns that never both hold text on one data line and sit under one
// heading are merged (one column whose values are aligned in two ways).

#include <algorithm>

#include "extract/grid_model.h"

namespace budgetpdf {
namespace {

constexpr double min_column_gap_pt = 4.0;  // narrower white strips are word spacing
constexpr int min_data_lines = 2;
constexpr double straddle_margin_pt = 0.5;
constexpr double strip_side_pt = 0.5;       // a span ends or starts at a white strip's side within this  // a heading straddles a boundary by more than this on each side

bool is_data_line(const std::vector<TextSpan>& spans, const TextLine& line) {
    if (line.spans.size() < 2) return false;
    return std::any_of(line.spans.begin(), line.spans.end(),
                       [&](int index) { return is_numeric_text(spans[index].text); });
}

// Two neighbouring columns that no data line fills both of, under one heading that
// straddles their boundary, are one column whose values are aligned differently
// (行次 printed as "1.00" right-aligned in some rows and "27" in others).
std::vector<double> merge_exclusive_columns(const std::vector<TextSpan>& spans, const std::vector<TextLine>& lines,
                                            const std::vector<const TextLine*>& data, std::vector<double> edges) {
    size_t e = 1;
    while (e + 1 < edges.size()) {
        double boundary = edges[e];
        bool straddled = false;
        for (const TextLine& line : lines) {
            if (line.spans.size() < 2 || is_data_line(spans, line)) continue;
            for (int index : line.spans) {
                const Rect& b = spans[index].bbox;
                straddled = straddled || (b.x0 < boundary - straddle_margin_pt && b.x1 > boundary + straddle_margin_pt);
            }
        }
        bool both = false, any_left = false, any_right = false;
        for (const TextLine* line : data) {
            bool left = false, right = false;
            for (int index : line->spans) {
                int c = band_index(edges, spans[index].bbox.center_x());
                left = left || c == static_cast<int>(e) - 1;
                right = right || c == static_cast<int>(e);
            }
            both = both || (left && right);
            any_left = any_left || left;
            any_right = any_right || right;
        }
        if (straddled && !both && any_left && any_right) edges.erase(edges.begin() + static_cast<long>(e));
        else ++e;
    }
    return edges;
}

// A white strip [from, to] narrower than min_column_gap_pt still parts two columns when
// amounts end at its left side on at least min_data_lines lines (right-aligned amounts) and
// on one of them the next span starts at its right side (text printed from the next cell's
// left padding: 41,052,896.08 | 一、部门预算).
bool amounts_end_at(const std::vector<TextSpan>& spans, const std::vector<const TextLine*>& lines, double from,
                    double to) {
    int ends = 0;
    bool followed = false;
    for (const TextLine* line : lines) {
        for (size_t k = 0; k < line->spans.size(); ++k) {
            const TextSpan& a = spans[line->spans[k]];
            if (!is_amount_text(a.text) || std::abs(a.bbox.x1 - from) > strip_side_pt) continue;
            ++ends;
            followed = followed || (k + 1 < line->spans.size() && std::abs(spans[line->spans[k + 1]].bbox.x0 - to) <= strip_side_pt);
            break;
        }
    }
    return ends >= min_data_lines && followed;
}

// Heading spans (lines above the first data line) beyond the body's left or right end by
// at least min_column_gap_pt, with no lower heading span under them (the last line of
// their heading cell, not a group heading over sub-headings), head columns with no text
// in the whole body; their extents join `intervals`.
void add_empty_column_headings(const std::vector<TextSpan>& spans, const std::vector<TextLine>& lines,
                               std::vector<std::pair<double, double>>& intervals) {
    const auto first_data = std::find_if(lines.begin(), lines.end(),
                                         [&](const TextLine& line) { return is_data_line(spans, line); });
    if (first_data == lines.end()) return;
    double body_left = 1e18, body_right = -1e18;
    for (auto it = first_data; it != lines.end(); ++it) {
        body_left = std::min(body_left, it->bbox.x0);
        body_right = std::max(body_right, it->bbox.x1);
    }
    for (auto it = lines.begin(); it != first_data; ++it) {
        for (int index : it->spans) {
            const Rect& b = spans[index].bbox;
            if (b.x0 < body_right + min_column_gap_pt && b.x1 > body_left - min_column_gap_pt) continue;
            const bool covers_lower = std::any_of(it + 1, first_data, [&](const TextLine& lower) {
                return std::any_of(lower.spans.begin(), lower.spans.end(), [&](int other) {
                    return spans[other].bbox.x0 < b.x1 && spans[other].bbox.x1 > b.x0;
                });
            });
            if (!covers_lower) intervals.push_back({b.x0, b.x1});
        }
    }
    std::sort(intervals.begin(), intervals.end());
}

}  // namespace

std::vector<double> columns_from_alignment(const std::vector<TextSpan>& spans, const std::vector<TextLine>& lines,
                                           double left, double right) {
    std::vector<const TextLine*> used;
    for (const TextLine& line : lines)
        if (is_data_line(spans, line)) used.push_back(&line);
    const bool from_data_lines = !used.empty();
    if (from_data_lines && static_cast<int>(used.size()) < min_data_lines) {
        // One data line (the tail of a table continued from the previous page): it and
        // the label lines starting where it starts (rows with a label only).
        const TextLine* data_line = used.front();
        for (const TextLine& line : lines)
            if (line.spans.size() == 1 && std::abs(line.bbox.x0 - data_line->bbox.x0) < min_column_gap_pt)
                used.push_back(&line);
    } else if (!from_data_lines) {
        for (const TextLine& line : lines)
            if (line.spans.size() >= 2) used.push_back(&line);
    }
    std::vector<std::pair<double, double>> intervals;
    for (const TextLine* line : used)
        for (int index : line->spans) intervals.push_back({spans[index].bbox.x0, spans[index].bbox.x1});
    std::sort(intervals.begin(), intervals.end());
    if (from_data_lines) add_empty_column_headings(spans, lines, intervals);
    std::vector<double> edges{left};
    if (intervals.empty()) {
        edges.push_back(right);
        return edges;
    }
    double covered_to = intervals.front().second;
    for (size_t i = 1; i < intervals.size(); ++i) {
        double gap = intervals[i].first - covered_to;
        if (gap >= min_column_gap_pt || (gap > 0 && amounts_end_at(spans, used, covered_to, intervals[i].first))) {
            double middle = (intervals[i].first + covered_to) / 2;
            if (middle > edges.back() && middle < right) edges.push_back(middle);
        }
        covered_to = std::max(covered_to, intervals[i].second);
    }
    edges.push_back(right);
    return merge_exclusive_columns(spans, lines, used, std::move(edges));
}

}  // namespace budgetpdf
