#include "pipeline/extract_document.h"

#include <utility>

#include "extract/ocr_ordinals.h"
#include "extract/table_finder.h"

namespace budgetpdf {

Result<ExtractedDocument> extract_document(const std::string& path, const PageRange& range, OcrSession* ocr,
                                           const KnownName& known_name) {
    Result<PdfPages> read = read_pdf_pages(path, range);
    if (!read) return read.error();
    PdfPages& pdf = read.value();
    if (ocr) ocr->read_routed_pages(path, pdf);
    ExtractedDocument document;
    document.info = std::move(pdf.info);
    document.pages = std::move(pdf.pages);
    document.diagnostics = std::move(pdf.diagnostics);
    document.tables = find_tables(document.pages, TableFinderOptions{}, document.diagnostics);
    for (Table& table : document.tables) mend_ocr_ordinals(table, document.diagnostics, known_name);
    return document;
}

}  // namespace budgetpdf
