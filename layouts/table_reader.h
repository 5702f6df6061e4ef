#pragma once
// Reads a found table against the layout templates: which table kind it is, what each
// column and row means, and every amount cell with that meaning (printed text kept).

#include <optional>
#include <string>
#include <vector>

#include "layouts/layout_set.h"
#include "model/diagnostic.h"
#include "model/reading.h"
#include "model/table.h"

namespace budgetpdf {

// The layout whose title (and required headers) the table matches, or nullptr. Looks
// for the title in context.title, a first row that spans the table, then other_lines
// (nearest first). title_out receives the text that matched.
const Layout* classify_table(const LayoutSet& layouts, const Table& table, std::string* title_out = nullptr);

// nullopt (plus an unknown_table diagnostic) when no layout matches: never guesses.
// A table marked 本表无数据 or with an empty body gives a reading without amounts.
std::optional<TableReading> read_table(const LayoutSet& layouts, const Table& table, int table_index,
                                       std::vector<Diagnostic>& diagnostics);

}  // namespace budgetpdf
