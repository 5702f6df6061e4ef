#pragma once
// Reads the tables of a seed text file (tables as blocks of tab-separated lines) together
// with the lines printed around each table: the title, tag and unit lines above it and
// the 注：/说明： lines below it.

#include <string>
#include <vector>

namespace budgetpdf::corpus {

struct SeedTable {
    std::vector<std::string> lines_above;          // in seed order: title, tag, 部门名称：…, 单位：…
    std::vector<std::vector<std::string>> rows;    // padded to the widest row
    std::vector<std::string> notes;                // 注：… / 说明：… lines below the table
    std::string title;                             // the line of lines_above that names the table
    std::string tag;                               // 公开01表, 预算公开表1, … (empty when absent)
};

// All tab-separated blocks of the file, in file order. Blank lines inside a block do not
// end it; rows made only of dashes are dropped; a row whose only text is a 注：/说明：
// line in its first cell becomes a note.
std::vector<SeedTable> read_seed_tables(const std::string& path);

// Splits a UTF-8 string into code points (each as its own string).
std::vector<std::string> utf8_code_points(const std::string& text);

// Leading/trailing ASCII and ideographic spaces removed.
std::string trim_text(const std::string& text);

}  // namespace budgetpdf::corpus
