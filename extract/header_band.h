#pragma once
// The header band of a table whose columns come from text alignment and whose header has
// no rule inside: its rows and merged cells from where the headings are printed.

#include <vector>

#include "extract/grid_model.h"
#include "model/page.h"

namespace budgetpdf {

// Row 0 of `grid` is the header band, printed without rules inside (groups of columns
// under group headings such as 财政拨款收入, headings wrapped over several lines). When a
// heading stands over another one, the band becomes several header rows: each group
// heading a cell over the columns it heads, each leaf heading a cell from its row down to
// the body. True when the band was split; the grid is unchanged otherwise.
bool segment_header_band(PageGrid& grid, const std::vector<TextSpan>& spans, const std::vector<int>& grid_spans);

}  // namespace budgetpdf
