#pragma once
// Renders one PDF page to pixels for the OCR path. Private to extract/ (takes a PDFDoc).

#include <optional>

#include "extract/raster_image.h"

class PDFDoc;

namespace budgetpdf {

// The page as a viewer shows it (crop box, /Rotate) turned clockwise by `extra_turn_degrees`
// more, at `dpi`, on white paper; nothing when Poppler cannot render it. Safe to call from
// several threads on one document (they render one at a time).
std::optional<RgbImage> render_page_rgb(PDFDoc& doc, int page_number, double dpi, int extra_turn_degrees = 0);

}  // namespace budgetpdf
