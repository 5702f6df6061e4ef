// How it works: a worker's answer is one line per row, a tag (S document, R record,
// D diagnostic) and the row's SCHEMA.md values in SCHEMA.md order, tab-separated, with
// backslash, tab, CR and LF escaped; an end line "E <records> <diagnostics>" closes it. The
// values are exactly those the output writers take, so a row read back writes the same
// bytes. JSONL rows (streaming runs) are matched by field name to the same positional reader.
#include "pipeline/document_wire.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace budgetpdf {
namespace {

using Values = std::vector<std::string>;

bool parse_int(const std::string& text, int& value) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

// "x0 y0 x1 y1" as bbox_text writes it; "" is the empty box.
bool parse_bbox(const std::string& text, Rect& box) {
    box = Rect{};
    if (text.empty()) return true;
    const char* at = text.data();
    const char* end = text.data() + text.size();
    for (double* v : {&box.x0, &box.y0, &box.x1, &box.y1}) {
        while (at < end && *at == ' ') ++at;
        auto [next, error] = std::from_chars(at, end, *v);
        if (error != std::errc()) return false;
        at = next;
    }
    return at == end;
}

std::optional<Severity> severity_from_name(const std::string& name) {
    for (Severity s : {Severity::info, Severity::warning, Severity::error})
        if (name == severity_name(s)) return s;
    return std::nullopt;
}

void append_escaped(std::string& out, const std::string& value) {
    for (char c : value) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
}

void append_line(std::string& out, char tag, const Values& values) {
    out += tag;
    for (const std::string& value : values) {
        out += '\t';
        append_escaped(out, value);
    }
    out += '\n';
}

// The tab-separated values after a line's tag; nullopt on a bad escape. Runs without an
// escape are copied whole.
std::optional<Values> split_values(std::string_view line) {
    Values values;
    if (line.empty()) return values;
    if (line.front() != '\t') return std::nullopt;
    size_t i = 0;
    while (i < line.size()) {
        if (line[i] == '\t') {
            values.emplace_back();
            ++i;
            continue;
        }
        size_t run_end = line.find_first_of("\t\\", i);
        if (run_end == std::string_view::npos) run_end = line.size();
        values.back().append(line.substr(i, run_end - i));
        i = run_end;
        if (i == line.size() || line[i] == '\t') continue;
        if (++i == line.size()) return std::nullopt;
        switch (line[i++]) {
            case '\\': values.back() += '\\'; break;
            case 't': values.back() += '\t'; break;
            case 'n': values.back() += '\n'; break;
            case 'r': values.back() += '\r'; break;
            default: return std::nullopt;
        }
    }
    return values;
}

// A JSONL object's values in the order of `names`; nullopt when one is missing.
std::optional<Values> values_by_name(const std::vector<JsonField>& fields, const std::vector<std::string>& names) {
    Values values;
    values.reserve(names.size());
    for (const std::string& name : names) {
        std::optional<std::string> value = field_value(fields, name);
        if (!value) return std::nullopt;
        values.push_back(std::move(*value));
    }
    return values;
}

// SCHEMA.md order: doc_id source region department scope year stage table_kind table_title
// page side row_label code code_system level measure measure_label amount_yuan unit
// amount_printed method confidence check row_key bbox.
std::optional<Record> record_from_values(Values v) {
    if (v.size() != record_field_names().size()) return std::nullopt;
    Record r;
    if (!parse_int(v[9], r.page) || !parse_bbox(v[24], r.bbox)) return std::nullopt;
    std::string* fields[] = {&r.doc_id, &r.source, &r.region, &r.department, &r.scope, &r.year, &r.stage,
                             &r.table_kind, &r.table_title, nullptr, &r.side, &r.row_label, &r.code,
                             &r.code_system, &r.level, &r.measure, &r.measure_label, &r.amount_yuan, &r.unit,
                             &r.amount_printed, &r.method, &r.confidence, &r.check, &r.row_key};
    for (size_t i = 0; i < std::size(fields); ++i)
        if (fields[i]) *fields[i] = std::move(v[i]);
    return r;
}

// doc_id source region department scope year stage pages pages_ocr tables_found records
// checks_total checks_failed status error pages_no_text tables_unread amounts_unreadable pipeline.
std::optional<DocumentSummary> summary_from_values(Values v) {
    if (v.size() != document_field_names().size()) return std::nullopt;
    DocumentSummary s;
    int* counts[] = {&s.pages, &s.pages_ocr, &s.tables_found, &s.records, &s.checks_total, &s.checks_failed};
    for (size_t i = 0; i < std::size(counts); ++i)
        if (!parse_int(v[7 + i], *counts[i])) return std::nullopt;
    if (!parse_int(v[15], s.pages_no_text) || !parse_int(v[16], s.tables_unread) ||
        !parse_int(v[17], s.amounts_unreadable))
        return std::nullopt;
    s.doc_id = std::move(v[0]), s.source = std::move(v[1]), s.region = std::move(v[2]);
    s.department = std::move(v[3]), s.scope = std::move(v[4]), s.year = std::move(v[5]), s.stage = std::move(v[6]);
    s.status = std::move(v[13]), s.error = std::move(v[14]), s.pipeline = std::move(v[18]);
    return s;
}

// doc_id source severity kind page message bbox.
std::optional<DocumentDiagnostic> diagnostic_from_values(Values v) {
    if (v.size() != diagnostic_field_names().size()) return std::nullopt;
    DocumentDiagnostic row;
    std::optional<Severity> severity = severity_from_name(v[2]);
    if (!severity || !parse_int(v[4], row.diagnostic.page) || !parse_bbox(v[6], row.diagnostic.bbox))
        return std::nullopt;
    row.doc_id = std::move(v[0]), row.source = std::move(v[1]);
    row.diagnostic.severity = *severity;
    row.diagnostic.kind = std::move(v[3]);
    row.diagnostic.message = std::move(v[5]);
    return row;
}

// The counts an end line "E <records> <diagnostics>" announces, to reserve room; 0 when absent.
std::pair<size_t, size_t> announced_counts(std::string_view text) {
    if (text.size() < 2) return {0, 0};
    size_t start = text.rfind('\n', text.size() - 2);
    std::string_view last = text.substr(start == std::string_view::npos ? 0 : start + 1);
    size_t records = 0, diagnostics = 0;
    if (std::sscanf(std::string(last).c_str(), "E %zu %zu", &records, &diagnostics) != 2) return {0, 0};
    constexpr size_t most_believed = 1 << 20;  // a damaged count never reserves more than this
    return {std::min(records, most_believed), std::min(diagnostics, most_believed)};
}

}  // namespace

