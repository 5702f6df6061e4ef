#pragma once
// Text normalisation for everything read from a PDF: Unicode NFKC (full-width digits,
// letters and punctuation become ASCII; 、 and 。 stay), spaces inside CJK text removed,
// other whitespace runs collapsed to one space, ends trimmed. Idempotent.

#include <string>
#include <string_view>

#include "model/table.h"

namespace budgetpdf {

// `（一） 一般 公共服务` → `(一)一般公共服务`; `金额单位：万元` → `金额单位:万元`;
// `2022 年度` keeps its space (digit next to CJK). Invalid UTF-8 becomes U+FFFD.
std::string normalize_text(std::string_view utf8);

// Applies normalize_text to every cell and every TableContext string of the table.
void normalize_table_text(Table& table);

}  // namespace budgetpdf
