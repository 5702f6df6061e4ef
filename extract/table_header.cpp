#include "extract/table_header.h"

// How it works: a row is a data row when one of its cells holds an amount or a code,
// unless the row is the column-number row (栏次 | 1 | 2, ** | 1 | 2, 甲 | 乙 | 1, or numbers
// 1 2 3 … across the row). The
// header is every row above the first data row. A table without data rows ends its header
// at the last of its first rows that holds a column-heading word.

#include <algorithm>
#include <string>

#include "extract/table_text.h"

namespace budgetpdf {
namespace {

constexpr int max_header_scan_rows = 6;          // an empty table's header is within its first rows
constexpr size_t max_heading_bytes = 36;         // 功能分类科目编码 and the like
constexpr int min_column_number_run = 3;         // 1 2 3 across a row: column numbers whatever stands beside them

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_heading_word(const std::string& raw) {
    static const char* words[] = {"项目", "类", "款", "项", "栏次", "金额", "决算数", "预算数", "行次"};
    std::string t = without_spaces(raw);
    for (const char* w : words)
        if (t == w) return true;
    return t.size() <= max_heading_bytes && (ends_with(t, "编码") || ends_with(t, "名称") || ends_with(t, "代码"));
}

// The column-number row under a header: 栏次 | 1 | 2 | 3, ** | 1 | 2, 甲 | 乙 | 1 | 2, or
// 1 2 3 … across the row. Its numbers count up from 1; its other cells are markers (栏次,
// 行次, *, 甲, 乙 …). Three numbers in a row suffice whatever stands beside them, and a 栏次
// cell alone marks the row.
bool is_column_number_row(const std::vector<const Cell*>& cells) {
    static const char* markers[] = {"栏次", "行次", "*", "**", "***", "甲", "乙", "丙", "丁", "戊", "己", "—", "-"};
    int expected = 1, run = 0;
    bool only_markers = true;
    for (const Cell* c : cells) {
        std::string t = without_spaces(c->text);
        if (t == "栏次") return true;
        if (t == std::to_string(expected)) {
            ++expected;
            ++run;
            continue;
        }
        only_markers = only_markers && std::any_of(std::begin(markers), std::end(markers),
                                                   [&](const char* m) { return t == m; });
    }
    return run >= min_column_number_run || (run >= 1 && only_markers && cells.size() >= 2);
}

}  // namespace

int count_header_rows(const std::vector<Cell>& cells, int rows) {
    std::vector<bool> numeric(rows, false), column_numbers(rows, false);
    std::vector<std::vector<const Cell*>> row_cells(rows);
    for (const Cell& c : cells) {
        if (c.row < 0 || c.row >= rows || c.text.empty()) continue;
        row_cells[c.row].push_back(&c);
        if (is_numeric_text(c.text)) numeric[c.row] = true;
    }
    for (int r = 0; r < rows; ++r) {
        std::sort(row_cells[r].begin(), row_cells[r].end(), [](const Cell* a, const Cell* b) { return a->col < b->col; });
        column_numbers[r] = is_column_number_row(row_cells[r]);
    }
    for (int r = 0; r < rows; ++r)
        if (numeric[r] && !column_numbers[r]) return r;
    // No data row (an empty table, 本表无数据): the header ends with the last leading row
    // holding a column-heading word, or the column-number row under it.
    int last_heading = -1;
    for (int r = 0; r < std::min(rows, max_header_scan_rows); ++r) {
        if (row_cells[r].empty()) break;
        for (const Cell* c : row_cells[r])
            if (is_heading_word(c->text) || column_numbers[r]) last_heading = r;
    }
    return last_heading + 1;
}

}  // namespace budgetpdf
