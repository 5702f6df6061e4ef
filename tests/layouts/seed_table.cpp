#include "seed_table.h"

#include <fstream>
#include <stdexcept>

namespace budgetpdf::test {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    size_t start = 0;
    while (true) {
        size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return out;
}

std::string strip(const std::string& s) {
    size_t b = s.find_first_not_of(" \r");
    size_t e = s.find_last_not_of(" \r");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

Table build(const std::vector<std::vector<std::string>>& rows, int merge_header_rows) {
    Table table;
    table.page = 1;
    table.rows = static_cast<int>(rows.size());
    for (const auto& row : rows) table.cols = std::max(table.cols, static_cast<int>(row.size()));
    for (int r = 0; r < table.rows; ++r) {
        for (int c = 0; c < table.cols; ++c) {
            std::string text = c < static_cast<int>(rows[r].size()) ? strip(rows[r][c]) : "";
            if (r < merge_header_rows && text.empty() && c > 0 && !table.cells.empty() &&
                table.cells.back().row == r && !table.cells.back().text.empty()) {
                table.cells.back().col_span += 1;
                continue;
            }
            Cell cell;
            cell.row = r;
            cell.col = c;
            cell.page = 1;
            cell.text = text;
            table.cells.push_back(cell);
        }
    }
    TablePart part;
    part.page = 1;
    part.row_count = table.rows;
    table.parts.push_back(part);
    return table;
}

}  // namespace

Table seed_table(const std::string& file, const std::string& title, const SeedTableOptions& options) {
    std::ifstream in(std::string(BUDGETPDF_SHARED_DIR) + "/seeds/" + file);
    if (!in) throw std::runtime_error("cannot open seed " + file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    int seen = 0;
    size_t i = 0;
    for (; i < lines.size(); ++i)
        if (strip(lines[i]) == title && seen++ == options.occurrence) break;
    if (i == lines.size()) throw std::runtime_error("title not found: " + title);
    TableContext context;
    if (options.title_in_context) context.title = title;
    else context.other_lines.push_back(title);
    ++i;
    // Lines between the title and the table: organisation, period, unit.
    for (; i < lines.size() && lines[i].find('\t') == std::string::npos; ++i) {
        std::string line = strip(lines[i]);
        if (line.empty()) continue;
        if (line.find("单位：") != std::string::npos || line.find("单位:") != std::string::npos) {
            if (line.find("名称") != std::string::npos) context.organisation = line;
            else context.unit = line;
        } else {
            context.other_lines.push_back(line);
        }
    }
    std::vector<std::vector<std::string>> rows;
    for (; i < lines.size(); ++i) {
        std::string line = lines[i];
        if (strip(line).empty()) continue;
        if (line.find('\t') == std::string::npos) break;
        if (line.rfind("注", 0) == 0 || line.rfind("说明", 0) == 0 || line.rfind("---", 0) == 0) {
            context.notes.push_back(strip(line));
            continue;
        }
        rows.push_back(split_tabs(line));
    }
    Table table = build(rows, options.merge_header_rows);
    table.context = context;
    return table;
}

Table table_from_lines(const std::vector<std::string>& lines, const std::string& title, const std::string& unit) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& line : lines) rows.push_back(split_tabs(line));
    Table table = build(rows, 0);
    table.context.title = title;
    table.context.unit = unit;
    return table;
}

}  // namespace budgetpdf::test
