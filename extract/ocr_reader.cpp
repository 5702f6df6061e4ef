// Pages routed to OCR, and cells read again.
//
// How it works: read_routed_pages opens the PDF once more with Poppler, and for each page the
// routing sends to OCR prepares the page image (extract/ocr_page) and reads its text lines
// with the session's one Tesseract engine, remembering how the page was turned and levelled;
// while cores are lent (SpareCores), helper threads with engines of their own read the pages
// after it, each page's reading put in its place.
// reread_cells uses the prepared page kept from that reading (within a memory budget) or
// prepares it again with the same turn and skew, so a cell's box in points lands on the same
// pixels, and reads the cell's ink in several ways: the grey image (no binarisation) at 1× and
// 1.5×, the binarised ink at 2×, and the first reading with each uncertain character replaced
// by the recogniser's alternatives at that place.
#include "extract/ocr_reader.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <PDFDoc.h>

#include "extract/ocr_page.h"
#include "extract/poppler_document.h"
#include "extract/tesseract_adapter.h"

namespace budgetpdf {
namespace {

constexpr double min_alternative_probability = 0.02;  // per-character alternatives considered
constexpr std::size_t max_alternative_readings = 12;
constexpr double unsure_symbol_confidence = 0.95;  // a character read less surely may be left out
constexpr int cell_inset_px = 3;                       // keeps a cell's borders out of its ink box
constexpr double reread_pad_share = 0.3;
constexpr int min_reread_pad_px = 4;
constexpr double min_scan_dpi = 150;     // scans below this are rendered at the OCR resolution anyway
constexpr double mixed_check_dpi = 100;  // enough to see lines of text in a page's images
constexpr int min_uncovered_lines = 8;   // a mixed page goes to OCR when its images hold this many
// Prepared page images kept for re-reads (about 11 MB per A4 page at 300 dpi), so a page whose
// amounts fail their identities is not rendered and prepared twice; pages beyond it are.
constexpr std::size_t max_kept_bytes = std::size_t{160} << 20;

struct Variant {
    const char* how;
    bool grey;
    double scale;
};
constexpr Variant reread_variants[] = {
    {"grey", true, 1.0},
    {"grey ×1.5", true, 1.5},
    {"binary ×2", false, 2.0},
    {"binary ×0.75", false, 0.75},
};
constexpr std::size_t likeliest_variants = 1;  // of reread_variants, in RereadWays::likeliest

void add_reading(std::vector<CellReading>& out, std::string text, double confidence, std::string how) {
    if (text.empty()) return;
    for (CellReading& r : out)
        if (r.text == text) {
            if (confidence > r.confidence) r = {std::move(text), confidence, std::move(how)};  // the surer way to read it
            return;
        }
    out.push_back({std::move(text), confidence, std::move(how)});
}

// The first reading with one uncertain character at a time replaced by an alternative, or
// left out (the recogniser's lines sometimes end in a digit the page does not print: 154.25
// read 154.259, the 9 at 0.89).
void add_alternatives(const OcrLine& line, std::vector<CellReading>& out) {
    // The line with character i replaced.
    const auto with = [&](std::size_t i, const std::string& replacement) {
        std::string text;
        for (std::size_t k = 0; k < line.symbols.size(); ++k) text += k == i ? replacement : line.symbols[k].text;
        return text;
    };
    std::vector<std::pair<double, CellReading>> found;
    for (std::size_t i = 0; i < line.symbols.size(); ++i) {
        if (line.symbols[i].confidence < unsure_symbol_confidence && line.symbols.size() > 1) {
            const double doubt = 1.0 - line.symbols[i].confidence;
            found.push_back({doubt, {with(i, ""), line.confidence, "character " + std::to_string(i + 1) + " left out"}});
        }
        for (const auto& [alt, probability] : line.symbols[i].alternatives) {
            if (alt == line.symbols[i].text || probability < min_alternative_probability) continue;
            found.push_back({probability, {with(i, alt), probability, "alternative for character " + std::to_string(i + 1)}});
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; k < found.size() && k < max_alternative_readings; ++k)
        add_reading(out, found[k].second.text, found[k].second.confidence, found[k].second.how);
}

// A page the routing sends to OCR, and what reading it gave: the OCR page and how its image
// was prepared, or the diagnostic saying why it was not read.
struct RoutedPage {
    const Page* page;
    const TextLayerVerdict* verdict;
    int pdf_rotation;
};
struct PageReading {
    Page page;
    std::optional<OcrPageGeometry> geometry;
    std::optional<Diagnostic> not_read;
};

// Reads one routed page; its prepared image goes to `keep` (kept for re-reads, or dropped).
template <typename Keep>
PageReading read_routed_page(PDFDoc& doc, const RoutedPage& routed, double ocr_dpi, TesseractEngine& engine,
                             const Keep& keep) {
    PageReading reading;
    const Page& page = *routed.page;
    const TextLayerVerdict& verdict = *routed.verdict;
    // A mixed page keeps its text layer; OCR adds what only the images hold, read in the
    // text layer's own geometry (its turn, no deskew) so the two line up.
    const bool mixed = verdict.state == TextLayerState::mixed;
    OcrPageGeometry text_geometry;
    text_geometry.turn_degrees = ((page.rotation - routed.pdf_rotation) % 360 + 360) % 360;
    if (mixed) {
        const int uncovered = uncovered_text_lines(doc, page.number, mixed_check_dpi, text_geometry.turn_degrees, page.spans);
        if (uncovered < min_uncovered_lines) {
            reading.not_read = Diagnostic{Severity::info, "ocr_skipped", page.number, {},
                                          "kept on its text layer: " + verdict.reason + ", but the images hold only " +
                                              std::to_string(uncovered) + " lines of text the text layer lacks"};
            return reading;
        }
    }
    // A scan is never rendered above its own resolution: upsampling adds no detail, only
    // the interpolation's staircase edges, which the threshold turns into specks.
    const double dpi = verdict.scan_ppi >= min_scan_dpi ? std::min(ocr_dpi, verdict.scan_ppi) : ocr_dpi;
    std::optional<PreparedPage> prepared = prepare_page(doc, page.number, dpi, engine, mixed ? &text_geometry : nullptr);
    if (!prepared) {
        reading.not_read = Diagnostic{Severity::error, "ocr_failed", page.number, {}, "page could not be rendered for OCR"};
        return reading;
    }
    reading.page = page_from_prepared(*prepared, engine, page.number, routed.pdf_rotation);
    reading.geometry = prepared->geometry;
    keep(page.number, std::move(*prepared));
    return reading;
}

}  // namespace

struct OcrSession::Impl {
    OcrOptions options;
    std::unique_ptr<TesseractEngine> engine;
    std::string engine_error;
    bool engine_tried = false;
    std::string path;                          // the document the geometries belong to
    std::map<int, OcrPageGeometry> geometries;  // page number → how it was prepared
    std::map<int, PreparedPage> kept;           // prepared pages kept for re-reads, within max_kept_bytes
    std::size_t kept_bytes = 0;
    std::mutex keeping;  // pages read on helper threads are kept as they are read
    SpareCores spare;
    std::vector<std::unique_ptr<TesseractEngine>> helper_engines;  // one per helper thread, made on the first loan

