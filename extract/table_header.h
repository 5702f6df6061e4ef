#pragma once
// Header rows of a table found on one page.

#include <vector>

#include "model/table.h"

namespace budgetpdf {

// Leading rows holding only labels (项目, 科目编码 rows…) and the column-number row under
// them (栏次 | 1 | 2 | 3, ** | 1 | 2, 甲 | 乙 | 1 | 2), before the first row with an amount
// or code. A table without any data row (本表无数据) counts its leading rows up to the last
// one holding a column-heading word (项目, 类/款/项, …编码, …名称).
int count_header_rows(const std::vector<Cell>& cells, int rows);

}  // namespace budgetpdf
