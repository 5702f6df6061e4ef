#pragma once
// Text helpers for matching printed labels against layout vocabulary. Inputs are
// already NFKC-normalised by normalize/, but these helpers stay tolerant of leftover
// spaces, full-width punctuation and quotes.

#include <optional>
#include <string>
#include <vector>

namespace budgetpdf {

// Comparison key: whitespace, quotes and "*" removed, full-width （）：/ mapped to ASCII,
// circled digits mapped to plain digits.
std::string match_key(const std::string& text);

// match_key after removing a leading ordinal: 一、 （一） (1) 1. 1、 ① and a trailing
// "(类)" / "(款)" / "(项)".
std::string label_key(const std::string& text);

// Rank of a leading ordinal: 一、 → 1, （一） → 2, 1. / 1、 → 3, （1） → 4, ① → 5; 0 when none.
int ordinal_rank(const std::string& text);

// match_key with each run of four digits replaced by YYYY, so "2026年合计" matches the
// alias "YYYY年合计".
std::string header_key(const std::string& text);

// Whether two texts have as many characters, at least `min_chars`, and differ in exactly one.
bool one_character_apart(const std::string& a, const std::string& b, std::size_t min_chars);

// Whether `a` is `b` with one character more before or after it, `b` having at least `min_chars`.
bool one_character_more_at_an_end(const std::string& a, const std::string& b, std::size_t min_chars);

bool contains(const std::string& haystack, const std::string& needle);
bool starts_with(const std::string& text, const std::string& prefix);
bool ends_with(const std::string& text, const std::string& suffix);
std::string trim(const std::string& text);

// A code printed at the start of a cell: "2011301", "2011301行政运行", "2011301 行政运行",
// "201 13 01", "[2011301]行政运行", "【201】一般公共服务支出". Accepted lengths: 3, 5, 7 digits.
// The name part is trimmed, may be empty.
struct CodeAndName {
    std::string code;
    std::string name;
};
std::optional<CodeAndName> split_code_and_name(const std::string& text);

// True for text that can be an amount or a not-applicable mark: contains a digit, or is
// one of - — –– / * (normalize/ decides what each means).
bool looks_like_amount(const std::string& text);

// True for a value written with words or signs no amount carries (≥95%, 4次, 10月底, ≤1200,
// 执行率分值(10分), 2,000万元): a target or a note printed in an amount column, not a damaged
// amount. Digits with Latin letters (1,2O4.00) are not words: they may be a damaged amount.
bool worded_value(const std::string& text);

// True for money_text with marks a speck reads as (。，、·) beside it: '。248.61' read by OCR
// is a damaged amount, not a value written with words.
bool amount_with_stray_marks(const std::string& text);

// True for text made only of digits, ',' '.' and '-' with at least one digit (money as printed).
bool money_text(const std::string& text);
// money_text written with a decimal point or thousands separators: surely an amount, not a count
// or a column number.
bool written_amount(const std::string& text);

// True for text made only of digits (and at most one '.', e.g. "1.00"): column numbers.
std::optional<int> small_integer(const std::string& text);

}  // namespace budgetpdf
