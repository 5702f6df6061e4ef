#pragma once
// Opening a PDF with Poppler: one-time library setup, silenced diagnostics and the
// mapping of Poppler's open errors to ErrorKind. Private to extract/: include it from
// extract/*.cpp only, since it exposes Poppler types.

#include <memory>
#include <string>

#include "model/result.h"

class PDFDoc;

namespace budgetpdf {

// Owns a PDFDoc; the deleter lives in the .cpp so callers need not see PDFDoc.h.
struct PdfDocDeleter {
    void operator()(PDFDoc* doc) const;
};
using PdfDocPtr = std::unique_ptr<PDFDoc, PdfDocDeleter>;

// Opens `path` and checks it has pages. Poppler is set up on first use (once per process)
// and its error messages are discarded, so nothing reaches stderr.
Result<PdfDocPtr> open_pdf_document(const std::string& path);

// The document's /Producer, or /Creator when there is none, as UTF-8 (empty if neither).
std::string pdf_producer(PDFDoc& doc);

}  // namespace budgetpdf
