#pragma once
// The OCR path's public face: pages whose text layer cannot be used (extract/ocr_routing)
// are rendered and read by Leptonica + Tesseract into the same Page values the text layer
// gives, and single cells can be read again when the identity checks doubt them. No
// Tesseract, Leptonica or Poppler type leaves extract/.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "extract/ocr_routing.h"
#include "extract/pdf_reader.h"
#include "model/geometry.h"

namespace budgetpdf {

struct OcrOptions {
    OcrMode mode = OcrMode::automatic;
    double dpi = 300;                       // rendering resolution of the pages read by OCR
    std::string languages = "chi_sim";  // Tesseract language data (its character set includes Latin and digits)
};

// One reading of a cell's text, e.g. from another preprocessing or scale.
struct CellReading {
    std::string text;
    double confidence = 0;  // 0..1, Tesseract's score of the least sure character
    std::string how;        // which re-reading gave it, e.g. "grey ×1.5"
};

// Cores lent to a session for a while (a batch's idle workers' share once no document is left
// to start): take() is true when one was granted, give_back() returns it.
struct SpareCores {
    std::function<bool()> take;
    std::function<void()> give_back;
};

// Which re-readings reread_cells makes: the two that most often read an amount right (the
// binarised ink, with the recogniser's per-character alternatives, and the grey page), the
// others (grey ×1.5, binarised ×2 and ×0.75), or all of them, in that order.
enum class RereadWays { likeliest, others, all };

// What the cells re-read print: amounts (read with digits and separators only) or any text
// (a header).
enum class RereadText { amounts, any };

// One per worker: holds the Tesseract engine, created on the first page that needs it and
// reused for every page and document after, and how the pages of the document read last were
// turned and straightened (for re-reading their cells). Not thread-safe.
class OcrSession {
public:
    explicit OcrSession(OcrOptions options = {});
    ~OcrSession();
    OcrSession(const OcrSession&) = delete;
    OcrSession& operator=(const OcrSession&) = delete;

    const OcrOptions& options() const;

    // Cores the next read_routed_pages may use beside its own: while a page is left to read
    // and one is granted, a helper thread (its own Tesseract engine, kept for later documents)
    // reads pages too. The pages read are the same whichever thread reads them.
    void lend_cores(SpareCores cores);

    // Reads by OCR every page of `pdf` (read from `path`) that the options route there: the
    // page is replaced by its OCR reading (Page::source ocr), its no_text_layer / garbled_text
    // diagnostic by an info `ocr_page` naming why it was read by OCR. Returns the number of
    // pages read. When the OCR engine cannot start, the pages stay as they were and an error
    // diagnostic `ocr_unavailable` says why.
    int read_routed_pages(const std::string& path, PdfPages& pdf);

    // Reads the cells `boxes` (points, on page `page_number` as read_routed_pages left it) of a
    // page it read before, again in several ways (other binarisation, other scales, the
    // recogniser's per-character alternatives), as amounts (digits and separators) or as any
    // text. One list per box, each without repeats of the same text; empty when the page
    // cannot be read again.
    std::vector<std::vector<CellReading>> reread_cells(const std::string& path, int page_number,
                                                       const std::vector<Rect>& boxes,
                                                       RereadWays ways = RereadWays::all,
                                                       RereadText text = RereadText::amounts);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace budgetpdf
