#pragma once
// Cell text: spans assigned to the cells of a grid by geometry.

#include <vector>

#include "extract/grid_model.h"
#include "model/page.h"
#include "model/table.h"

namespace budgetpdf {

// Builds the table's cells for one page: each span goes to the cell containing its centre
// (whatever the vertical alignment inside the cell); a cell's lines are joined top to
// bottom, left to right. `grid_spans` are indexes of the spans inside the grid's box.
std::vector<Cell> fill_cells(const PageGrid& grid, const std::vector<TextSpan>& spans,
                             const std::vector<int>& grid_spans, int page);

// Tables without vertical rulings: a CJK span that runs across a column edge (two
// headers printed close together read as one run) is cut at the character boundary
// that puts the edge between the two parts, taking CJK glyphs as one em wide (the rest
// of the box is space between words). The pieces are appended to `spans` and replace
// the original index in `grid_spans`.
void split_spans_at_columns(const PageGrid& grid, std::vector<TextSpan>& spans, std::vector<int>& grid_spans);

}  // namespace budgetpdf
