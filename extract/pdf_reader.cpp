#include "extract/pdf_reader.h"

#include <algorithm>
#include <exception>
#include <string>

#include <PDFDoc.h>

#include "extract/ocr_routing.h"
#include "extract/pdf_geometry.h"
#include "extract/poppler_capture.h"
#include "extract/poppler_document.h"

namespace budgetpdf {
namespace {

constexpr int full_turn_degrees = 360;
// Pages that may hit a work limit before the rest of the document is skipped: each such
// page costs up to a few seconds, and a hostile file can repeat one on every page.
constexpr int max_pages_over_work_limit = 5;

// The text layer's state as a diagnostic: blank pages (info), pages without text (a scan,
// outlines) and pages whose text cannot be used (garbled). Whether OCR then reads the page
// is decided later (extract/ocr_reader); a page it reads loses this diagnostic.
void add_text_diagnostics(const Page& page, const PdfPageCapture& content, const TextLayerVerdict& verdict,
                          std::vector<Diagnostic>& out) {
    if (!content.stopped_early.empty()) {
        out.push_back({Severity::error, "page_too_complex", page.number, {},
                       "page content exceeds a work limit (" + content.stopped_early +
                           "); reading stopped there and the rest of the page is missing"});
    }
    switch (verdict.state) {
    case TextLayerState::blank:
        out.push_back({Severity::info, "blank_page", page.number, {}, "page prints no text and no image (at most a few lines)"});
        break;
    case TextLayerState::no_text:
    case TextLayerState::outlines:
        out.push_back({Severity::warning, "no_text_layer", page.number, {},
                       "page has no text layer (scanned or drawn as images): " + verdict.reason});
        break;
    case TextLayerState::unreadable:
    case TextLayerState::implausible:
        out.push_back({Severity::warning, "garbled_text", page.number, {}, verdict.reason});
        break;
    case TextLayerState::usable:
    case TextLayerState::mixed:
        break;
    }
}

}  // namespace

Result<PdfPages> read_pdf_pages(const std::string& path, const PageRange& range) {
    auto opened = open_pdf_document(path);
    if (!opened) return opened.error();
    PDFDoc& doc = *opened.value();

    PdfPages result;
    result.info.path = path;
    result.info.page_count = doc.getNumPages();
    const int last = range.last == 0 ? result.info.page_count : range.last;
    if (range.first < 1 || last < range.first || last > result.info.page_count) {
        return Error{ErrorKind::bad_argument, "page range " + std::to_string(range.first) + "-" +
                                                  std::to_string(last) + " is outside the document (1-" +
                                                  std::to_string(result.info.page_count) + ")"};
    }
    try {
        result.info.producer = pdf_producer(doc);
        result.pages.reserve(static_cast<std::size_t>(last - range.first + 1));
        int pages_over_limit = 0;
        for (int number = range.first; number <= last; ++number) {
            Page page;
            page.number = number;
            if (pages_over_limit >= max_pages_over_work_limit) {
                result.diagnostics.push_back({Severity::error, "page_too_complex", number, {},
                                              "page not read: " + std::to_string(pages_over_limit) +
                                                  " earlier pages exceeded a work limit"});
                result.pages.push_back(std::move(page));
                result.text_layers.push_back({TextLayerState::blank, "not read"});
                continue;
            }
            if (!doc.getPage(number)) {
                result.diagnostics.push_back({Severity::error, "unreadable_page", number, {},
                                              "page object is missing or damaged"});
                result.pages.push_back(std::move(page));
                result.text_layers.push_back({TextLayerState::blank, "not read"});
                continue;
            }
            CapturedPage captured = capture_pdf_page(doc, number);
            if (!captured.content.stopped_early.empty()) ++pages_over_limit;
            // Text running down or up the displayed page (a turned page, a sideways
            // landscape table) is turned to read left to right before spans are built.
            const int turn = upright_turn_degrees(captured.content.glyphs);
            turn_page_capture(captured.content, captured.width, captured.height, turn);
            page.width = captured.width;
            page.height = captured.height;
            page.rotation = (captured.rotation + turn) % full_turn_degrees;
            page.source = TextSource::text_layer;
            page.spans = build_text_spans(captured.content.glyphs, captured.content.codepoints,
                                          captured.content.rulings);
            page.rulings = std::move(captured.content.rulings);
            TextLayerVerdict verdict = assess_text_layer(captured.content, captured.width * captured.height);
            verdict.scan_ppi = captured.content.image_ppi;
            add_text_diagnostics(page, captured.content, verdict, result.diagnostics);
            result.text_layers.push_back(verdict);
            result.pages.push_back(std::move(page));
        }
    } catch (const std::exception& e) {
        return Error{ErrorKind::damaged, std::string("damaged PDF: ") + e.what()};
    }
    return result;
}

}  // namespace budgetpdf
