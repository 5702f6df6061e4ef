#include "cli/table_output.h"

#include <nlohmann/json.hpp>

#include <string>

namespace budgetpdf {
namespace {

const char* method_name(GridMethod method) {
    switch (method) {
        case GridMethod::lattice: return "lattice";
        case GridMethod::horizontal_rules: return "horizontal_rules";
        case GridMethod::text_alignment: return "text_alignment";
    }
    return "";
}

std::string page_span(const Table& table) {
    if (table.last_page() == table.page) return "page " + std::to_string(table.page);
    return "pages " + std::to_string(table.page) + "-" + std::to_string(table.last_page());
}

void write_context_line(std::ostream& out, const char* name, const std::string& value) {
    if (!value.empty()) out << "  " << name << ": " << value << '\n';
}

nlohmann::json rect_json(const Rect& r) { return {r.x0, r.y0, r.x1, r.y1}; }

}  // namespace

void write_tables_text(std::ostream& out, const ExtractedDocument& document) {
    int index = 0;
    for (const Table& table : document.tables) {
        out << "table " << ++index << ": " << page_span(table) << ", " << table.rows << " rows x "
            << table.cols << " cols, " << table.header_rows << " header rows, "
            << method_name(table.method) << '\n';
        write_context_line(out, "title", table.context.title);
        write_context_line(out, "tag", table.context.tag);
        write_context_line(out, "organisation", table.context.organisation);
        write_context_line(out, "period", table.context.period);
        write_context_line(out, "unit", table.context.unit);
        for (const std::string& note : table.context.notes) write_context_line(out, "note", note);
        int current_row = -1;
        for (const Cell& cell : table.cells) {
            if (cell.row != current_row) {
                if (current_row >= 0) out << '\n';
                current_row = cell.row;
                out << "  [" << cell.row << "]";
            }
            out << " | " << cell.text;
            if (cell.row_span > 1 || cell.col_span > 1)
                out << " {" << cell.row_span << "x" << cell.col_span << "}";
        }
        if (current_row >= 0) out << '\n';
        out << '\n';
    }
    if (document.tables.empty()) out << "no tables found\n";
}

void write_tables_json(std::ostream& out, const ExtractedDocument& document) {
    nlohmann::ordered_json tables = nlohmann::ordered_json::array();
    for (const Table& table : document.tables) {
        nlohmann::ordered_json t;
        t["page"] = table.page;
        t["last_page"] = table.last_page();
        t["order_on_page"] = table.order_on_page;
        t["method"] = method_name(table.method);
        t["rows"] = table.rows;
        t["cols"] = table.cols;
        t["header_rows"] = table.header_rows;
        t["context"] = {{"title", table.context.title},   {"tag", table.context.tag},
                        {"organisation", table.context.organisation},
                        {"unit", table.context.unit},     {"period", table.context.period},
                        {"notes", table.context.notes},   {"other_lines", table.context.other_lines}};
        nlohmann::ordered_json parts = nlohmann::ordered_json::array();
        for (const TablePart& part : table.parts) {
            parts.push_back({{"page", part.page},
                             {"bbox", rect_json(part.bbox)},
                             {"first_row", part.first_row},
                             {"row_count", part.row_count},
                             {"repeats_header", part.repeats_header}});
        }
        t["parts"] = parts;
        nlohmann::ordered_json cells = nlohmann::ordered_json::array();
        for (const Cell& cell : table.cells) {
            cells.push_back({{"row", cell.row},         {"col", cell.col},
                             {"row_span", cell.row_span}, {"col_span", cell.col_span},
                             {"page", cell.page},       {"bbox", rect_json(cell.bbox)},
                             {"text", cell.text}});
        }
        t["cells"] = cells;
        tables.push_back(t);
    }
    nlohmann::ordered_json root;
    root["source"] = document.info.path;
    root["pages"] = document.info.page_count;
    root["tables"] = tables;
    out << root.dump(1) << '\n';
}

}  // namespace budgetpdf
