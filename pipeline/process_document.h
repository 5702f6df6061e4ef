#pragma once
// All stages for one document, with its failure isolated: whatever goes wrong, the
// result is a DocumentSummary (status ok, partial or failed) plus what could be read.

#include <string>
#include <vector>

#include "layouts/layout_set.h"
#include "model/record.h"
#include "normalize/output_files.h"

namespace budgetpdf {

struct DocumentOutput {
    DocumentSummary summary;
    std::vector<Record> records;                  // sorted per SCHEMA.md
    std::vector<DocumentDiagnostic> diagnostics;  // in the order they arose
};

// Never throws. status: failed when the file cannot be read at all (error says why);
// partial when it was read but something in it could not be (a diagnostic of severity
// error: an unreadable amount, a page without a text layer); ok otherwise.
DocumentOutput process_document(const std::string& path, const LayoutSet& layouts);

// SCHEMA.md's `pipeline`: the converter's version and the layouts' fingerprint.
std::string pipeline_version(const LayoutSet& layouts);

}  // namespace budgetpdf
