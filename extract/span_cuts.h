#pragma once
// Cutting spans at column edges in grids whose columns come from text alignment.

#include <vector>

#include "extract/grid_model.h"
#include "model/page.h"

namespace budgetpdf {

// Tables without vertical rulings: a span that runs across a column border is cut there,
// so that no span crosses a column edge. The borders are placed from the body's alignment:
// just right of a column of right-aligned amounts, just left of a column of left-aligned
// text, else at the grid's column edge (the middle of the white strip). A run of several
// words or amounts (922.00 922.00 0.00) is cut between words; a CJK run (two headings
// printed close together) at the character boundary nearest the border, taking CJK glyphs
// as one em wide. The pieces are appended to `spans` and replace the original index in
// `grid_spans`.
void split_spans_at_columns(const PageGrid& grid, std::vector<TextSpan>& spans, std::vector<int>& grid_spans);

}  // namespace budgetpdf
