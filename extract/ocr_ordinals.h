#pragma once
// Ordinals of OCR-read labels implied by their neighbours (model types only).

#include <vector>

#include "model/diagnostic.h"
#include "model/table.h"

namespace budgetpdf {

// In each column of `table`, an OCR-read label whose lead-in was misread gets the ordinal its
// neighbours leave for it, when they leave exactly one: labels numbered 一、 二、 … (the 类 rows
// of a summary table) where one reads AN一般公共预算 (a flat 一 and its 、 as Latin marks),
// 人人人、一般公共预算 (the numeral as strokes) or 八社会保障和就业支出 (the 、 lost; only between
// 七、 and 九、, so that 一般 or 三公 keep their first character). The label must sit right after
// the label numbered k-1 or right before the one numbered k+1 (both, for a lost 、), and the
// nearest numbers above and below it must be k-1 and k+1 where there are any. Each mended
// label gets an info diagnostic `ocr_ordinal` with what was read.
void mend_ocr_ordinals(Table& table, std::vector<Diagnostic>& diagnostics);

}  // namespace budgetpdf
