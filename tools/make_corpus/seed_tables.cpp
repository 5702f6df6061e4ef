#include "tools/make_corpus/seed_tables.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

namespace budgetpdf::corpus {
namespace {

// How many non-empty lines above a table can belong to it (title, tag, organisation,
// period, unit).
constexpr std::size_t max_lines_above = 6;

bool has_tab(const std::string& line) { return line.find('\t') != std::string::npos; }

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

bool is_note_line(const std::string& line) {
    return starts_with(line, "注：") || starts_with(line, "说明：") || starts_with(line, "注:");
}

bool is_section_line(const std::string& line) {
    static const std::regex section(R"(^第.{1,6}部分)");
    return std::regex_search(line, section);
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, '\t')) cells.push_back(trim_text(cell));
    if (!line.empty() && line.back() == '\t') cells.emplace_back();
    return cells;
}

bool is_dash_row(const std::vector<std::string>& cells) {
    bool any = false;
    for (const auto& cell : cells) {
        if (cell.empty()) continue;
        if (cell.find_first_not_of('-') != std::string::npos) return false;
        any = true;
    }
    return any;
}

// The row's only text is a note in its first cell.
bool is_note_row(const std::vector<std::string>& cells) {
    if (cells.empty() || !is_note_line(cells[0])) return false;
    return std::all_of(cells.begin() + 1, cells.end(), [](const std::string& c) { return c.empty(); });
}

bool is_tag_line(const std::string& line) {
    static const std::regex tag(R"(^(公开\d+表|预算公开表\d+|部门公开表\d+|表[一二三四五六七八九十]+)$)");
    return std::regex_match(line, tag);
}

void name_table(SeedTable& table) {
    for (const auto& line : table.lines_above) {
        if (is_tag_line(line)) {
            table.tag = line;
        } else if (table.title.empty() && line.find("表") != std::string::npos &&
                   line.find("：") == std::string::npos) {
            table.title = line;
        }
    }
}

}  // namespace

std::string trim_text(const std::string& text) {
    static const std::string ideographic_space = "\xE3\x80\x80";
    std::size_t begin = 0;
    std::size_t end = text.size();
    for (bool changed = true; changed;) {
        changed = false;
        while (begin < end && (text[begin] == ' ' || text[begin] == '\r')) { ++begin; changed = true; }
        while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\r')) { --end; changed = true; }
        if (end - begin >= 3 && text.compare(begin, 3, ideographic_space) == 0) { begin += 3; changed = true; }
        if (end - begin >= 3 && text.compare(end - 3, 3, ideographic_space) == 0) { end -= 3; changed = true; }
    }
    return text.substr(begin, end - begin);
}

std::vector<std::string> utf8_code_points(const std::string& text) {
    std::vector<std::string> points;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        if (lead >= 0xF0) length = 4;
        else if (lead >= 0xE0) length = 3;
        else if (lead >= 0xC0) length = 2;
        length = std::min(length, text.size() - i);
        points.push_back(text.substr(i, length));
        i += length;
    }
    return points;
}

std::vector<SeedTable> read_seed_tables(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);

    std::vector<SeedTable> tables;
    std::size_t i = 0;
    std::size_t previous_end = 0;  // first line after the previous table and its notes
    while (i < lines.size()) {
        if (!has_tab(lines[i])) { ++i; continue; }
        SeedTable table;
        for (std::size_t k = i; k-- > previous_end;) {
            const std::string line = trim_text(lines[k]);
            if (line.empty()) continue;
            if (is_note_line(line) || is_section_line(line)) break;
            if (table.lines_above.size() == max_lines_above) break;
            table.lines_above.insert(table.lines_above.begin(), line);
        }
        std::size_t j = i;
        while (j < lines.size() && (has_tab(lines[j]) || trim_text(lines[j]).empty())) {
            if (has_tab(lines[j])) {
                auto cells = split_tabs(lines[j]);
                if (is_note_row(cells)) table.notes.push_back(cells[0]);
                else if (!is_dash_row(cells)) table.rows.push_back(std::move(cells));
            }
            ++j;
        }
        while (j < lines.size()) {
            const std::string line = trim_text(lines[j]);
            if (!line.empty() && !is_note_line(line)) break;
            if (!line.empty()) table.notes.push_back(line);
            ++j;
        }
        std::size_t width = 0;
        for (const auto& row : table.rows) {
            for (std::size_t c = 0; c < row.size(); ++c) {
                if (!row[c].empty()) width = std::max(width, c + 1);
            }
        }
        for (auto& row : table.rows) row.resize(width);
        name_table(table);
        if (!table.rows.empty()) tables.push_back(std::move(table));
        previous_end = j;
        i = j;
    }
    return tables;
}

}  // namespace budgetpdf::corpus
