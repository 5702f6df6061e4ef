#pragma once
// All stages for one document, with its failure isolated: whatever goes wrong, the
// result is a DocumentSummary (status ok, partial or failed) plus what could be read.

#include <string>
#include <vector>

#include "extract/ocr_reader.h"
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

// The same with the worker's OCR session (its options: --ocr auto|always|never, --dpi): the
// session's Tesseract engine is created once and reused for every document of the worker.
// The two-argument form uses a session of its own with the default options (auto, 300 dpi).
DocumentOutput process_document(const std::string& path, const LayoutSet& layouts, OcrSession& ocr);

// SCHEMA.md's `pipeline`: the converter's version and the layouts' fingerprint.
std::string pipeline_version(const LayoutSet& layouts);

}  // namespace budgetpdf
