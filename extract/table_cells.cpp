#include "extract/table_cells.h"

// How it works: every span's centre is located in the grid by binary search on the row
// and column edges (O(log n) per span); an owner table maps each grid position to the
// cell covering it, so merged cells collect the spans of all positions they cover. Each
// cell's spans are then grouped into lines (table_text) and the lines joined with the
// CJK-aware rule: no space between CJK characters, one space between Latin words; a
// number or code cut by the cell's width (17.14880 / 0 in a narrow cell) is joined without
// a space (continues_cut_number).

#include <algorithm>
#include <cmath>
#include <string>

#include "extract/ocr_text_mends.h"
#include "extract/table_text.h"

namespace budgetpdf {
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
        int r = band_index(grid.row_edges, b.center_y());
        int c = band_index(grid.col_edges, b.center_x());
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
            if (spans[index].source == TextSource::ocr) cell.read_by_ocr = true;
            cell.text_bbox = rect_union(cell.text_bbox, spans[index].bbox);
        }
        std::vector<TextLine> lines = group_lines(spans, cell_spans[i]);
        for (size_t l = 0; l < lines.size(); ++l) {
            if (l > 0 && continues_cut_number(lines[l - 1].text, lines[l - 1].bbox.width(), lines[l].text, cell.bbox.width()))
                cell.text += squeeze_cjk_spaces(lines[l].text);
            else append_joined(cell.text, lines[l].text);
        }
        // A bracket OCR misread on one line of a wrapped label pairs up in the whole cell.
        if (cell.read_by_ocr) cell.text = parentheses_restored(cell.text);
        cells.push_back(std::move(cell));
    }
    return cells;
}

}  // namespace budgetpdf
