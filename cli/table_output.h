#pragma once
// How `budgetpdf tables` prints what it found: a readable text grid or JSON.

#include <ostream>
#include <vector>

#include "model/document.h"

namespace budgetpdf {

void write_tables_text(std::ostream& out, const ExtractedDocument& document);
void write_tables_json(std::ostream& out, const ExtractedDocument& document);

}  // namespace budgetpdf
