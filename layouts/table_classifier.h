#pragma once
// Internal to layouts/: which layout reads a table, from its title, its header and its rows
// together.

#include <string>

#include "layouts/layout_set.h"
#include "layouts/table_columns.h"
#include "model/table.h"

namespace budgetpdf {

// What a table's body shows, whatever its title: classification codes and amounts.
struct TableProfile {
    int func_code_rows = 0;  // rows whose code (3/5/7 digits, 2…) precedes their name
    int econ_code_rows = 0;  // the same for 经济分类 codes (3…, 5…)
    int amount_cells = 0;    // cells printing an amount (digits with a decimal point or separators)
    int amount_columns = 0;  // columns most of whose cells are money, some with a point or separators
};

TableProfile profile_table(const Grid& grid);

struct Classification {
    const Layout* layout = nullptr;  // nullptr when the table prints nothing a layout reads
    std::string title;               // the text that named the table; may be empty
    std::string pattern;             // the title entry that matched; empty for the fallback
    bool claimed = false;            // a layout other than the fallback matched the title
};

// The title candidates (context.title, a first row spanning the table, the other lines
// around it nearest first, the tag) that look like a table's title are matched against every
// layout's title entries; the first candidate any layout matches decides. Among the layouts
// it matches, those expecting the classification the rows do not print (功能分类 vs 经济分类)
// give way, then the longest title match wins, then a layout whose requires_headers are all
// printed. A table no layout claims is read by the fallback layout when it prints amounts.
Classification classify(const LayoutSet& set, const Table& table, const Grid& grid, const TableProfile& profile);

}  // namespace budgetpdf
