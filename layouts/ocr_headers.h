#pragma once
// Internal to layouts/: header texts OCR misread by a character, mended from the vocabulary.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "layouts/table_columns.h"
#include "model/diagnostic.h"
#include "model/table.h"

namespace budgetpdf {

// Other readings of OCR cells, one list per cell (ReadOptions::reread_ocr_cells).
using RereadCells = std::function<std::vector<std::vector<std::string>>(const std::vector<const Cell*>&)>;

// A copy of the table whose header cells read by OCR that match no header text of the layout
// or the vocabulary carry the header text they were misread from, with an info diagnostic
// `ocr_header` each; nullopt when no cell changes. That text is the one header a single
// character away from the reading (财政发款收入 for 财政拨款收入, 人金额 for 金额), or else the
// one header that the cell's other readings (`reread`, when set; one call for the table's
// cells) print or come a character near (余赢, small print at 200 dpi, read again 金额), or else
// the one header its twins print (the same place in the table's other column groups: 金额 of
// 人员经费 beside 全效 of 公用经费); always one whose column's body agrees.
// Header cells: the cells of the rows above the first one printing an amount.
std::optional<Table> mend_ocr_headers(const Matcher& matcher, const Table& table, const std::string& title,
                                      const RereadCells& reread, std::vector<Diagnostic>& diagnostics);

}  // namespace budgetpdf
