#include "tools/make_corpus/grid_model.h"

#include <algorithm>
#include <regex>

namespace budgetpdf::corpus {
namespace {

bool is_code_text(const std::string& text) {
    static const std::regex code(R"(^\d{3,7}$)");
    return std::regex_match(text, code);
}

// The 栏次 row (栏次 | | 1 | 2 …), a row of column numbers (1 | 2 | 3 …), or one whose
// label columns hold ** or 甲/乙/丙/丁 instead of numbers (** | ** | 1 | 2 …, 甲 | 乙 | 1 …):
// the row that closes a header.
bool is_column_number_row(const std::vector<std::string>& row) {
    static const std::regex number(R"(^\d{1,2}$)");
    static const std::regex marker(R"(^(\*\*|甲|乙|丙|丁)$)");
    int numbers = 0;
    for (std::size_t c = 0; c < row.size(); ++c) {
        if (row[c].empty()) continue;
        if (row[c] == "栏次" || std::regex_match(row[c], marker)) continue;
        if (!std::regex_match(row[c], number)) return false;
        ++numbers;
    }
    return numbers >= 2;
}

bool is_body_row(const std::vector<std::string>& row) {
    for (const auto& cell : row) {
        if (is_amount_text(cell)) return true;
    }
    const std::string first = row.empty() ? std::string() : row.front();
    const auto texts = std::count_if(row.begin(), row.end(), [](const std::string& c) { return !c.empty(); });
    if (row.size() > 2 && texts == 1 && !first.empty()) return true;  // a row label with no amounts
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

int header_row_count(const SeedTable& table) {
    const int rows = static_cast<int>(table.rows.size());
    for (int r = 0; r < rows; ++r) {
        if (is_column_number_row(table.rows[r])) return r + 1;
    }
    int header_rows = 0;
    while (header_rows < rows && !is_body_row(table.rows[header_rows])) ++header_rows;
    return header_rows == rows ? 0 : header_rows;
}

Grid build_grid(const SeedTable& table, bool merge_headers) {
    Grid grid;
    grid.rows = static_cast<int>(table.rows.size());
    grid.cols = grid.rows == 0 ? 0 : static_cast<int>(table.rows[0].size());
    grid.header_rows = header_row_count(table);

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