std::optional<std::string> field_value(const std::vector<JsonField>& fields, std::string_view name) {
    for (const auto& [key, value] : fields)
        if (key == name) return value;
    return std::nullopt;
}

std::optional<Record> record_from_fields(const std::vector<JsonField>& fields) {
    auto values = values_by_name(fields, record_field_names());
    return values ? record_from_values(std::move(*values)) : std::nullopt;
}

std::optional<DocumentSummary> summary_from_fields(const std::vector<JsonField>& fields) {
    auto values = values_by_name(fields, document_field_names());
    return values ? summary_from_values(std::move(*values)) : std::nullopt;
}

std::optional<DocumentDiagnostic> diagnostic_from_fields(const std::vector<JsonField>& fields) {
    auto values = values_by_name(fields, diagnostic_field_names());
    return values ? diagnostic_from_values(std::move(*values)) : std::nullopt;
}

std::string wire_from_output(const DocumentOutput& output) {
    std::string out;
    append_line(out, 'S', document_field_values(output.summary));
    for (const Record& r : output.records) append_line(out, 'R', record_field_values(r));
    for (const DocumentDiagnostic& d : output.diagnostics) append_line(out, 'D', diagnostic_field_values(d));
    out += "E " + std::to_string(output.records.size()) + " " + std::to_string(output.diagnostics.size()) + "\n";
    return out;
}

std::optional<DocumentOutput> output_from_wire(std::string_view text) {
    DocumentOutput output;
    auto [records, diagnostics] = announced_counts(text);
    output.records.reserve(records);
    output.diagnostics.reserve(diagnostics);
    bool have_summary = false, ended = false;
    while (!text.empty()) {
        size_t end = text.find('\n');
        if (end == std::string_view::npos || ended) return std::nullopt;
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end + 1);
        if (line.empty()) return std::nullopt;
        if (line[0] == 'E') {
            std::string expected =
                "E " + std::to_string(output.records.size()) + " " + std::to_string(output.diagnostics.size());
            if (line != expected || !have_summary) return std::nullopt;
            ended = true;
            continue;
        }
        std::optional<Values> values = split_values(line.substr(1));
        if (!values) return std::nullopt;
        if (line[0] == 'S' && !have_summary) {
            auto summary = summary_from_values(std::move(*values));
            if (!summary) return std::nullopt;
            output.summary = std::move(*summary);
            have_summary = true;
        } else if (line[0] == 'R') {
            auto record = record_from_values(std::move(*values));
            if (!record) return std::nullopt;
            output.records.push_back(std::move(*record));
        } else if (line[0] == 'D') {
            auto diagnostic = diagnostic_from_values(std::move(*values));
            if (!diagnostic) return std::nullopt;
            output.diagnostics.push_back(std::move(*diagnostic));
        } else {
            return std::nullopt;
        }
    }
    if (!ended) return std::nullopt;
    return output;
}

}  // namespace budgetpdf
