#pragma once
// Extract stage of one document: pages from the PDF, then tables from the pages.

#include <string>

#include "extract/pdf_reader.h"
#include "model/document.h"
#include "model/result.h"

namespace budgetpdf {

Result<ExtractedDocument> extract_document(const std::string& path, const PageRange& range = {});

}  // namespace budgetpdf
