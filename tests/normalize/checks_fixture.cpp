#include "checks_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "normalize/decimal.h"

namespace budgetpdf::test {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
        std::size_t tab = line.find('\t', start);
        std::string cell = line.substr(start, tab - start);
        while (!cell.empty() && (cell.back() == ' ' || cell.back() == '\r')) cell.pop_back();
        while (!cell.empty() && cell.front() == ' ') cell.erase(cell.begin());
        cells.push_back(cell);
        if (tab == std::string::npos) break;
        start = tab + 1;
    }
    return cells;
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

bool is_code(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int unit_exponent(const std::string& unit) { return unit == "万元" ? 4 : unit == "千元" ? 3 : 0; }

// amount_yuan the way normalize/records computes it: separators dropped, point moved.
std::string yuan_of(const std::string& printed, const std::string& unit) {
    if (printed == "-") return "0";
    std::string plain;
    for (char c : printed)
        if (c != ',') plain += c;
    auto value = Decimal::parse(plain);
    REQUIRE_MESSAGE(value.has_value(), "not an amount: " << printed);
    return value->times_power_of_ten(unit_exponent(unit)).to_string(2);
}

bool yields_record(const std::string& printed) { return !printed.empty() && printed != "——"; }

std::string row_name(const ReadAmount& a) { return a.code.empty() ? a.row_label : a.code; }

std::string level_of(const std::string& code) {
    switch (code.size()) {
        case 3: return "类";
        case 5: return "款";
        case 7: return "项";
    }
    return "";
}

// 类 name without its 一、/十五、 ordinal.
std::string without_ordinal(const std::string& label) {
    std::size_t mark = label.find("、");
    return mark == std::string::npos ? label : label.substr(mark + std::string("、").size());
}

}  // namespace

SeedRows seed_rows(const std::string& file, const std::string& title) {
    std::filesystem::path dir = std::filesystem::path(BUDGETPDF_SHARED_DIR) / "seeds";
    std::filesystem::path path;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (starts_with(entry.path().filename().string(), file + "_")) path = entry.path();
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "seed not found: " << file);
    SeedRows rows;
    std::string line;
    bool inside = false;
    bool started = false;  // a row of the table itself (not 部门名称) was read
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!inside) {
            inside = line == title;
            continue;
        }
        if (starts_with(line, "注") || starts_with(line, "说明")) break;
        bool blank = line.find_first_not_of(" \t") == std::string::npos;
        if (line.find('\t') != std::string::npos) {
            std::vector<std::string> cells = split_tabs(line);
            if (cells.size() >= 3) started = true;
            rows.push_back(std::move(cells));
        } else if (started && !blank) {
            break;  // the next table's title
        }
    }
    REQUIRE_MESSAGE(!rows.empty(), "table not found in seed " << file << ": " << title);
    return rows;
}

int SeedDocument::add_table(const std::string& kind, const std::string& title, const std::string& unit, int page,
                            const std::vector<std::string>& checks) {
    TableReading reading;
    reading.table_index = static_cast<int>(readings.size());
    reading.page = page;
    reading.table_kind = kind;
    reading.table_title = title;
    reading.unit = unit;
    reading.checks = checks;
    readings.push_back(reading);
    return reading.table_index;
}

void SeedDocument::add_amount(int table, int row, int col, const RowMeaning& meaning, const std::string& measure,
                              const std::string& measure_label, const std::string& printed) {
    TableReading& reading = readings.at(static_cast<std::size_t>(table));
    ReadAmount a;
    a.page = reading.page;
    a.row = row;
    a.col = col;
    a.side = meaning.side;
    a.role = meaning.role;
    a.row_key = meaning.row_key;
    a.row_label = meaning.row_label;
    a.code = meaning.code;
    a.code_system = meaning.code_system;
    a.measure = measure;
    a.measure_label = measure_label;
    a.printed = printed;
    a.part_in_header = meaning.part_in_header;
    a.part_group = meaning.part_group;
    reading.amounts.push_back(a);
    if (!yields_record(printed)) return;
    Record r;
    r.table_kind = reading.table_kind;
    r.table_title = reading.table_title;
    r.page = a.page;
    r.side = side_name(a.side);
    r.row_label = a.row_label;
    r.code = a.code;
    r.code_system = code_system_name(a.code_system);
    r.level = level_of(a.code);
    r.measure = measure;
    r.measure_label = measure_label;
    r.amount_yuan = yuan_of(printed, reading.unit);
    r.unit = reading.unit;
    r.amount_printed = printed;
    r.check = "unset";
    r.table_index = table;
    r.row = row;
    r.col = col;
    records.push_back(r);
}

CheckSummary SeedDocument::check() {
    diagnostics.clear();
    return check_identities(readings, records, diagnostics);
}

