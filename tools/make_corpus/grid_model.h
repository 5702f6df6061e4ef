#pragma once
// The logical grid of a corpus table: which rows are column headers and which header
// cells are merged, reconstructed from the flattened seed rows.

#include <string>
#include <vector>

#include "tools/make_corpus/seed_tables.h"

namespace budgetpdf::corpus {

enum class CellRole { header, label, code, amount };

struct GridCell {
    int row = 0;
    int col = 0;
    int row_span = 1;
    int col_span = 1;
    std::string text;
    CellRole role = CellRole::label;
};

struct Grid {
    int rows = 0;
    int cols = 0;
    int header_rows = 0;
    std::vector<GridCell> cells;  // tile the grid, row-major by top-left corner
};

// Header rows end with the column-number row (栏次 | | 1 | 2 …, 1 | 2 | 3 …, ** | ** | 1 …
// or 甲 | 乙 | 1 …) when the table has one; otherwise they are the leading rows before the first body row (a row
// with an amount, a row whose only text is its label, or starting with 合计/总计/一、/a
// subject code). With merge_headers, a header cell followed
// by empty cells spans them when a header row below has text in those columns, and a
// header cell with only empty header cells below it spans down to the last header row
// (or to the row before the next text). Body cells are always 1×1.
Grid build_grid(const SeedTable& table, bool merge_headers);

// The number of leading header rows build_grid gives the table.
int header_row_count(const SeedTable& table);

bool is_amount_text(const std::string& text);

}  // namespace budgetpdf::corpus
