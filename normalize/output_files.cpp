#include "normalize/output_files.h"

#include "normalize/csv.h"
#include "normalize/jsonl.h"

namespace budgetpdf {
namespace {

// Messages are one line: line breaks inside become spaces.
std::string one_line(std::string text) {
    for (char& c : text)
        if (c == '\n' || c == '\r') c = ' ';
    return text;
}

template <typename Row, typename Values>
void write_csv_rows(std::ostream& out, const std::vector<std::string>& names, const std::vector<Row>& rows,
                    CsvHeader header, Values values) {
    if (header == CsvHeader::write) write_csv_row(out, names);
    for (const Row& row : rows) write_csv_row(out, values(row));
}

template <typename Row, typename Values>
void write_jsonl_rows(std::ostream& out, const std::vector<std::string>& names, const std::vector<Row>& rows,
                      Values values) {
    for (const Row& row : rows) write_jsonl_object(out, names, values(row));
}

}  // namespace

const std::vector<std::string>& diagnostic_field_names() {
    static const std::vector<std::string> names = {"doc_id", "source", "severity", "kind", "page", "message", "bbox"};
    return names;
}

std::vector<std::string> diagnostic_field_values(const DocumentDiagnostic& row) {
    const Diagnostic& d = row.diagnostic;
    return {row.doc_id, row.source, severity_name(d.severity), d.kind, std::to_string(d.page), one_line(d.message), bbox_text(d.bbox)};
}

void write_records_csv(std::ostream& out, const std::vector<Record>& records, CsvHeader header) {
    write_csv_rows(out, record_field_names(), records, header, record_field_values);
}

void write_records_jsonl(std::ostream& out, const std::vector<Record>& records) {
    write_jsonl_rows(out, record_field_names(), records, record_field_values);
}

void write_documents_csv(std::ostream& out, const std::vector<DocumentSummary>& documents, CsvHeader header) {
    write_csv_rows(out, document_field_names(), documents, header, document_field_values);
}

void write_documents_jsonl(std::ostream& out, const std::vector<DocumentSummary>& documents) {
    write_jsonl_rows(out, document_field_names(), documents, document_field_values);
}

void write_diagnostics_csv(std::ostream& out, const std::vector<DocumentDiagnostic>& diagnostics, CsvHeader header) {
    write_csv_rows(out, diagnostic_field_names(), diagnostics, header, diagnostic_field_values);
}

void write_diagnostics_jsonl(std::ostream& out, const std::vector<DocumentDiagnostic>& diagnostics) {
    write_jsonl_rows(out, diagnostic_field_names(), diagnostics, diagnostic_field_values);
}

}  // namespace budgetpdf
