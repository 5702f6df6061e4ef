#pragma once
// The output files of SCHEMA.md: records, documents and diagnostics, each as CSV and as
// JSON Lines with the same field names in the same order. Writers take the rows in the
// order they are to appear; output is byte-for-byte deterministic.
//
// diagnostics.csv / diagnostics.jsonl columns: doc_id, source, severity (info, warning,
// error), kind (a stable key such as unreadable_amount, metadata_conflict), page (1-based,
// 0 when not tied to a page), message (one line, for people), bbox (where on the page, as in
// records; empty when not tied to a place).

#include <ostream>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/record.h"

namespace budgetpdf {

enum class CsvHeader { write, omit };  // omit when appending to a file that has one

// A diagnostic with the document it belongs to.
struct DocumentDiagnostic {
    std::string doc_id;
    std::string source;
    Diagnostic diagnostic;
};

const std::vector<std::string>& diagnostic_field_names();
std::vector<std::string> diagnostic_field_values(const DocumentDiagnostic& row);

void write_records_csv(std::ostream& out, const std::vector<Record>& records, CsvHeader header = CsvHeader::write);
void write_records_jsonl(std::ostream& out, const std::vector<Record>& records);

void write_documents_csv(std::ostream& out, const std::vector<DocumentSummary>& documents,
                         CsvHeader header = CsvHeader::write);
void write_documents_jsonl(std::ostream& out, const std::vector<DocumentSummary>& documents);

void write_diagnostics_csv(std::ostream& out, const std::vector<DocumentDiagnostic>& diagnostics,
                           CsvHeader header = CsvHeader::write);
void write_diagnostics_jsonl(std::ostream& out, const std::vector<DocumentDiagnostic>& diagnostics);

}  // namespace budgetpdf
