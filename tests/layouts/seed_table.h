#pragma once
// Test helper: builds a model::Table from a table printed in a seed text file (tab-
// separated lines), the way a table finder would deliver it.

#include <string>
#include <vector>

#include "model/table.h"

namespace budgetpdf::test {

struct SeedTableOptions {
    int merge_header_rows = 1;  // in these leading rows an empty cell widens its left neighbour
    int occurrence = 0;         // which printing of the title to use
    bool title_in_context = true;  // false: the title goes into context.other_lines
};

// The table printed after the line equal to `title` in seeds/<file>. Throws
// std::runtime_error when the title is not found.
Table seed_table(const std::string& file, const std::string& title, const SeedTableOptions& options = {});

// A table from rows of cells given directly ('\t'-separated), no spans.
Table table_from_lines(const std::vector<std::string>& lines, const std::string& title, const std::string& unit);

}  // namespace budgetpdf::test
