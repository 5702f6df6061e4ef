// What OCR misreads in a table's print, and how the line shows it: see ocr_text_mends.h.
#include "extract/ocr_text_mends.h"

#include <algorithm>
#include <vector>

#include "extract/pdf_geometry.h"

namespace budgetpdf {
namespace {

constexpr std::size_t max_label_chars = 8;  // a label before a colon is at most this long

bool opens_angle(char32_t c) { return c == U'〈' || c == U'<' || c == U'《' || c == U'＜'; }
bool closes_angle(char32_t c) { return c == U'〉' || c == U'>' || c == U'》' || c == U'＞'; }
bool opens_parenthesis(char32_t c) { return c == U'(' || c == U'（'; }
bool closes_parenthesis(char32_t c) { return c == U')' || c == U'）'; }
bool is_bracket(char32_t c) { return opens_angle(c) || closes_angle(c) || opens_parenthesis(c) || closes_parenthesis(c); }

}  // namespace

bool is_plain_number(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-';
    });
}

// A label's colon read as a semicolon (金额单位;元): a ; or ； after a short run of ideographs at
// the start of a line becomes ：, as a label before its value has it. Semicolons further into a
// line (between the clauses of a note) stay.
std::string label_colon_restored(const std::string& text) {
    const std::u32string t = decode_utf8(text);
    for (std::size_t i = 1; i < t.size() && i <= max_label_chars; ++i) {
        if (t[i] != U';' && t[i] != U'；') {
            if (!is_cjk_codepoint(t[i])) return text;
            continue;
        }
        std::string out;
        for (std::size_t k = 0; k < t.size(); ++k) append_utf8(out, k == i ? U'：' : t[k]);
        return out;
    }
    return text;
}

// Thousands separators read as points (1.977.12 for 1,977.12): in a number whose last point
// is followed by one or two digits and every earlier point by exactly three, the earlier
// points can only be separators, and become commas. Other numbers stay as read.
std::string thousands_separators_restored(const std::string& text) {
    if (!is_plain_number(text) || text.find(',') != std::string::npos) return text;
    std::vector<std::size_t> points;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '.') points.push_back(i);
    if (points.size() < 2) return text;
    const std::size_t digits_after_last = text.size() - points.back() - 1;
    if (digits_after_last < 1 || digits_after_last > 2) return text;
    const std::size_t lead = text[0] == '-' ? 1 : 0;
    if (std::any_of(text.begin() + static_cast<std::ptrdiff_t>(lead), text.end(), [](char c) { return c == '-'; }))
        return text;
    if (points.front() - lead < 1 || points.front() - lead > 3) return text;
    for (std::size_t k = 0; k + 1 < points.size(); ++k)
        if (points[k + 1] - points[k] != 4) return text;
    std::string out = text;
    for (std::size_t k = 0; k + 1 < points.size(); ++k) out[points[k]] = ',';
    return out;
}

std::string parentheses_restored(const std::string& text) {
    const std::u32string t = decode_utf8(text);
    if (std::none_of(t.begin(), t.end(), [](char32_t c) { return opens_angle(c) || closes_angle(c); })) return text;
    std::u32string out = t;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (opens_angle(t[i])) {
            // The next bracket after it, as read, closes a parenthesis: this one opened it.
            auto next = std::find_if(t.begin() + static_cast<std::ptrdiff_t>(i) + 1, t.end(), is_bracket);
            if (next != t.end() && closes_parenthesis(*next)) out[i] = *next == U')' ? U'(' : U'（';
        } else if (closes_angle(t[i])) {
            auto before = std::find_if(t.rbegin() + static_cast<std::ptrdiff_t>(t.size() - i), t.rend(), is_bracket);
            if (before != t.rend() && opens_parenthesis(*before)) out[i] = *before == U'(' ? U')' : U'）';
        }
    }
    return encode_utf8(out);
}

std::string ocr_text_mended(const std::string& text) {
    return thousands_separators_restored(label_colon_restored(parentheses_restored(text)));
}

}  // namespace budgetpdf
