#include "tools/make_corpus/grid_model.h"

#include <regex>

namespace budgetpdf::corpus {
namespace {

bool is_code_text(const std::string& text) {
    static const std::regex code(R"(^\d{3,7}$)");
    return std::regex_match(text, code);
}

bool is_body_row(const std::vector<std::string>& row) {
    for (const auto& cell : row) {
        if (is_amount_text(cell)) return true;
    }
    const std::string first = row.empty() ? std::string() : row.front();
    static const std::regex body_start(R"(^(合计|总计|部门合计|收入总计|一、|\d{3,7}$|（一）|\(一\)))");
    return std::regex_search(first, body_start);
}

CellRole role_of(const std::string& text, bool header) {
    if (header) return CellRole::header;
    if (is_amount_text(text)) return CellRole::amount;
    if (is_code_text(text)) return CellRole::code;
    return CellRole::label;
}

}  // namespace

bool is_amount_text(const std::string& text) {
    static const std::regex amount(R"(^-?[\d,]+\.\d{1,2}$)");
    return std::regex_match(text, amount);
}

Grid build_grid(const SeedTable& table, bool merge_headers) {
    Grid grid;
    grid.rows = static_cast<int>(table.rows.size());
    grid.cols = grid.rows == 0 ? 0 : static_cast<int>(table.rows[0].size());
    while (grid.header_rows < grid.rows && !is_body_row(table.rows[grid.header_rows])) ++grid.header_rows;
    if (grid.header_rows == grid.rows) grid.header_rows = 0;

    const auto text_at = [&](int r, int c) -> const std::string& { return table.rows[r][c]; };
    std::vector<std::vector<bool>> covered(grid.rows, std::vector<bool>(grid.cols, false));
    const int header_rows = grid.header_rows;

    for (int r = 0; r < grid.rows; ++r) {
        for (int c = 0; c < grid.cols; ++c) {
            if (covered[r][c]) continue;
            GridCell cell;
            cell.row = r;
            cell.col = c;
            cell.text = text_at(r, c);
            const bool header = r < header_rows;
            cell.role = role_of(cell.text, header);
            if (header && merge_headers && !cell.text.empty()) {
                const auto text_below = [&](int col) {
                    for (int below = r + 1; below < header_rows; ++below) {
                        if (!text_at(below, col).empty()) return true;
                    }
                    return false;
                };
                while (c + cell.col_span < grid.cols && !covered[r][c + cell.col_span] &&
                       text_at(r, c + cell.col_span).empty() && text_below(c + cell.col_span)) {
                    ++cell.col_span;
                }
                const auto row_empty_below = [&](int below) {
                    for (int k = c; k < c + cell.col_span; ++k) {
                        if (covered[below][k] || !text_at(below, k).empty()) return false;
                    }
                    return true;
                };
                while (r + cell.row_span < header_rows && row_empty_below(r + cell.row_span)) ++cell.row_span;
            }
            for (int rr = r; rr < r + cell.row_span; ++rr) {
                for (int cc = c; cc < c + cell.col_span; ++cc) covered[rr][cc] = true;
            }
            grid.cells.push_back(cell);
        }
    }
    return grid;
}

}  // namespace budgetpdf::corpus
