#pragma once
// Joining a table continued over several pages into one logical table.

#include <string>
#include <vector>

#include "extract/grid_model.h"
#include "extract/table_context.h"
#include "model/diagnostic.h"
#include "model/table.h"

namespace budgetpdf {

// One table as found on one page, before joining.
struct PageTable {
    int page = 0;
    int order_on_page = 0;
    double page_height = 0;
    bool scanned = false;  // read by OCR: a scan, placed on its page by hand, so it may sit a few mm off
    PageGrid grid;
    std::vector<Cell> cells;
    int header_rows = 0;
    PageTableContext context;
    std::vector<std::string> margin_lines;  // the page's lines in its top and bottom margins
                                            // (running headers and footers repeat there)
    std::vector<TextLine> lines_on_previous_page;  // first table of a page after a page
                                                   // without tables: that page's closing lines
};

// True when `next` (first table of the page after `previous`'s page) continues `previous`.
// `first` is the first part of the logical table `previous` belongs to.
bool continues(const PageTable& first, const PageTable& previous, const PageTable& next);

// Page tables (in page order, top to bottom) into logical tables; with `join` false every
// page table stands alone.
std::vector<Table> join_tables(const std::vector<PageTable>& page_tables, bool join,
                               std::vector<Diagnostic>& diagnostics);

}  // namespace budgetpdf
