#pragma once
// Amount cells on OCR pages that read as no amount ('N 367': a stroke of a seal beside the
// figures) are read again; a reading the identities confirm becomes the cell's amount.

#include <string>
#include <vector>

#include "extract/ocr_reader.h"
#include "model/diagnostic.h"
#include "model/page.h"
#include "model/reading.h"
#include "model/record.h"
#include "normalize/metadata.h"

namespace budgetpdf {

// Each unreadable amount of a page read by OCR is read again with the digits-only charset
// (OcrSession::reread_cells). A reading that parses is taken only when the identities confirm
// it: its amount takes part in an identity, every identity of it holds, and no more
// identities fail in the document than without it. Taken, it becomes the cell's text in `readings` (confidence capped as a re-read
// amount's), `records` are rebuilt from the readings, and its unreadable_amount error gives
// way to an info `ocr_reread` diagnostic naming both readings. Otherwise nothing changes: a
// number the identities do not confirm is never invented for a cell.
void recover_unreadable_ocr_amounts(const std::string& path, const DocumentMeta& meta, const std::vector<Page>& pages,
                                    std::vector<TableReading>& readings, std::vector<Record>& records,
                                    std::vector<Diagnostic>& diagnostics, OcrSession& ocr);

}  // namespace budgetpdf
