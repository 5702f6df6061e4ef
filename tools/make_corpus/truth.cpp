#include "tools/make_corpus/truth.h"

#include <nlohmann/json.hpp>

namespace budgetpdf::corpus {

std::string truth_json(const std::vector<TruthTable>& tables) {
    nlohmann::ordered_json root;
    root["tables"] = nlohmann::ordered_json::array();
    for (const auto& table : tables) {
        nlohmann::ordered_json t;
        t["title"] = table.title;
        t["tag"] = table.tag;
        nlohmann::ordered_json pages = nlohmann::ordered_json::array();
        for (int p = table.first_page; p <= table.last_page; ++p) pages.push_back(p);
        t["pages"] = pages;
        t["rows"] = table.rows;
        t["cols"] = table.cols;
        t["header_rows"] = table.header_rows;
        t["repeats_header"] = table.repeats_header;
        if (table.repeats_title) t["repeats_title"] = true;  // written only when set
        t["lines_above"] = table.lines_above;
        t["notes"] = table.notes;
        nlohmann::ordered_json cells = nlohmann::ordered_json::array();
        for (const auto& cell : table.cells) {
            cells.push_back({{"row", cell.row},
                             {"col", cell.col},
                             {"row_span", cell.row_span},
                             {"col_span", cell.col_span},
                             {"text", cell.text},
                             {"page", cell.page}});
        }
        t["cells"] = cells;
        root["tables"].push_back(t);
    }
    // One cell per line keeps diffs of the committed truth files readable.
    std::string out = "{\"tables\": [\n";
    for (std::size_t i = 0; i < root["tables"].size(); ++i) {
        auto table = root["tables"][i];
        auto cells = table["cells"];
        table.erase("cells");
        std::string head = table.dump();
        head.pop_back();
        out += head + ", \"cells\": [\n";
        for (std::size_t c = 0; c < cells.size(); ++c) {
            out += "  " + cells[c].dump() + (c + 1 < cells.size() ? ",\n" : "\n");
        }
        out += std::string("]}") + (i + 1 < root["tables"].size() ? ",\n" : "\n");
    }
    out += "]}\n";
    return out;
}

}  // namespace budgetpdf::corpus
