#include "normalize/csv.h"

namespace budgetpdf {

std::string csv_field(std::string_view value) {
    bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!quote) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

void write_csv_row(std::ostream& out, const CsvRow& row) {
    if (row.size() == 1 && row.front().empty()) {
        out << "\"\"\n";
        return;
    }
    for (size_t i = 0; i < row.size(); ++i) {
        if (i > 0) out << ',';
        out << csv_field(row[i]);
    }
    out << '\n';
}

namespace {

bool line_end_at(std::string_view text, size_t i) {
    return i < text.size() && (text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n'));
}

}  // namespace

std::optional<std::vector<CsvRow>> read_csv(std::string_view text) {
    std::vector<CsvRow> rows;
    CsvRow row;
    size_t i = 0;
    while (i < text.size()) {
        std::string field;
        if (text[i] == '"') {
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    i += 2;
                } else if (text[i] == '"') {
                    closed = true;
                    ++i;
                    break;
                } else {
                    field.push_back(text[i++]);
                }
            }
            if (!closed) return std::nullopt;
            if (i < text.size() && text[i] != ',' && !line_end_at(text, i)) return std::nullopt;
        } else {
            while (i < text.size() && text[i] != ',' && !line_end_at(text, i)) field.push_back(text[i++]);
        }
        row.push_back(std::move(field));
        if (i < text.size() && text[i] == ',') {
            ++i;
            if (i == text.size()) row.emplace_back();
            else continue;
        } else if (i < text.size()) {
            i += text[i] == '\r' ? 2 : 1;
        }
        rows.push_back(std::move(row));
        row.clear();
    }
    return rows;
}

}  // namespace budgetpdf
