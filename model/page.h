#pragma once
// One page as the extractor sees it: positioned text and ruling lines, nothing else.
// Produced by extract/ from a PDF text layer (and, later, from OCR), consumed by the
// table finder. All coordinates: PDF points, origin top-left of the upright page.

#include <string>
#include <vector>

#include "model/geometry.h"

namespace budgetpdf {

enum class TextSource { text_layer, ocr };

// A run of glyphs on one baseline with no wide gap inside it. A span never crosses a
// vertical ruling line: the extractor splits runs where a cell border passes between
// two glyphs, so a span always belongs to at most one table cell.
struct TextSpan {
    std::string text;         // UTF-8, as mapped by the font's ToUnicode (or OCR)
    Rect bbox;                // glyph boxes' union
    double font_size = 0;     // in points, after the text matrix is applied
    double confidence = 1.0;  // 1 for a text layer; the recogniser's value for OCR
    TextSource source = TextSource::text_layer;
};

enum class Orientation { horizontal, vertical };

// A straight line segment that can act as a table border: a stroked path segment or a
// thin filled rectangle (Excel and WPS draw borders as fills). For a horizontal ruling
// from.y == to.y and from.x < to.x; for a vertical one from.x == to.x and from.y < to.y.
struct Ruling {
    Orientation orientation = Orientation::horizontal;
    Point from;
    Point to;
    double width = 0;  // line thickness in points

    double position() const { return orientation == Orientation::horizontal ? from.y : from.x; }
    double start() const { return orientation == Orientation::horizontal ? from.x : from.y; }
    double end() const { return orientation == Orientation::horizontal ? to.x : to.y; }
    double length() const { return end() - start(); }
};

struct Page {
    int number = 0;        // 1-based page number in the document
    double width = 0;      // upright page size in points (after /Rotate and crop box)
    double height = 0;
    // Clockwise degrees (0/90/180/270) by which the coordinates are turned from the PDF's
    // unrotated page space (crop box, origin top-left): the page's /Rotate plus the turn
    // the extractor adds so the main text reads left to right. A portrait page turned by
    // /Rotate 90 whose text then runs down the viewer comes back to 0; a landscape table
    // drawn sideways on a portrait page without /Rotate gives 90 or 270.
    int rotation = 0;
    TextSource source = TextSource::text_layer;
    std::vector<TextSpan> spans;   // in reading order: top to bottom, then left to right
    std::vector<Ruling> rulings;
};

}  // namespace budgetpdf
