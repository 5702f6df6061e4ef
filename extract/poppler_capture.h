#pragma once
// Runs Poppler's content-stream interpreter over one page with an output device that
// records glyphs and vector rulings instead of drawing. Private to extract/.

#include "extract/pdf_geometry.h"

class PDFDoc;

namespace budgetpdf {

struct CapturedPage {
    double width = 0;    // displayed size in points (crop box, /Rotate applied)
    double height = 0;
    int rotation = 0;    // the page's /Rotate
    PdfPageCapture content;
};

// `page_number` is 1-based and must exist in `doc`.
CapturedPage capture_pdf_page(PDFDoc& doc, int page_number);

}  // namespace budgetpdf
