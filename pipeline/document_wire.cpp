#include "pipeline/document_wire.h"

#include <charconv>
#include <map>
#include <sstream>

namespace budgetpdf {
namespace {

using FieldMap = std::map<std::string, std::string, std::less<>>;

std::optional<FieldMap> field_map(const std::vector<JsonField>& fields, const std::vector<std::string>& required) {
    FieldMap map(fields.begin(), fields.end());
    for (const std::string& name : required)
        if (!map.count(name)) return std::nullopt;
    return map;
}

bool parse_int(const std::string& text, int& value) {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc() && end == text.data() + text.size();
}

// "x0 y0 x1 y1" as bbox_text writes it; "" is the empty box.
bool parse_bbox(const std::string& text, Rect& box) {
    box = Rect{};
    if (text.empty()) return true;
    std::istringstream in(text);
    in.imbue(std::locale::classic());
    return static_cast<bool>(in >> box.x0 >> box.y0 >> box.x1 >> box.y1) && (in >> std::ws).eof();
}

std::optional<Severity> severity_from_name(const std::string& name) {
    for (Severity s : {Severity::info, Severity::warning, Severity::error})
        if (name == severity_name(s)) return s;
    return std::nullopt;
}

void append_line(std::string& out, char tag, const std::vector<std::string>& names,
                 const std::vector<std::string>& values) {
    std::ostringstream line;
    write_jsonl_object(line, names, values);
    out += tag;
    out += ' ';
    out += line.str();
}

}  // namespace

std::optional<std::string> field_value(const std::vector<JsonField>& fields, std::string_view name) {
    for (const auto& [key, value] : fields)
        if (key == name) return value;
    return std::nullopt;
}

std::optional<Record> record_from_fields(const std::vector<JsonField>& fields) {
    auto map = field_map(fields, record_field_names());
    if (!map) return std::nullopt;
    FieldMap& f = *map;
    Record r;
    r.doc_id = f["doc_id"], r.source = f["source"], r.region = f["region"], r.department = f["department"];
    r.scope = f["scope"], r.year = f["year"], r.stage = f["stage"], r.table_kind = f["table_kind"];
    r.table_title = f["table_title"], r.side = f["side"], r.row_label = f["row_label"], r.code = f["code"];
    r.code_system = f["code_system"], r.level = f["level"], r.measure = f["measure"];
    r.measure_label = f["measure_label"], r.amount_yuan = f["amount_yuan"], r.unit = f["unit"];
    r.amount_printed = f["amount_printed"], r.method = f["method"], r.confidence = f["confidence"];
    r.check = f["check"], r.row_key = f["row_key"];
    if (!parse_int(f["page"], r.page) || !parse_bbox(f["bbox"], r.bbox)) return std::nullopt;
    return r;
}

std::optional<DocumentSummary> summary_from_fields(const std::vector<JsonField>& fields) {
    auto map = field_map(fields, document_field_names());
    if (!map) return std::nullopt;
    FieldMap& f = *map;
    DocumentSummary s;
    s.doc_id = f["doc_id"], s.source = f["source"], s.region = f["region"], s.department = f["department"];
    s.scope = f["scope"], s.year = f["year"], s.stage = f["stage"], s.status = f["status"], s.error = f["error"];
    s.pipeline = f["pipeline"];
    bool ok = parse_int(f["pages"], s.pages) && parse_int(f["pages_ocr"], s.pages_ocr) &&
              parse_int(f["tables_found"], s.tables_found) && parse_int(f["records"], s.records) &&
              parse_int(f["checks_total"], s.checks_total) && parse_int(f["checks_failed"], s.checks_failed) &&
              parse_int(f["pages_no_text"], s.pages_no_text) && parse_int(f["tables_unread"], s.tables_unread) &&
              parse_int(f["amounts_unreadable"], s.amounts_unreadable);
    if (!ok) return std::nullopt;
    return s;
}

std::optional<DocumentDiagnostic> diagnostic_from_fields(const std::vector<JsonField>& fields) {
    auto map = field_map(fields, diagnostic_field_names());
    if (!map) return std::nullopt;
    FieldMap& f = *map;
    DocumentDiagnostic row;
    row.doc_id = f["doc_id"], row.source = f["source"];
    std::optional<Severity> severity = severity_from_name(f["severity"]);
    if (!severity || !parse_int(f["page"], row.diagnostic.page) || !parse_bbox(f["bbox"], row.diagnostic.bbox))
        return std::nullopt;
    row.diagnostic.severity = *severity;
    row.diagnostic.kind = f["kind"];
    row.diagnostic.message = f["message"];
    return row;
}

std::string wire_from_output(const DocumentOutput& output) {
    std::string out;
    append_line(out, 'S', document_field_names(), document_field_values(output.summary));
    for (const Record& r : output.records) append_line(out, 'R', record_field_names(), record_field_values(r));
    for (const DocumentDiagnostic& d : output.diagnostics)
        append_line(out, 'D', diagnostic_field_names(), diagnostic_field_values(d));
    out += "E " + std::to_string(output.records.size()) + " " + std::to_string(output.diagnostics.size()) + "\n";
    return out;
}

std::optional<DocumentOutput> output_from_wire(std::string_view text) {
    DocumentOutput output;
    bool have_summary = false, ended = false;
    while (!text.empty()) {
        size_t end = text.find('\n');
        if (end == std::string_view::npos || ended) return std::nullopt;
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end + 1);
        if (line.size() < 2 || line[1] != ' ') return std::nullopt;
        std::string_view body = line.substr(2);
        if (line[0] == 'E') {
            std::string expected = std::to_string(output.records.size()) + " " + std::to_string(output.diagnostics.size());
            if (body != expected || !have_summary) return std::nullopt;
            ended = true;
            continue;
        }
        std::optional<std::vector<JsonField>> fields = read_jsonl_object(body);
        if (!fields) return std::nullopt;
        if (line[0] == 'S' && !have_summary) {
            auto summary = summary_from_fields(*fields);
            if (!summary) return std::nullopt;
            output.summary = std::move(*summary);
            have_summary = true;
        } else if (line[0] == 'R') {
            auto record = record_from_fields(*fields);
            if (!record) return std::nullopt;
            output.records.push_back(std::move(*record));
        } else if (line[0] == 'D') {
            auto diagnostic = diagnostic_from_fields(*fields);
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
