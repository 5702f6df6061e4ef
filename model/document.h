#pragma once
// Everything the extract stage learned about one PDF.

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/page.h"
#include "model/table.h"

namespace budgetpdf {

struct DocumentInfo {
    std::string path;
    int page_count = 0;
    std::string producer;   // the PDF's /Producer or /Creator, for diagnostics
};

struct ExtractedDocument {
    DocumentInfo info;
    std::vector<Page> pages;          // the pages read (all, or the requested range)
    std::vector<Table> tables;        // logical tables, continued tables already joined
    std::vector<Diagnostic> diagnostics;
};

}  // namespace budgetpdf
