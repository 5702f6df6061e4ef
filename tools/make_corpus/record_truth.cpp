#include "tools/make_corpus/record_truth.h"

#include <fstream>
#include <regex>
#include <sstream>

#include "tools/make_corpus/seed_tables.h"

namespace budgetpdf::corpus {
namespace {

constexpr int label_fields = 10;
constexpr int yuan_decimals = 2;         // 分
constexpr int ten_thousand_decimals = 6; // 万元 with 6 decimals is exact to the 分

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, '\t')) fields.push_back(field);
    if (!line.empty() && line.back() == '\t') fields.emplace_back();
    return fields;
}

int column_index(const std::string& text) { return text == "-" || text.empty() ? -1 : std::stoi(text); }

// Text with ASCII whitespace and ideographic spaces removed.
std::string squeeze(const std::string& text) {
    std::string out;
    for (const auto& point : utf8_code_points(text)) {
        if (point == " " || point == "\t" || point == "\n" || point == "\r" || point == "\xE3\x80\x80") continue;
        out += point;
    }
    return out;
}

bool is_code(const std::string& text) {
    static const std::regex code(R"(^(\d{3}|\d{5}|\d{7})$)");
    return std::regex_match(text, code);
}

bool is_total_label(const std::string& text) {
    return text.find("合计") != std::string::npos || text.find("总计") != std::string::npos;
}

bool not_applicable(const std::string& text) {
    return text == "——" || text == "—" || text == "/" || text == "*" || text == "－－";
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

bool read_table_labels(const std::string& path, TableLabels& labels, std::string& error) {
    std::ifstream in(path);
    if (!in) {
        error = "cannot read " + path;
        return false;
    }
    std::string line;
    int number = 0;
    bool header_seen = false;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        if (!header_seen) {
            header_seen = true;  // the column names line
            continue;
        }
        const auto f = split_tabs(line);
        if (static_cast<int>(f.size()) != label_fields || (f[3] != "code" && f[3] != "all")) {
            error = path + ":" + std::to_string(number) + ": expected " + std::to_string(label_fields) +
                    " tab-separated fields with rows = code or all";
            return false;
        }
        ColumnLabel label;
        label.table_kind = f[2];
        label.code_rows_only = f[3] == "code";
        label.column = std::stoi(f[4]);
        label.side = f[5];
        label.measure = f[6];
        label.code_col = column_index(f[7]);
        label.label_col = column_index(f[8]);
        label.header = f[9];
        const auto colon = f[1].find(':');
        const std::string variant = colon == std::string::npos ? std::string() : f[1].substr(colon + 1);
        labels[{f[0], std::stoi(f[1].substr(0, colon)), variant}].push_back(label);
    }
    return true;
}

std::string amount_in_yuan(const std::string& text, bool ten_thousands) {
    std::string plain;
    for (const char c : text) {
        if (c != ',') plain += c;
    }
    static const std::regex number(R"(^(-?)(\d+)(?:\.(\d+))?$)");
    std::smatch m;
    if (!std::regex_match(plain, m, number)) return {};
    const int decimals = ten_thousands ? ten_thousand_decimals : yuan_decimals;
    std::string fraction = m[3].str();
    while (static_cast<int>(fraction.size()) > decimals && fraction.back() == '0') fraction.pop_back();
    if (static_cast<int>(fraction.size()) > decimals) return {};
    fraction.append(static_cast<std::size_t>(decimals) - fraction.size(), '0');
    std::string cents = m[2].str() + fraction.substr(0, static_cast<std::size_t>(decimals));
    // cents now counts 分 (元 × 100, or 万元 × 10^6 = 元 × 100).
    const auto first = cents.find_first_not_of('0');
    cents = first == std::string::npos ? "0" : cents.substr(first);
    if (cents.size() < 3) cents.insert(0, 3 - cents.size(), '0');
    const bool negative = !m[1].str().empty() && cents != "000";
    return (negative ? "-" : "") + cents.substr(0, cents.size() - 2) + "." + cents.substr(cents.size() - 2);
}

bool expected_records(const TruthTable& table, const std::vector<ColumnLabel>& labels,
                      std::vector<ExpectedRecord>& out, std::string& error) {
    bool ten_thousands = false;
    for (const auto& line : table.lines_above) {
        if (line.find("万元") != std::string::npos) ten_thousands = true;
    }
    std::map<std::pair<int, int>, const TruthCell*> cells;
    for (const auto& cell : table.cells) cells[{cell.row, cell.col}] = &cell;
    const auto text_at = [&](int row, int col) -> std::string {
        const auto it = cells.find({row, col});
        return it == cells.end() ? std::string() : squeeze(it->second->text);
    };
    bool ok = true;
    for (const auto& label : labels) {
        // The header cells over the column, top-down (cells are in row-major order).
        std::string path;
        bool header_found = false;
        for (const auto& cell : table.cells) {
            if (cell.row < table.header_rows && cell.col <= label.column && label.column < cell.col + cell.col_span &&
                !squeeze(cell.text).empty()) {
                path += (path.empty() ? "" : "/") + squeeze(cell.text);
                if (squeeze(cell.text) == squeeze(label.header)) header_found = true;
            }
        }
        if (label.header.find('/') != std::string::npos) header_found = path == squeeze(label.header);
        if (!header_found) {
            error += table.title + ": column " + std::to_string(label.column) + " has no header '" + label.header + "'\n";
            ok = false;
        }
    }
    for (int row = table.header_rows; row < table.rows; ++row) {
        for (const auto& label : labels) {
            const std::string amount_text = text_at(row, label.column);
            if (amount_text.empty() || not_applicable(amount_text)) continue;
            const std::string code_text = label.code_col >= 0 ? text_at(row, label.code_col) : std::string();
            const std::string code = is_code(code_text) ? code_text : std::string();
            std::string row_label = label.label_col >= 0 ? text_at(row, label.label_col) : std::string();
            if (row_label.empty() && code.empty()) row_label = code_text;
            for (int col = label.column - 1; row_label.empty() && code.empty() && col >= 0; --col) {
                const std::string text = text_at(row, col);
                if (!text.empty() && amount_in_yuan(text, false).empty()) row_label = text;
            }
            if (label.code_rows_only && code.empty() && !is_total_label(row_label)) continue;
            const std::string yuan = amount_text == "-" ? std::string("0.00") : amount_in_yuan(amount_text, ten_thousands);
            if (yuan.empty()) {
                error += table.title + ": row " + std::to_string(row) + " column " + std::to_string(label.column) +
                         " is not an amount: '" + amount_text + "'\n";
                ok = false;
                continue;
            }
            const auto cell = cells.find({row, label.column});
            out.push_back({label.table_kind, cell->second->page, label.side, code, row_label, label.measure, yuan});
        }
    }
    return ok;
}

std::string expected_records_csv(const std::vector<ExpectedRecord>& records) {
    std::string csv = "table_kind,page,side,code,row_label,measure,amount_yuan\n";
    for (const auto& r : records) {
        csv += csv_field(r.table_kind) + "," + std::to_string(r.page) + "," + csv_field(r.side) + "," +
               csv_field(r.code) + "," + csv_field(r.row_label) + "," + csv_field(r.measure) + "," +
               csv_field(r.amount_yuan) + "\n";
    }
    return csv;
}

}  // namespace budgetpdf::corpus