Record& SeedDocument::record(int table, const std::string& row, const std::string& measure, Side side) {
    for (const ReadAmount& a : readings.at(static_cast<std::size_t>(table)).amounts) {
        const bool named = a.measure == measure || (a.measure.empty() && a.measure_label == measure);
        if (a.side != side || !named || row_name(a) != row) continue;
        for (Record& r : records)
            if (r.table_index == table && r.row == a.row && r.col == a.col) return r;
    }
    FAIL("no record for " << row << " " << measure);
    throw std::logic_error("unreachable");
}

void SeedDocument::reprint(int table, const std::string& row, const std::string& measure, const std::string& printed,
                           Side side) {
    Record& r = record(table, row, measure, side);
    r.amount_printed = printed;
    r.amount_yuan = yuan_of(printed, r.unit);
    for (ReadAmount& a : readings.at(static_cast<std::size_t>(table)).amounts)
        if (a.row == r.row && a.col == r.col) a.printed = printed;
}

std::vector<std::string> SeedDocument::mismatch_messages() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics)
        if (d.kind == "identity_mismatch") out.push_back(d.message);
    return out;
}

int SeedDocument::count_check(const std::string& check) const {
    return static_cast<int>(std::count_if(records.begin(), records.end(),
                                          [&check](const Record& r) { return r.check == check; }));
}

int add_code_table(SeedDocument& doc, const SeedRows& rows, const std::string& kind, const std::string& title,
                   const std::string& unit, int page, const std::vector<std::string>& checks,
                   const std::vector<std::string>& measures, CodeSystem system) {
    int table = doc.add_table(kind, title, unit, page, checks);
    int row_index = 0;
    for (const auto& cells : rows) {
        if (cells.empty()) continue;
        bool total = cells[0] == "合计";
        if (!total && !is_code(cells[0])) continue;
        RowMeaning meaning;
        meaning.role = total ? RowRole::total : RowRole::item;
        meaning.row_key = total ? "table_total" : "";
        meaning.row_label = total ? "合计" : cells.size() > 1 ? cells[1] : "";
        if (!total) {
            meaning.code = cells[0];
            meaning.code_system = system;
        }
        for (std::size_t m = 0; m < measures.size(); ++m) {
            std::size_t col = m + 2;
            if (measures[m].empty()) continue;
            doc.add_amount(table, row_index, static_cast<int>(col), meaning, measures[m], measures[m],
                           col < cells.size() ? cells[col] : "");
        }
        ++row_index;
    }
    return table;
}

void add_side(SeedDocument& doc, int table, const SeedRows& rows, const SideSpec& spec,
              const std::vector<std::pair<std::string, std::string>>& lei_codes) {
    auto first = std::find_if(rows.begin(), rows.end(), [](const auto& cells) {
        return !cells.empty() && starts_with(cells[0], "一、");
    });
    REQUIRE(first != rows.end());
    std::string section;  // row key of the section being itemised
    int part = 0;
    int row_index = 0;
    for (auto it = first; it != rows.end(); ++it, ++row_index) {
        const auto& cells = *it;
        std::string label = spec.label_col < static_cast<int>(cells.size()) ? cells[spec.label_col] : "";
        RowMeaning meaning;
        meaning.side = spec.side;
        meaning.row_label = label;
        bool subtotal = starts_with(label, "本年") && label.find("合计") != std::string::npos;
        bool grand = label.find("总计") != std::string::npos;
        if (subtotal || grand) section.clear();
        if (subtotal) {
            meaning.role = RowRole::subtotal;
            meaning.row_key = spec.side == Side::income ? "income_total" : "expenditure_total";
        }
        if (grand) {
            meaning.role = RowRole::total;
            meaning.row_key = "grand_total";
        }
        if (!section.empty() && !label.empty()) meaning.row_key = section + "." + std::to_string(++part);
        for (const auto& [name, key] : spec.sections)
            if (label == name) {
                meaning.row_key = key;
                section = key;
                part = 0;
            }
        if (spec.side == Side::expenditure && meaning.role == RowRole::item)
            for (const auto& [name, code] : lei_codes)
                if (without_ordinal(label) == name) {
                    meaning.code = code;
                    meaning.code_system = CodeSystem::func;
                }
        for (const auto& [measure, col] : spec.measures)
            doc.add_amount(table, row_index, col, meaning, measure, measure,
                           col < static_cast<int>(cells.size()) ? cells[col] : "");
    }
}

std::vector<std::pair<std::string, std::string>> lei_codes_of(const SeedRows& code_rows) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& cells : code_rows)
        if (cells.size() > 1 && is_code(cells[0]) && cells[0].size() == 3) out.emplace_back(cells[1], cells[0]);
    return out;
}

}  // namespace budgetpdf::test
