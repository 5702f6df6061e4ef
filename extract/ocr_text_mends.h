#pragma once
// Characters Tesseract reads for others in a line of a table's print, put back where the line
// itself shows what was printed: a label's colon, thousands separators, a parenthesis.

#include <string>

namespace budgetpdf {

// Digits, points, commas and minus signs only (1,977.12; -3.00): a number as OCR prints it.
bool is_plain_number(const std::string& text);

// A label's colon read as a semicolon (金额单位;元 → 金额单位：元).
std::string label_colon_restored(const std::string& text);

// Thousands separators read as points (1.977.12 → 1,977.12).
std::string thousands_separators_restored(const std::string& text);

// A parenthesis read as an angle bracket: 〈 < 《 ＜ closed by ) or ） is the opening one
// ((第五批)〈省级配套) → (第五批)(省级配套)); 〉 > 》 ＞ closing ( or （ is the closing one.
// Brackets paired with their own kind (《预算法》) stay.
std::string parentheses_restored(const std::string& text);

// All of the above, for a line read by OCR.
std::string ocr_text_mended(const std::string& text);

}  // namespace budgetpdf
