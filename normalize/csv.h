#pragma once
// RFC 4180 CSV as the outputs use it: UTF-8 without BOM, `\n` line ends, a field is
// quoted when it contains `,`, `"`, CR or LF (or is the only, empty field of a row), and
// quotes inside are doubled. The reader accepts what the writer writes, plus CRLF ends.

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace budgetpdf {

using CsvRow = std::vector<std::string>;

// One field, quoted if needed.
std::string csv_field(std::string_view value);

// One row with its `\n`.
void write_csv_row(std::ostream& out, const CsvRow& row);

// All rows of a CSV text; nullopt when a quoted field is never closed or a quote is
// followed by something other than a quote, comma or line end.
std::optional<std::vector<CsvRow>> read_csv(std::string_view text);

}  // namespace budgetpdf
