#pragma once
// Internal to layouts/: header texts OCR misread by a character, mended from the vocabulary.

#include <optional>
#include <string>
#include <vector>

#include "layouts/table_columns.h"
#include "model/diagnostic.h"
#include "model/table.h"

namespace budgetpdf {

// A copy of the table whose header cells read by OCR that match no header text of the layout
// or the vocabulary, yet are a single character away from exactly one (财政发款收入 for
// 财政拨款收入, 功能分类科上编码 for 功能分类科目编码), carry that text, with an info
// diagnostic `ocr_header` each; nullopt when no cell changes. Header cells: the cells of the
// rows above the first one printing an amount.
std::optional<Table> mend_ocr_headers(const Matcher& matcher, const Table& table, const std::string& title,
                                      std::vector<Diagnostic>& diagnostics);

}  // namespace budgetpdf
