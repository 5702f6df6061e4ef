#pragma once
// Text around tables: title, tag, organisation, unit, period, notes; and header rows.

#include <string>
#include <vector>

#include "extract/table_text.h"
#include "model/page.h"
#include "model/table.h"

namespace budgetpdf {

// What the text around one table on one page says.
struct PageTableContext {
    TableContext context;
    bool continued_mark = false;   // a 续表 / (续) line right above the table
    bool text_below = false;       // any line (notes or other, page numbers aside) below the table
                                   // before the next table or the page end
};

// Assigns the page's lines outside every table (`free_lines`, top to bottom) to the tables
// whose boxes are given (top to bottom). Lines between two tables go to the lower one,
// except notes (注：/说明：…) right under the upper one.
std::vector<PageTableContext> assign_context(const std::vector<TextSpan>& spans,
                                             const std::vector<TextLine>& free_lines,
                                             const std::vector<Rect>& table_boxes);

// A line that is only a page number (12, -12-, 第12页).
bool is_page_number_line(const std::string& text);

// Leading rows holding only labels (项目, 科目编码, 栏次 rows…), before the first row
// with an amount or code. 0 when the table has no data row.
int count_header_rows(const std::vector<Cell>& cells, int rows);

}  // namespace budgetpdf
