#include "normalize/records.h"

// How it works: for each reading, the table's unit is parsed once (元/万元/千元); each
// amount's printed text is classified by parse_amount. Values become records with the
// document's metadata, the reading's row/measure meaning and the amount scaled exactly to
// 元; unreadable cells become diagnostics. The records are sorted in SCHEMA.md order.

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "normalize/amount.h"
#include "normalize/text.h"

namespace budgetpdf {
namespace {

constexpr int func_class_digits = 3;
constexpr int func_section_digits = 5;
constexpr int func_item_digits = 7;
constexpr long confidence_hundredths = 100;
// How much each doubt lowers an amount's confidence (multiplied; README "Confidence").
constexpr double unchecked_confidence = 0.8;      // no identity covers it
constexpr double mismatch_confidence = 0.5;       // an identity it takes part in fails
constexpr double inferred_unit_confidence = 0.7;  // its table prints no unit: taken from another

Diagnostic diagnostic_at(Severity severity, const char* kind, int page, std::string message) {
    Diagnostic d;
    d.severity = severity;
    d.kind = kind;
    d.page = page;
    d.message = std::move(message);
    return d;
}

Record record_for_table(const TableReading& reading, const DocumentMeta& meta, TextSource method,
                        Unit unit) {
    Record r;
    r.doc_id = meta.doc_id;
    r.source = meta.source;
    r.region = meta.region;
    r.department = meta.department;
    r.scope = meta.scope;
    r.year = meta.year;
    r.stage = meta.stage;
    r.table_kind = reading.table_kind;
    r.table_title = normalize_text(reading.table_title);
    r.unit = unit_name(unit);
    r.method = method_name(method);
    r.check = "unchecked";
    r.table_index = reading.table_index;
    r.order_on_page = reading.order_on_page;
    return r;
}

}  // namespace

const char* method_name(TextSource method) {
    return method == TextSource::ocr ? "ocr" : "text";
}

std::string level_from_code(const std::string& code, CodeSystem system) {
    int digits = static_cast<int>(code.size());
    if (digits == func_class_digits) return "类";
    if (digits == func_section_digits) return "款";
    if (digits == func_item_digits && (system == CodeSystem::func || system == CodeSystem::none)) return "项";
    return "";
}

std::string confidence_string(double confidence) {
    if (!(confidence > 0)) return "0";
    if (confidence >= 1) return "1";
    long hundredths = std::lround(confidence * static_cast<double>(confidence_hundredths));
    if (hundredths >= confidence_hundredths) return "1";
    if (hundredths <= 0) return "0";
    std::string text = "0." + std::string(hundredths < 10 ? "0" : "") + std::to_string(hundredths);
    if (text.back() == '0') text.pop_back();
    return text;
}

void sort_records(std::vector<Record>& records) {
    std::stable_sort(records.begin(), records.end(), [](const Record& a, const Record& b) {
        return std::tie(a.source, a.page, a.table_index, a.order_on_page, a.row, a.col) <
               std::tie(b.source, b.page, b.table_index, b.order_on_page, b.row, b.col);
    });
}

std::vector<Record> records_from_readings(const std::vector<TableReading>& readings,
                                          const DocumentMeta& meta, TextSource method,
                                          std::vector<Diagnostic>& diagnostics) {
    std::vector<Record> records;
    for (const TableReading& reading : readings) {
        int last_odd_code_row = -1;
        std::optional<Unit> unit = unit_from_text(reading.unit);
        if (!unit) {
            if (!reading.amounts.empty())
                diagnostics.push_back(diagnostic_at(
                    Severity::error, "unknown_unit", reading.page,
                    "table " + std::to_string(reading.table_index) + " (" + reading.table_title +
                        "): unit '" + reading.unit + "' is not 元, 万元 or 千元; its " +
                        std::to_string(reading.amounts.size()) + " amounts are not recorded"));
            continue;
        }
        const Record base = record_for_table(reading, meta, method, *unit);
        for (const ReadAmount& amount : reading.amounts) {
            ParsedAmount parsed = parse_amount(amount.printed);
            if (parsed.kind == AmountKind::unreadable) {
                Diagnostic d = diagnostic_at(
                    Severity::error, "unreadable_amount", amount.page,
                    "'" + reading.table_title + "' row " + std::to_string(amount.row) + " (" +
                        (amount.code.empty() ? amount.row_label : amount.code) + "), column " +
                        std::to_string(amount.col) + " (" + amount.measure_label + "): '" + amount.printed +
                        "' is not an amount");
                d.bbox = amount.bbox;
                diagnostics.push_back(std::move(d));
                continue;
            }
            if (parsed.kind != AmountKind::value) continue;
            Record r = base;
            r.page = amount.page;
            r.side = side_name(amount.side);
            r.row_label = normalize_text(amount.row_label);
            r.code = amount.code;
            r.code_system = code_system_name(amount.code_system);
            r.level = level_from_code(amount.code, amount.code_system);
            r.measure = amount.measure;
            r.measure_label = normalize_text(amount.measure_label);
            r.amount_yuan = amount_yuan_string(yuan_from(parsed.value, *unit));
            r.amount_printed = normalize_text(amount.printed);
            r.text_confidence = amount.confidence;
            r.confidence = confidence_string(amount.confidence);
            r.row_key = amount.row_key;
            r.bbox = amount.bbox;
            r.row = amount.row;
            r.col = amount.col;
            if (!amount.code.empty() && r.level.empty() && amount.row != last_odd_code_row) {
                last_odd_code_row = amount.row;
                diagnostics.push_back(diagnostic_at(
                    Severity::warning, "odd_code_length", amount.page,
                    "code '" + amount.code + "' (" + std::to_string(amount.code.size()) +
                        " digits) fits no level of its classification"));
            }
            records.push_back(std::move(r));
        }
    }
    sort_records(records);
    return records;
}

void add_cross_classified_records(std::vector<Record>& records, const std::vector<TableReading>& readings) {
    std::map<std::tuple<int, int, int>, const ReadAmount*> crossed;
    for (const TableReading& reading : readings)
        for (const ReadAmount& amount : reading.amounts)
            if (!amount.cross_code.empty() && amount.cross_code != amount.code)
                crossed.emplace(std::make_tuple(reading.table_index, amount.row, amount.col), &amount);
    if (crossed.empty()) return;
    const std::size_t original = records.size();
    for (std::size_t i = 0; i < original; ++i) {
        auto found = crossed.find(std::make_tuple(records[i].table_index, records[i].row, records[i].col));
        if (found == crossed.end()) continue;
        const ReadAmount& amount = *found->second;
        Record copy = records[i];
        copy.code = amount.cross_code;
        copy.code_system = code_system_name(amount.cross_code_system);
        copy.level = level_from_code(amount.cross_code, amount.cross_code_system);
        if (!amount.cross_label.empty()) copy.row_label = normalize_text(amount.cross_label);
        records.push_back(std::move(copy));
    }
}

void set_confidence(std::vector<Record>& records, const std::vector<TableReading>& readings) {
    std::vector<bool> unit_printed;
    for (const TableReading& reading : readings) {
        if (reading.table_index >= static_cast<int>(unit_printed.size()))
            unit_printed.resize(static_cast<size_t>(reading.table_index) + 1, true);
        unit_printed[static_cast<size_t>(reading.table_index)] = reading.unit_printed;
    }
    for (Record& r : records) {
        double confidence = r.text_confidence;
        if (r.check == "unchecked") confidence *= unchecked_confidence;
        else if (r.check == "mismatch") confidence *= mismatch_confidence;
        bool own_unit = r.table_index < 0 || r.table_index >= static_cast<int>(unit_printed.size()) ||
                        unit_printed[static_cast<size_t>(r.table_index)];
        if (!own_unit) confidence *= inferred_unit_confidence;
        r.confidence = confidence_string(confidence);
    }
}

}  // namespace budgetpdf
