#include "extract/grid_columns.h"

// How it works: the x-extents of the spans of data lines (lines with several spans and at
// least one amount or code) are projected onto the x axis. Any strip at least
// min_column_gap_pt wide that no such span covers separates two columns; the boundary goes
// in the strip's middle, so right-aligned amounts and left-aligned labels both fall on
// the correct side. Header lines are left out: their labels often span several columns.
// When there are too few data lines, every line with several spans is used instead.

#include <algorithm>

namespace budgetpdf {
namespace {

constexpr double min_column_gap_pt = 4.0;  // narrower white strips are word spacing
constexpr int min_data_lines = 2;

bool is_data_line(const std::vector<TextSpan>& spans, const TextLine& line) {
    if (line.spans.size() < 2) return false;
    return std::any_of(line.spans.begin(), line.spans.end(),
                       [&](int index) { return is_numeric_text(spans[index].text); });
}

}  // namespace

std::vector<double> columns_from_alignment(const std::vector<TextSpan>& spans, const std::vector<TextLine>& lines,
                                           double left, double right) {
    std::vector<const TextLine*> used;
    for (const TextLine& line : lines)
        if (is_data_line(spans, line)) used.push_back(&line);
    if (static_cast<int>(used.size()) < min_data_lines) {
        used.clear();
        for (const TextLine& line : lines)
            if (line.spans.size() >= 2) used.push_back(&line);
    }
    std::vector<std::pair<double, double>> intervals;
    for (const TextLine* line : used)
        for (int index : line->spans) intervals.push_back({spans[index].bbox.x0, spans[index].bbox.x1});
    std::sort(intervals.begin(), intervals.end());
    std::vector<double> edges{left};
    if (intervals.empty()) {
        edges.push_back(right);
        return edges;
    }
    double covered_to = intervals.front().second;
    for (size_t i = 1; i < intervals.size(); ++i) {
        if (intervals[i].first - covered_to >= min_column_gap_pt) {
            double middle = (intervals[i].first + covered_to) / 2;
            if (middle > edges.back() && middle < right) edges.push_back(middle);
        }
        covered_to = std::max(covered_to, intervals[i].second);
    }
    edges.push_back(right);
    return edges;
}

}  // namespace budgetpdf
