#pragma once
// Column edges from text alignment, for tables without vertical rulings.

#include <vector>

#include "extract/table_text.h"
#include "model/page.h"

namespace budgetpdf {

// Column edges between `left` and `right` (both included as the outer edges): a boundary
// is drawn in the middle of every vertical strip that no span of a data line touches.
std::vector<double> columns_from_alignment(const std::vector<TextSpan>& spans, const std::vector<TextLine>& lines,
                                           double left, double right);

}  // namespace budgetpdf
