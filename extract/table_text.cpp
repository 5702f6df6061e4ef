#include "extract/table_text.h"

// How it works: text is UTF-8; we decode only what we need (first/last code point of
// a piece) to decide whether two pieces are joined with or without a space. Lines are
// built by sorting spans on their vertical centre and sweeping: a span joins the current
// line when its centre lies within a fraction of the line height of the line's centre.

#include <algorithm>
#include <cctype>
#include <cmath>

namespace budgetpdf {
namespace {

// A span joins a line when its centre is within this fraction of the smaller height.
constexpr double line_centre_fraction = 0.5;
constexpr double wrap_room_advances = 2.0;  // a line leaving less room than this many of its glyphs in its cell was wrapped

char32_t decode_at(std::string_view s, size_t i, size_t* length) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + n > s.size()) n = 1;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (length) *length = static_cast<size_t>(n);
    return cp;
}

char32_t first_code_point(std::string_view s) {
    return s.empty() ? 0 : decode_at(s, 0, nullptr);
}

char32_t last_code_point(std::string_view s) {
    if (s.empty()) return 0;
    size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return decode_at(s, i, nullptr);
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

}  // namespace

bool is_cjk_code_point(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x2FFFF) || c == 0x2014 || c == 0x2026 ||
           c == 0x201C || c == 0x201D;
}

void append_joined(std::string& out, std::string_view piece) {
    std::string cleaned = squeeze_cjk_spaces(piece);
    if (cleaned.empty()) return;
    if (!out.empty()) {
        char32_t a = last_code_point(out);
        char32_t b = first_code_point(cleaned);
        if (!is_cjk_code_point(a) && !is_cjk_code_point(b) && !is_space(a)) out += ' ';
    }
    out += cleaned;
}

std::string squeeze_cjk_spaces(std::string_view text) {
    // Decode, drop white space whose neighbours (ignoring other spaces) are both CJK,
    // collapse other runs of white space to one space.
    std::string out;
    std::string_view t = trim(text);
    size_t i = 0;
    while (i < t.size()) {
        size_t len = 1;
        char32_t c = decode_at(t, i, &len);
        if (!is_space(c)) {
            out.append(t.substr(i, len));
            i += len;
            continue;
        }
        size_t j = i;
        while (j < t.size()) {
            size_t l2 = 1;
            char32_t d = decode_at(t, j, &l2);
            if (!is_space(d)) break;
            j += l2;
        }
        char32_t before = last_code_point(out);
        char32_t after = j < t.size() ? decode_at(t, j, nullptr) : 0;
        if (!out.empty() && after != 0 && !(is_cjk_code_point(before) && is_cjk_code_point(after))) out += ' ';
        i = j;
    }
    return out;
}

std::string without_spaces(std::string_view text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ' || text[i] == '\t') continue;
        if (text.substr(i, 3) == "\u3000") {
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

bool is_amount_text(std::string_view text) {
    std::string_view t = trim(text);
    if (t.empty()) return false;
    bool paren = false;
    if (t.front() == '-' || t.front() == '+') t.remove_prefix(1);
    else if (t.front() == '(' && t.size() > 2 && t.back() == ')') {
        paren = true;
        t = t.substr(1, t.size() - 2);
    }
    (void)paren;
    if (!t.empty() && t.back() == '%') t.remove_suffix(1);
    if (t.empty()) return false;
    int digits = 0;
    bool dot = false;
    for (size_t i = 0; i < t.size(); ++i) {
        char c = t[i];
        if (c >= '0' && c <= '9') ++digits;
        else if (c == ',' && !dot && digits > 0) continue;
        else if (c == '.' && !dot && digits > 0 && i + 1 < t.size()) dot = true;
        else return false;
    }
    return digits > 0;
}

bool is_code_text(std::string_view text) {
    std::string_view t = trim(text);
    if (t.size() != 2 && t.size() != 3 && t.size() != 5 && t.size() != 7) return false;
    return std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_numeric_text(std::string_view text) { return is_code_text(text) || is_amount_text(text); }

bool continues_cut_number(std::string_view line_text, double line_width, std::string_view next_text,
                          double cell_width) {
    std::string_view a = trim(line_text), b = trim(next_text);
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (a.empty() || b.empty()) return false;
    // The cut may fall before or after the decimal point (1,264,602 | .38; 1,264,602. | 38).
    const bool has_point = a.find('.') != std::string_view::npos;
    const bool a_ends = digit(a.back()) || (a.back() == '.' && a.size() > 1 && digit(a[a.size() - 2]));
    const bool b_starts = digit(b.front()) || (b.front() == '.' && !has_point && b.size() > 1 && digit(b[1]));
    if (!a_ends || !b_starts || (a.back() == '.' && !digit(b.front()))) return false;
    if (b.front() == '.') return true;  // no amount is printed starting with its decimal point
    // One decimal digit completed by a lone digit: amounts print two (1,263,231.7 | 8).
    if (has_point && a.size() - a.find('.') == 2 && b.size() == 1) return true;
    if (std::any_of(a.begin(), a.end(), [](char c) { return c == ' ' || static_cast<unsigned char>(c) >= 0x80; }))
        return false;
    double advance = line_width / static_cast<double>(a.size());
    return cell_width - line_width < wrap_room_advances * advance;
}

std::vector<TextLine> group_lines(const std::vector<TextSpan>& spans, std::vector<int> indexes) {
    std::sort(indexes.begin(), indexes.end(), [&](int a, int b) {
        double ya = spans[a].bbox.center_y(), yb = spans[b].bbox.center_y();
        return ya != yb ? ya < yb : spans[a].bbox.x0 < spans[b].bbox.x0;
    });
    std::vector<TextLine> lines;
    double line_centre = 0, line_height = 0;
    for (int index : indexes) {
        const TextSpan& span = spans[index];
        if (trim(span.text).empty()) continue;
        double h = std::max(span.bbox.height(), 1.0);
        double cy = span.bbox.center_y();
        if (lines.empty() || std::abs(cy - line_centre) > line_centre_fraction * std::min(h, line_height)) {
            lines.push_back({});
            line_centre = cy;
            line_height = h;
        } else {
            line_height = std::max(line_height, h);
        }
        TextLine& line = lines.back();
        line.spans.push_back(index);
        line.bbox = rect_union(line.bbox, span.bbox);
        line.font_size = std::max(line.font_size, span.font_size);
    }
    for (TextLine& line : lines) {
        std::sort(line.spans.begin(), line.spans.end(),
                  [&](int a, int b) { return spans[a].bbox.x0 < spans[b].bbox.x0; });
        for (int index : line.spans) append_joined(line.text, spans[index].text);
    }
    return lines;
}

}  // namespace budgetpdf
