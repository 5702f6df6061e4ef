#pragma once
// The header of a table whose columns come from text alignment: merged heading cells from
// the rules drawn inside the header band, or from a line of group headings.

#include <vector>

#include "extract/grid_lattice.h"
#include "extract/grid_model.h"
#include "model/page.h"

namespace budgetpdf {

// The columns a..b shared out among the headings printed over them (left to right), one
// contiguous group each: the partition whose groups are best centred under their headings
// (a heading is centred over the columns it spans). `required` (empty, or one per heading):
// columns each heading's group must include (first > last: none). Empty when no partition
// exists (more headings than columns, requirements that cannot all hold).
std::vector<std::pair<int, int>> group_columns(const std::vector<double>& col_edges, int a, int b,
                                               const std::vector<Rect>& headings,
                                               const std::vector<std::pair<int, int>>& required = {});

// A rule inside the header band drawn under some columns only (under a group heading such
// as 财政拨款收入 over 一般公共预算 | 政府性基金 | 国有资本经营) separates header rows there
// only: the other columns' heading cells span those rows (row_span), and a single heading
// printed over the ruled columns spans them (col_span). `rules`: the horizontal rules of the
// table; `grid_spans`: indexes of the spans inside the grid.
void merge_rule_header_cells(PageGrid& grid, const std::vector<MergedRuling>& rules,
                             const std::vector<TextSpan>& spans, const std::vector<int>& grid_spans);

// A table without rules whose header is one band (row 0) led by a line of group headings
// (a heading running across a column edge, over the headings of the line below): that
// line becomes a row of its own whose group headings span the columns they are centred
// over, and the columns it leaves empty keep one heading cell over both rows.
void merge_text_header_cells(PageGrid& grid, const std::vector<TextSpan>& spans, const std::vector<int>& grid_spans);

}  // namespace budgetpdf
