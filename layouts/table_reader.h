#pragma once
// Reads a found table against the layout templates: which table kind it is, what each
// column and row means, and every amount cell with that meaning (printed text kept).

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "layouts/layout_set.h"
#include "model/diagnostic.h"
#include "model/reading.h"
#include "model/table.h"

namespace budgetpdf {

// The layout that claims the table (by its title, header and rows together), or nullptr when
// none does (the fallback layout aside). title_out receives the text that named the table.
const Layout* classify_table(const LayoutSet& layouts, const Table& table, std::string* title_out = nullptr);

struct ReadOptions {
    // The document's fiscal year (4 digits; empty when unknown): a column or row of another year
    // (2025年预算数 in a 2026 budget) is not the year's measure.
    std::string fiscal_year;
    // Other readings of cells read by OCR (the recogniser reading them again in other ways),
    // one list per cell, normalised as cell text is; unset, or empty lists, when there are
    // none. A table's header cells whose readings name no column are read again through it,
    // in one call.
    std::function<std::vector<std::vector<std::string>>(const std::vector<const Cell*>&)> reread_ocr_cells;
};

// The table read by the layout that claims it, or by the fallback layout (kind other, with an
// unknown_table diagnostic) when it prints amounts that no layout claims; nullopt when nothing
// reads it. A table marked 本表无数据 or with an empty body gives a reading without amounts.
std::optional<TableReading> read_table(const LayoutSet& layouts, const Table& table, int table_index,
                                       std::vector<Diagnostic>& diagnostics, const ReadOptions& options = {});

// Whether the table prints amounts: a column most of whose cells are money, some written with a
// decimal point or thousands separators. A table that does and gives no record lost something.
bool prints_amounts(const Table& table);

}  // namespace budgetpdf
