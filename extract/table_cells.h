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

}  // namespace budgetpdf
