#pragma once
// Why a file that could not be converted failed, said from its bytes: a converter's generic
// "damaged" or "no pages" becomes "truncated" (no %%EOF at the end) or "damaged xref"
// (startxref missing or pointing at nothing) when the file shows it. Reasons that are
// already specific (encrypted, not a PDF) are kept.

#include <string>

namespace budgetpdf {

std::string explain_failure(const std::string& path, const std::string& converter_error);

}  // namespace budgetpdf
