#pragma once
// Rows from text: splitting a band that holds several printed records into rows.

#include <vector>

#include "extract/grid_model.h"
#include "model/page.h"

namespace budgetpdf {

// Row boundaries inside [top, bottom] for the given spans (indexes into `spans`), using
// col_edges to tell columns apart. Returns the inner boundaries only (empty: one row).
std::vector<double> split_band_by_text(const std::vector<TextSpan>& spans, const std::vector<int>& band_spans,
                                       const std::vector<double>& col_edges, bool single_record_needs_proof);

// Splits every band of `grid` that holds more than one record (two amounts stacked in one
// cell: amounts never wrap). Cells of a split band are split too; cells spanning the band
// and others grow. `grid_spans` are the spans whose centre lies in the grid.
void split_rows_by_text(PageGrid& grid, const std::vector<TextSpan>& spans, const std::vector<int>& grid_spans);

}  // namespace budgetpdf
