#include "extract/table_cells.h"

// How it works: every span's centre is located in the grid by binary search on the row
// and column edges (O(log n) per span); an owner table maps each grid position to the
// cell covering it, so merged cells collect the spans of all positions they cover. Each
// cell's spans are then grouped into lines (table_text) and the lines joined with the
// CJK-aware rule: no space between CJK characters, one space between Latin words.

#include <algorithm>
#include <cmath>
#include <string>

#include "extract/table_text.h"

namespace budgetpdf {
namespace {

constexpr double advance_slack_pt = 0.5;  // rounding in a span box wider than its glyphs

int locate(const std::vector<double>& edges, double v) {
    auto it = std::upper_bound(edges.begin(), edges.end(), v);
    int i = static_cast<int>(it - edges.begin()) - 1;
    return std::clamp(i, 0, static_cast<int>(edges.size()) - 2);
}

// The UTF-8 characters of `text`, or empty when one of them is not CJK.
std::vector<std::string> cjk_characters(const std::string& text) {
    std::vector<std::string> out;
    for (size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        if (i + n > text.size()) return {};
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        if (!is_cjk_code_point(cp)) return {};
        out.push_back(text.substr(i, n));
        i += n;
    }
    return out;
}

}  // namespace

void split_spans_at_columns(const PageGrid& grid, std::vector<TextSpan>& spans, std::vector<int>& grid_spans) {
    if (grid.method == GridMethod::lattice) return;
    std::vector<int> out;
    for (int index : grid_spans) {
        const TextSpan span = spans[index];
        std::vector<std::string> chars = cjk_characters(span.text);
        const double n = static_cast<double>(chars.size());
        // CJK glyphs are one em wide; what the box has beyond that is space between words.
        double advance = span.font_size > 0 && n * span.font_size <= span.bbox.width() + advance_slack_pt
                             ? span.font_size
                             : span.bbox.width() / std::max(n, 1.0);
        std::vector<std::pair<size_t, double>> cuts;  // character index, column edge
        for (size_t e = 1; chars.size() >= 2 && e + 1 < grid.col_edges.size(); ++e) {
            double edge = grid.col_edges[e];
            if (edge <= span.bbox.x0 + advance / 2 || edge >= span.bbox.x1 - advance / 2) continue;
            // The cut whose left part ends before the edge and right part starts after it.
            size_t best = 1;
            double best_violation = 1e18;
            for (size_t k = 1; k < chars.size(); ++k) {
                double left_end = span.bbox.x0 + advance * static_cast<double>(k);
                double right_start = span.bbox.x1 - advance * static_cast<double>(chars.size() - k);
                double violation = std::max(0.0, left_end - edge) + std::max(0.0, edge - right_start);
                if (violation < best_violation) {
                    best_violation = violation;
                    best = k;
                }
            }
            if (cuts.empty() || cuts.back().first < best) cuts.push_back({best, edge});
        }
        if (cuts.empty()) {
            out.push_back(index);
            continue;
        }
        cuts.push_back({chars.size(), span.bbox.x1});
        size_t from = 0;
        double from_x = span.bbox.x0;
        for (auto [cut, edge] : cuts) {
            TextSpan piece = span;
            piece.text.clear();
            for (size_t k = from; k < cut; ++k) piece.text += chars[k];
            piece.bbox.x0 = from_x;
            piece.bbox.x1 = edge;
            spans.push_back(std::move(piece));
            out.push_back(static_cast<int>(spans.size()) - 1);
            from = cut;
            from_x = edge;
        }
    }
    grid_spans = std::move(out);
}

std::vector<Cell> fill_cells(const PageGrid& grid, const std::vector<TextSpan>& spans,
                             const std::vector<int>& grid_spans, int page) {
    int rows = grid.rows(), cols = grid.cols();
    std::vector<int> owner(static_cast<size_t>(rows) * cols, -1);
    for (int i = 0; i < static_cast<int>(grid.cells.size()); ++i) {
        const GridCell& c = grid.cells[i];
        for (int r = c.row; r < c.row + c.row_span; ++r)
            for (int k = c.col; k < c.col + c.col_span; ++k) owner[static_cast<size_t>(r) * cols + k] = i;
    }
    std::vector<std::vector<int>> cell_spans(grid.cells.size());
    for (int index : grid_spans) {
        const Rect& b = spans[index].bbox;
        int r = locate(grid.row_edges, b.center_y());
        int c = locate(grid.col_edges, b.center_x());
        int o = owner[static_cast<size_t>(r) * cols + c];
        if (o >= 0) cell_spans[o].push_back(index);
    }
    std::vector<Cell> cells;
    cells.reserve(grid.cells.size());
    for (size_t i = 0; i < grid.cells.size(); ++i) {
        const GridCell& g = grid.cells[i];
        Cell cell;
        cell.row = g.row;
        cell.col = g.col;
        cell.row_span = g.row_span;
        cell.col_span = g.col_span;
        cell.page = page;
        cell.bbox = {grid.col_edges[g.col], grid.row_edges[g.row], grid.col_edges[g.col + g.col_span],
                     grid.row_edges[g.row + g.row_span]};
        for (int index : cell_spans[i]) {
            cell.confidence = std::min(cell.confidence, spans[index].confidence);
            cell.text_bbox = rect_union(cell.text_bbox, spans[index].bbox);
        }
        for (const TextLine& line : group_lines(spans, cell_spans[i])) append_joined(cell.text, line.text);
        cells.push_back(std::move(cell));
    }
    return cells;
}

}  // namespace budgetpdf
