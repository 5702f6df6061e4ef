#pragma once
// Extract stage of one document: pages from the PDF (pages whose text layer cannot be used
// read by OCR when an OCR session is given), then tables from the pages.

#include <string>

#include "extract/ocr_ordinals.h"
#include "extract/ocr_reader.h"
#include "extract/pdf_reader.h"
#include "model/document.h"
#include "model/result.h"

namespace budgetpdf {

// `ocr`: the worker's OCR session; null reads the text layer only (pages without usable text
// keep their no_text_layer / garbled_text diagnostics). `known_name`: the layouts' row names,
// which tell an OCR label's misread lead-in from its own first character (mend_ocr_ordinals).
Result<ExtractedDocument> extract_document(const std::string& path, const PageRange& range = {},
                                           OcrSession* ocr = nullptr, const KnownName& known_name = {});

}  // namespace budgetpdf
