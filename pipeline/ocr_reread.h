#pragma once
// Identities against OCR errors: the checks run, and an amount read by OCR that breaks an
// identity is read again; what is still wrong is flagged with the value the identities imply.

#include <string>
#include <vector>

#include "extract/ocr_reader.h"
#include "model/diagnostic.h"
#include "model/page.h"
#include "model/reading.h"
#include "model/record.h"
#include "normalize/checks.h"

namespace budgetpdf {

inline constexpr double min_reread_confidence = 0.3;    // weaker re-readings (rare alternatives) are not tried
inline constexpr double reread_text_confidence = 0.85;  // cap for an amount taken from a second reading

// A cell to read again: its page and its box there.
struct CellOnPage {
    int page = 0;
    Rect box;
};

// Each cell read again (OcrSession::reread_cells, one call per page), in the order given: the
// readings that parse or not, most confident first; none where the page cannot be read again.
std::vector<std::vector<CellReading>> reread_cells_on_pages(const std::string& path,
                                                            const std::vector<CellOnPage>& cells, OcrSession& ocr,
                                                            RereadWays ways = RereadWays::all,
                                                            RereadText text = RereadText::amounts);

// Readings, most confident first (ties keep their order).
void likeliest_first(std::vector<CellReading>& readings);

// Where an OCR amount was read, for diagnostics: "'title' p3 row 2 (label), measure label".
std::string describe_ocr_cell(const Record& record);

// Sets method = ocr on the records read by OCR: those on pages read by OCR whose cell holds
// OCR text (on a mixed page, cells of the text layer stay method text).
void mark_ocr_records(std::vector<Record>& records, const std::vector<Page>& pages);

// check_identities, with OCR amounts that break an identity read again (OcrSession::reread_cells):
// a re-reading is taken only when it makes every identity of its amount hold and fewer
// identities fail in the document, and an info diagnostic `ocr_reread` names both readings.
// An OCR amount still in a failing identity stays as read, with check mismatch and its text
// confidence lowered, and a warning `ocr_mismatch` naming the value the identities imply when
// one value of that amount makes them all hold. `readings` and `records` are updated in place;
// the returned summary and the diagnostics appended are those of the final check.
CheckSummary check_with_ocr_rereads(const std::string& path, std::vector<TableReading>& readings,
                                    std::vector<Record>& records, std::vector<Diagnostic>& diagnostics,
                                    OcrSession* ocr);

}  // namespace budgetpdf
