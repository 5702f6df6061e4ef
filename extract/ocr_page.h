#pragma once
// One page through the raster path: render, seal removal, orientation, deskew, binarisation,
// ruling lines, text lines, and each text line read by Tesseract. Private to extract/.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/leptonica_page.h"
#include "extract/tesseract_adapter.h"
#include "model/geometry.h"
#include "model/page.h"

class PDFDoc;

namespace budgetpdf {

// How the page image was turned and straightened: enough to find a place on the page again.
struct OcrPageGeometry {
    double dpi = 300;
    int turn_degrees = 0;     // clockwise, after the page's /Rotate
    double skew_degrees = 0;  // the rotation that levelled the text
};

// The page image as prepared for reading.
struct PreparedPage {
    OcrPageGeometry geometry;
    PixPtr grey;    // turned and deskewed, seals removed
    PixPtr binary;  // binarised grey
    PixPtr text;    // binary without the ruling lines
    std::vector<PixelLine> lines;
    // Text lines already read as the page's reading reads them (the orientation check's sample
    // lines, when the page stayed as it was), with what Tesseract read: not read again.
    std::vector<std::pair<PixelBox, OcrLine>> first_reads;
};

// Bytes the images of a prepared page hold.
std::size_t prepared_page_bytes(const PreparedPage& page);

// Renders and prepares page `number` (1-based). With `known`, its turn and skew are used as
// they are instead of being measured again (re-reading cells of a page read before).
std::optional<PreparedPage> prepare_page(PDFDoc& doc, int number, double dpi, TesseractEngine& engine,
                                         const OcrPageGeometry* known = nullptr);

// The page's text lines read into spans (source ocr, Tesseract's confidence) and its ruling
// lines, in points of the prepared image (origin top-left). `pdf_rotation` is the page's
// /Rotate.
Page page_from_prepared(const PreparedPage& prepared, TesseractEngine& engine, int number, int pdf_rotation);

// Text lines on page `number` (rendered at `dpi`, turned clockwise by `turn_degrees` after
// its /Rotate) that none of `spans` covers: the print of a mixed page that only OCR can read.
int uncovered_text_lines(PDFDoc& doc, int number, double dpi, int turn_degrees, const std::vector<TextSpan>& spans);

// `text` (the page's text layer) with the OCR reading `ocr` of the same page added where the
// text layer has nothing: OCR spans whose centre no text span covers, and the OCR rulings.
void merge_ocr_into_text_page(Page& text, Page ocr);

// Points ↔ pixels of a prepared page.
double points_from_pixels(double px, double dpi);
PixelBox pixels_from_points(const Rect& r, double dpi);

// Length (in characters) of the marks a flat 一 or a 、 is misread as (A N n V W M / \\ |) that an
// OCR label starts with before its Chinese text; 0 when it starts otherwise or they are more
// than three. Other Latin letters (IT运维费, e镇) are the label's own.
std::size_t junk_lead_length(const std::u32string& text);

// Whether a line's text is an amount or a code as read (digits with separators, a few
// look-alike letters at most): such lines are read again with the digits-only charset.
bool looks_numeric(const std::string& text);

}  // namespace budgetpdf
