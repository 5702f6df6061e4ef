// Fuzz target: arbitrary bytes as a PDF file through the whole extract stage
// (read_pdf_pages, then find_tables). Any outcome is fine except a crash, a sanitizer
// report, a hang, or a table whose cells do not fit its grid.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "extract/pdf_reader.h"
#include "extract/table_finder.h"
#include "fuzz_input_file.h"

namespace {

// A table's cells must lie inside its rows and columns and cover each slot at most once:
// a broken grid here would send out-of-range indices to every later stage.
void check_table_shape(const budgetpdf::Table& table) {
    if (table.rows < 0 || table.cols < 0) std::abort();
    std::vector<bool> covered(static_cast<std::size_t>(table.rows) * static_cast<std::size_t>(table.cols));
    for (const auto& cell : table.cells) {
        if (cell.row < 0 || cell.col < 0 || cell.row_span < 1 || cell.col_span < 1) std::abort();
        if (cell.row + cell.row_span > table.rows || cell.col + cell.col_span > table.cols) std::abort();
        for (int r = cell.row; r < cell.row + cell.row_span; ++r) {
            for (int c = cell.col; c < cell.col + cell.col_span; ++c) {
                const auto slot = static_cast<std::size_t>(r) * static_cast<std::size_t>(table.cols) +
                                  static_cast<std::size_t>(c);
                if (covered[slot]) std::abort();
                covered[slot] = true;
            }
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace budgetpdf;
    const std::string path = fuzz::write_input_file("input.pdf", data, size);
    auto pages = read_pdf_pages(path);
    if (!pages) return 0;
    std::vector<Diagnostic> diagnostics = pages.value().diagnostics;
    const std::vector<Table> tables = find_tables(pages.value().pages, TableFinderOptions{}, diagnostics);
    for (const Table& table : tables) check_table_shape(table);
    return 0;
}
