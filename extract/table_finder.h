#pragma once
// Finds tables on pages and joins tables continued over several pages.
// Pure geometry on model values: no PDF library involved.

#include <vector>

#include "model/diagnostic.h"
#include "model/page.h"
#include "model/table.h"

namespace budgetpdf {

struct TableFinderOptions {
    bool join_continued_tables = true;
};

// Tables of all pages, in page order then top-to-bottom order. A table continued on the
// following pages comes out once, with one TablePart per page.
std::vector<Table> find_tables(const std::vector<Page>& pages,
                               const TableFinderOptions& options,
                               std::vector<Diagnostic>& diagnostics);

}  // namespace budgetpdf
