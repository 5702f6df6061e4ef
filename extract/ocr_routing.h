#pragma once
// Whether a page's text layer can be used, or the page must be read by OCR. Pure logic on
// what the Poppler capture counted; no PDF or OCR library involved.

#include <string>

#include "extract/pdf_geometry.h"

namespace budgetpdf {

enum class OcrMode {
    automatic,  // OCR the pages whose text layer is unusable
    always,     // OCR every page that prints anything
    never,      // never OCR: unusable pages are only reported
};

enum class TextLayerState {
    usable,       // readable, plausible text
    blank,        // nothing printed but a few lines
    no_text,      // images and no text at all (a scan)
    outlines,     // no text but many path points (glyphs drawn as outlines)
    unreadable,   // most glyphs have no usable Unicode (unmapped, U+FFFD, private use)
    implausible,  // the glyphs decode, but not to plausible Chinese or Latin text
    mixed,        // a little text over images covering most of the page (a scan with a stamp of text)
};

struct TextLayerVerdict {
    TextLayerState state = TextLayerState::usable;
    std::string reason;  // one line for people, e.g. "312 of 320 glyphs have no usable Unicode"
    double scan_ppi = 0; // resolution of the page's largest image, 0 without images
};

// `page_area_pt2`: the page's area in square points.
TextLayerVerdict assess_text_layer(const PdfPageCapture& capture, double page_area_pt2);

// Whether a page in this state goes to OCR under `mode`.
bool routes_to_ocr(TextLayerState state, OcrMode mode);

// Of the ideographs in `codepoints`, the share that the common Chinese character set
// (GB 2312) holds: near 1 for real text, near a third for glyph ids mistaken for Unicode.
// 1 when there are no ideographs.
double common_ideograph_share(const std::vector<char32_t>& codepoints);

const char* text_layer_state_name(TextLayerState state);

}  // namespace budgetpdf
