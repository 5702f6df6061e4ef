#pragma once
// Text helpers shared by the table finder: UTF-8 code points, CJK-aware joining of
// pieces of text, amount/code recognition, and grouping spans into printed lines.

#include <string>
#include <string_view>
#include <vector>

#include "model/geometry.h"
#include "model/page.h"

namespace budgetpdf {

// True for CJK ideographs, kana, CJK punctuation and full-width forms.
bool is_cjk_code_point(char32_t c);

// Joins two pieces of text: nothing between two CJK characters, one space otherwise.
void append_joined(std::string& out, std::string_view piece);

// Removes white space that sits between two CJK characters and trims the ends.
std::string squeeze_cjk_spaces(std::string_view text);

// The text without any white space (ASCII and ideographic spaces, tabs): how printed
// words are compared when their spacing differs (项    目 and 项目).
std::string without_spaces(std::string_view text);

// 1,234.56 / -12.00 / 0 / 12.5% / (3.00): a printed number.
bool is_amount_text(std::string_view text);
// A classification code: 3, 5 or 7 digits, or the 2-digit 款/项 part of a split code.
bool is_code_text(std::string_view text);
// An amount or a code.
bool is_numeric_text(std::string_view text);

// True when `next_text`, printed under `line_text` in one cell `cell_width` wide, continues a
// number or code cut by the cell's width (17.14880 / 0, 11000022T00 / 0000457212-…):
// `line_text` is one run of Latin characters ending in a digit, `next_text` starts with a
// digit, and the room `line_text` (`line_width` wide) leaves in the cell is less than
// wrap_room_advances of its glyphs. Two values stacked in one cell leave more room.
bool continues_cut_number(std::string_view line_text, double line_width, std::string_view next_text,
                          double cell_width);

// A printed line: spans sharing a baseline band, left to right.
struct TextLine {
    std::vector<int> spans;  // indexes into the page's spans, sorted by x
    Rect bbox;
    double font_size = 0;    // largest span font size
    std::string text;        // spans joined (CJK-aware), spaces between CJK removed
};

// Groups the given spans (indexes into `spans`) into lines, top to bottom.
std::vector<TextLine> group_lines(const std::vector<TextSpan>& spans, std::vector<int> indexes);

}  // namespace budgetpdf
