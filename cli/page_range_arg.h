#pragma once
// Parses a --pages argument: "5", "3-7", "3-" (to the end).

#include <optional>
#include <string>

#include "extract/pdf_reader.h"

namespace budgetpdf {

std::optional<PageRange> page_range_from_arg(const std::string& text);

}  // namespace budgetpdf
