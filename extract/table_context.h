#pragma once
// Text around tables: title, tag, organisation, unit, period, notes.

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
    std::vector<TextLine> lines_below;  // last table of a page: the lines under it (notes aside);
                                        // often the title of the table on the next page
};

// Assigns the page's lines outside every table (`free_lines`, top to bottom) to the tables
// whose boxes are given (top to bottom). Lines between two tables go to the lower one,
// except notes (注：/说明：…) right under the upper one.
std::vector<PageTableContext> assign_context(const std::vector<TextSpan>& spans,
                                             const std::vector<TextLine>& free_lines,
                                             const std::vector<Rect>& table_boxes);

// Classifies lines printed above a table into the context fields: tag, organisation,
// unit, period; the largest (then most centred) plain line that stands out is the title
// (sentences never; a numbered heading naming a table only when no plain line does), the
// rest other_lines; page furniture and part headings are dropped. With `limit_distance`,
// a title must sit close above `box`.
void apply_lines_above(PageTableContext& ctx, const std::vector<const TextLine*>& lines, const Rect& box,
                       bool limit_distance);

}  // namespace budgetpdf
