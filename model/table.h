#pragma once
// Tables found on pages: a grid of cells with spans, the text printed around the table
// (title, table tag, department, unit, notes) and, for a table continued over several
// pages, one part per page. Produced by extract/ (table finder), consumed by layouts/
// and normalize/.

#include <string>
#include <vector>

#include "model/geometry.h"

namespace budgetpdf {

// One cell of the logical grid. A merged cell covers row..row+row_span-1 and
// col..col+col_span-1; cells never overlap and together tile the table.
struct Cell {
    int row = 0;
    int col = 0;
    int row_span = 1;
    int col_span = 1;
    int page = 0;             // 1-based page where the cell is printed
    Rect bbox;                // on that page
    Rect text_bbox;           // the printed text's box inside the cell (its indentation); empty when blank
    std::string text;         // lines joined: no space between CJK characters, one between Latin words
    double confidence = 1.0;  // lowest confidence of the spans inside
    bool read_by_ocr = false; // some of its text comes from OCR
};

// How the grid was found.
enum class GridMethod {
    lattice,           // full ruling lines in both directions
    horizontal_rules,  // horizontal rules only; columns from text alignment
    text_alignment,    // no rules; rows and columns from text positions
};

// The slice of a (possibly continued) table printed on one page.
struct TablePart {
    int page = 0;               // 1-based
    Rect bbox;
    int first_row = 0;          // index of this part's first row in the logical table
    int row_count = 0;
    bool repeats_header = false;  // the part starts with a copy of the table's header rows
    std::vector<double> row_edges;  // y of each row boundary on this page (row_count + 1)
    std::vector<double> col_edges;  // x of each column boundary on this page
};

// Text printed above and below a table that belongs to it. Each field holds the line as
// printed (spaces between CJK characters removed), empty when absent.
struct TableContext {
    std::string title;          // e.g. 收入支出决算总表, 2026年部门收支总表
    std::string tag;            // e.g. 公开01表, 预算公开表1, 表一
    std::string organisation;   // e.g. 部门名称：阳泉市商务局, 编制部门：…, 单位：…
    std::string unit;           // e.g. 金额单位：元, 单位：万元
    std::string period;         // e.g. 2022年度
    std::vector<std::string> notes;  // 注：… / 说明：… lines below the table
    std::vector<std::string> other_lines;  // any other line between the previous table and this one
};

struct Table {
    int page = 0;                // first page, 1-based
    int order_on_page = 0;       // 0-based position among tables starting on that page
    GridMethod method = GridMethod::lattice;
    int rows = 0;
    int cols = 0;
    int header_rows = 0;         // leading rows that are column headers (0 when unknown)
    std::vector<Cell> cells;     // row-major by (row, col) of the top-left corner
    std::vector<TablePart> parts;  // one per page, in page order
    TableContext context;

    int last_page() const { return parts.empty() ? page : parts.back().page; }
};

}  // namespace budgetpdf
