#pragma once
// Tables drawn with horizontal rules only, and tables with no rules at all.

#include <vector>

#include "extract/grid_lattice.h"
#include "extract/grid_model.h"
#include "model/page.h"

namespace budgetpdf {

// Tables bounded by horizontal rules (three-line tables, tables with a rule under every
// row). `free_spans`: indexes of spans not inside another table.
std::vector<PageGrid> find_rule_tables(const std::vector<MergedRuling>& horizontals,
                                       const std::vector<TextSpan>& spans, const std::vector<int>& free_spans);

// Tables with no rules at all: several consecutive lines sharing at least three aligned
// columns and holding amounts or codes. Conservative: running text never qualifies.
std::vector<PageGrid> find_text_tables(const std::vector<TextSpan>& spans, const std::vector<int>& free_spans);

}  // namespace budgetpdf