    void forget_pages() {
        geometries.clear();
        kept.clear();
        kept_bytes = 0;
    }
    void keep(int page_number, PreparedPage prepared) {
        std::lock_guard<std::mutex> one_at_a_time(keeping);
        const std::size_t bytes = prepared_page_bytes(prepared);
        if (kept_bytes + bytes > max_kept_bytes) return;
        kept_bytes += bytes;
        kept.insert_or_assign(page_number, std::move(prepared));
    }

    TesseractEngine* engine_or_null() {
        if (!engine_tried) {
            engine_tried = true;
            engine = TesseractEngine::create(options.languages, engine_error);
        }
        return engine.get();
    }

    // The pages read in order on this thread, and by a helper thread for each core lent while
    // pages are left; each page's reading in its place, whoever read it.
    std::vector<PageReading> read_pages(PDFDoc& doc, const std::vector<RoutedPage>& pages) {
        std::vector<PageReading> readings(pages.size());
        std::atomic<std::size_t> next{0};
        const auto keep_page = [this](int number, PreparedPage prepared) { keep(number, std::move(prepared)); };
        auto read_from = [&](TesseractEngine& reader) {
            for (std::size_t k; (k = next++) < pages.size();)
                readings[k] = read_routed_page(doc, pages[k], options.dpi, reader, keep_page);
        };
        std::vector<std::thread> helpers;
        for (std::size_t k; (k = next++) < pages.size();) {
            // Helper engines are made here, one thread at a time: Tesseract's set-up writes
            // process-wide settings.
            while (pages.size() - k > 1 && spare.take && spare.take()) {
                const std::size_t h = helpers.size();
                if (h == helper_engines.size()) {
                    std::string error;
                    helper_engines.push_back(TesseractEngine::create(options.languages, error));
                }
                if (!helper_engines[h]) {
                    spare.give_back();
                    break;
                }
                TesseractEngine* reader = helper_engines[h].get();
                helpers.emplace_back([&, reader] {
                    read_from(*reader);
                    spare.give_back();
                });
            }
            readings[k] = read_routed_page(doc, pages[k], options.dpi, *engine, keep_page);
        }
        for (std::thread& helper : helpers) helper.join();
        return readings;
    }
};

OcrSession::OcrSession(OcrOptions options) : impl_(std::make_unique<Impl>()) { impl_->options = std::move(options); }
OcrSession::~OcrSession() = default;

const OcrOptions& OcrSession::options() const { return impl_->options; }

void OcrSession::lend_cores(SpareCores cores) { impl_->spare = std::move(cores); }

int OcrSession::read_routed_pages(const std::string& path, PdfPages& pdf) {
    impl_->path = path;
    impl_->forget_pages();
    std::vector<std::size_t> routed;
    for (std::size_t i = 0; i < pdf.pages.size() && i < pdf.text_layers.size(); ++i)
        if (routes_to_ocr(pdf.text_layers[i].state, impl_->options.mode)) routed.push_back(i);
    if (routed.empty()) return 0;

    TesseractEngine* engine = impl_->engine_or_null();
    auto opened = engine ? open_pdf_document(path) : Result<PdfDocPtr>(Error{ErrorKind::io, impl_->engine_error});
    if (!engine || !opened) {
        pdf.diagnostics.push_back({Severity::error, "ocr_unavailable", 0, {},
                                   (engine ? opened.error().message : impl_->engine_error) + "; " +
                                       std::to_string(routed.size()) + " pages not read by OCR"});
        return 0;
    }
    std::vector<RoutedPage> pages;
    for (std::size_t i : routed)
        pages.push_back({&pdf.pages[i], &pdf.text_layers[i], opened.value()->getPageRotate(pdf.pages[i].number)});
    std::vector<PageReading> readings = impl_->read_pages(*opened.value(), pages);

    int read = 0;
    std::set<int> read_pages;
    for (std::size_t k = 0; k < pages.size(); ++k) {
        Page& page = pdf.pages[routed[k]];
        PageReading& reading = readings[k];
        if (reading.not_read) {
            pdf.diagnostics.push_back(std::move(*reading.not_read));
            continue;
        }
        impl_->geometries[page.number] = *reading.geometry;
        const OcrPageGeometry geometry = *reading.geometry;
        const TextLayerVerdict& verdict = *pages[k].verdict;
        if (verdict.state == TextLayerState::mixed)
            merge_ocr_into_text_page(page, std::move(reading.page));
        else
            page = std::move(reading.page);
        ++read;
        read_pages.insert(page.number);
        std::string why = verdict.state == TextLayerState::usable ? std::string("OCR requested for every page")
                                                                   : verdict.reason;
        std::string how = "turned " + std::to_string(geometry.turn_degrees) + "°, deskewed " +
                          std::to_string(geometry.skew_degrees).substr(0, 5) + "°";
        pdf.diagnostics.push_back({Severity::info, "ocr_page", page.number, {},
                                   "read by OCR (" + std::string(text_layer_state_name(verdict.state)) + ": " + why +
                                       "; " + how + ", " + std::to_string(page.spans.size()) + " text lines)"});
    }
    std::erase_if(pdf.diagnostics, [&](const Diagnostic& d) {
        return read_pages.count(d.page) && (d.kind == "no_text_layer" || d.kind == "garbled_text");
    });
    return read;
}

std::vector<std::vector<CellReading>> OcrSession::reread_cells(const std::string& path, int page_number,
                                                               const std::vector<Rect>& boxes, RereadWays ways,
                                                               RereadText text) {
    const OcrCharset charset = text == RereadText::amounts ? OcrCharset::digits : OcrCharset::any;
    std::vector<std::vector<CellReading>> out(boxes.size());
    auto known = impl_->geometries.find(page_number);
    if (path != impl_->path || known == impl_->geometries.end()) return out;
    TesseractEngine* engine = impl_->engine_or_null();
    if (!engine) return out;
    std::optional<PreparedPage> again;  // prepared once more when it was not kept
    const PreparedPage* prepared = nullptr;
    if (auto kept = impl_->kept.find(page_number); kept != impl_->kept.end()) {
        prepared = &kept->second;
    } else {
        auto opened = open_pdf_document(path);
        if (!opened) return out;
        again = prepare_page(*opened.value(), page_number, known->second.dpi, *engine, &known->second);
        if (!again) return out;
        prepared = &*again;
    }
    const double dpi = prepared->geometry.dpi;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        PixelBox cell = pixels_from_points(boxes[i], dpi);
        cell = {cell.x + cell_inset_px, cell.y + cell_inset_px, cell.w - 2 * cell_inset_px, cell.h - 2 * cell_inset_px};
        if (cell.w <= 0 || cell.h <= 0) continue;
        std::optional<PixelBox> ink = ink_box(prepared->text.get(), cell);
        if (!ink) continue;
        const int pad = std::max(min_reread_pad_px, static_cast<int>(ink->h * reread_pad_share));
        PixPtr first_crop = ways == RereadWays::others ? nullptr : crop_for_reading(prepared->text.get(), *ink, pad, 1.0);
        if (first_crop) {
            OcrLine first = engine->read_line(first_crop.get(), dpi, charset, true);
            add_reading(out[i], first.text, first.confidence, "binary");
            add_alternatives(first, out[i]);
        }
        for (std::size_t n = 0; n < std::size(reread_variants); ++n) {
            if ((ways == RereadWays::likeliest && n >= likeliest_variants) || (ways == RereadWays::others && n < likeliest_variants))
                continue;
            const Variant& v = reread_variants[n];
            PixPtr crop = v.grey ? grey_crop_without_lines(prepared->grey.get(), prepared->binary.get(),
                                                           prepared->text.get(), *ink, pad, v.scale)
                                 : crop_for_reading(prepared->text.get(), *ink, pad, v.scale);
            if (!crop) continue;
            OcrLine line = engine->read_line(crop.get(), dpi * v.scale, charset);
            add_reading(out[i], line.text, line.confidence, v.how);
        }
    }
    return out;
}

}  // namespace budgetpdf
