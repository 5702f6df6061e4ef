#pragma once
// Synthetic pages for the table finder tests: spans and rulings placed by hand, so every
// expected cell is known exactly.

#include <string>
#include <vector>

#include "model/page.h"
#include "model/table.h"

namespace budgetpdf::test {

// A span whose box is `text_width` wide (or 6 pt per byte-ish character when 0), `size` tall.
TextSpan span_at(const std::string& text, double x0, double y_top, double width = 0, double size = 10);

// A right-aligned span ending at x1.
TextSpan span_right(const std::string& text, double x1, double y_top, double size = 10);

Ruling hline(double y, double x0, double x1);
Ruling vline(double x, double y0, double y1);

// Every border of a grid with the given edges.
std::vector<Ruling> full_grid(const std::vector<double>& col_edges, const std::vector<double>& row_edges);

Page make_page(int number, std::vector<TextSpan> spans, std::vector<Ruling> rulings, double width = 595,
               double height = 842);

// The cell whose top-left grid position is (row, col), or nullptr.
const Cell* cell_at(const Table& table, int row, int col);

// The cell covering grid position (row, col), or nullptr.
const Cell* cell_covering(const Table& table, int row, int col);

// True when the cells tile rows x cols exactly (no overlap, no hole).
bool cells_tile(const Table& table);

// find_tables with default options (optionally without joining continued tables),
// diagnostics discarded.
std::vector<Table> tables_of(const std::vector<Page>& pages, bool join_continued = true);

// The tables of a PDF under the shared folder ("real/renwu/x.pdf"), pages first..last
// (0: to the end); fails the test when the file cannot be read.
std::vector<Table> tables_of_file(const std::string& relative, int first = 1, int last = 0);

// The texts of the cells whose top-left position is in `row`, left to right.
std::vector<std::string> row_texts(const Table& table, int row);

// The texts of the row holding a cell whose text is `label` (the first such row), left to
// right; empty when no cell holds it.
std::vector<std::string> row_of(const Table& table, const std::string& label);

bool contains(const std::vector<std::string>& texts, const std::string& text);

}  // namespace budgetpdf::test
