#pragma once
// Many documents into one set of output files. Documents are processed one at a time in
// order of file name and their rows appended as they finish, so memory stays that of one
// document and one bad file never stops the batch. One OCR session (one Tesseract engine,
// created on the first page that needs it) serves every document of the batch.

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "extract/ocr_reader.h"
#include "layouts/layout_set.h"
#include "model/record.h"
#include "model/result.h"

namespace budgetpdf {

struct BatchTotals {
    int documents = 0;
    int failed = 0;
    int partial = 0;
    int records = 0;
    int checks_total = 0;
    int checks_failed = 0;
};

// Called after each document, e.g. for progress on stderr.
using DocumentDone = std::function<void(const std::string& path, const DocumentSummary&)>;

// Writes records.csv, records.jsonl, documents.csv, documents.jsonl, diagnostics.csv and
// diagnostics.jsonl into out_dir (created if missing). Fails only when out_dir cannot be written.
// `ocr`: which pages are read by OCR and at what resolution (--ocr, --dpi).
Result<BatchTotals> run_batch_to_directory(std::vector<std::string> files, const LayoutSet& layouts,
                                           const std::string& out_dir, const DocumentDone& done = {},
                                           const OcrOptions& ocr = {});

// Streams records CSV to `out` (one header row); documents and diagnostics are not written.
BatchTotals run_batch_to_stream(std::vector<std::string> files, const LayoutSet& layouts,
                                std::ostream& out, const DocumentDone& done = {}, const OcrOptions& ocr = {});

}  // namespace budgetpdf
