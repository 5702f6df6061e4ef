#pragma once
// One converted document as text and back: how a worker process hands its DocumentOutput
// to the batch, and how the JSONL rows of a streaming run are read back into a dataset.
// Rows carry the SCHEMA.md values, so nothing is lost that the outputs keep.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/jsonl.h"
#include "pipeline/process_document.h"

namespace budgetpdf {

// Lines "S<tab>values of the documents row", "R…" per record, "D…" per diagnostic, then
// "E <records> <diagnostics>"; values tab-separated with \\, \t, \r and \n escaped.
std::string wire_from_output(const DocumentOutput& output);
// nullopt unless the text is complete (its end line present and its counts right).
std::optional<DocumentOutput> output_from_wire(std::string_view text);

// SCHEMA.md rows (records.jsonl, documents.jsonl, diagnostics.jsonl objects) back into values;
// fields beyond the schema's are ignored, a missing or malformed one gives nullopt.
std::optional<Record> record_from_fields(const std::vector<JsonField>& fields);
std::optional<DocumentSummary> summary_from_fields(const std::vector<JsonField>& fields);
std::optional<DocumentDiagnostic> diagnostic_from_fields(const std::vector<JsonField>& fields);

// The value of one field, or nullopt.
std::optional<std::string> field_value(const std::vector<JsonField>& fields, std::string_view name);

}  // namespace budgetpdf
