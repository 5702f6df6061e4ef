#include "extract/table_header.h"

// How it works: a row is a data row when one of its cells holds an amount or a code,
// unless the row is the column-number row (栏次, or numbers 1 2 3 … across the row). The
// header is every row above the first data row. A table without data rows ends its header
// at the last of its first rows that holds a column-heading word.

#include <algorithm>
#include <string>

#include "extract/table_text.h"

namespace budgetpdf {
namespace {

constexpr int max_header_scan_rows = 6;          // an empty table's header is within its first rows
constexpr size_t max_heading_bytes = 36;         // 功能分类科目编码 and the like

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string without_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ') out += c;
    return out;
}

bool is_heading_word(const std::string& raw) {
    static const char* words[] = {"项目", "类", "款", "项", "栏次", "金额", "决算数", "预算数", "行次"};
    std::string t = without_spaces(raw);
    for (const char* w : words)
        if (t == w) return true;
    return t.size() <= max_heading_bytes && (ends_with(t, "编码") || ends_with(t, "名称") || ends_with(t, "代码"));
}

}  // namespace

int count_header_rows(const std::vector<Cell>& cells, int rows) {
    std::vector<bool> numeric(rows, false), label(rows, false), column_numbers(rows, false);
    std::vector<std::vector<std::string>> texts(rows);
    for (const Cell& c : cells) {
        if (c.row < 0 || c.row >= rows) continue;
        if (c.text.empty()) continue;
        texts[c.row].push_back(c.text);
        if (is_numeric_text(c.text)) numeric[c.row] = true;
        if (without_spaces(c.text) == "栏次") label[c.row] = true;
    }
    for (int r = 0; r < rows; ++r) {
        // 1 2 3 4 … across the row: column numbers.
        int expected = 1, run = 0;
        for (const std::string& t : texts[r]) {
            if (t == std::to_string(expected)) {
                ++expected;
                ++run;
            }
        }
        column_numbers[r] = run >= 3;
    }
    for (int r = 0; r < rows; ++r) {
        if (numeric[r] && !label[r] && !column_numbers[r]) return r;
    }
    // No data row (an empty table, 本表无数据): the header ends with the last leading row
    // holding a column-heading word.
    int last_heading = -1;
    for (int r = 0; r < std::min(rows, max_header_scan_rows); ++r) {
        if (texts[r].empty()) break;
        for (const std::string& t : texts[r])
            if (is_heading_word(t)) last_heading = r;
    }
    return last_heading + 1;
}

}  // namespace budgetpdf
