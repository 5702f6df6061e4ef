#pragma once
// Reads a born-digital PDF into upright pages of text spans and ruling lines: the crop box
// and /Rotate applied as a viewer shows the page, then turned by quarter turns when needed
// so that the page's main text reads left to right (see Page::rotation).
// The only public entry point to Poppler; no Poppler type leaves extract/.

#include <string>
#include <vector>

#include "extract/ocr_routing.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "model/page.h"
#include "model/result.h"

namespace budgetpdf {

struct PageRange {
    int first = 1;  // 1-based, inclusive
    int last = 0;   // 1-based, inclusive; 0 means the last page
};

struct PdfPages {
    DocumentInfo info;
    std::vector<Page> pages;               // the requested range, in order
    std::vector<Diagnostic> diagnostics;   // e.g. a page without a text layer
    std::vector<TextLayerVerdict> text_layers;  // one per page: can its text layer be used?
};

// Fails (never throws, never crashes) for: a missing/unreadable file, not a PDF,
// a damaged file Poppler cannot repair, an encrypted file without password, zero pages,
// or a range outside the document.
Result<PdfPages> read_pdf_pages(const std::string& path, const PageRange& range = {});

}  // namespace budgetpdf
