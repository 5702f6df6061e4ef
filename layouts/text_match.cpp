#include "layouts/text_match.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace budgetpdf {
namespace {

// UTF-8 ⇄ code points; invalid bytes pass through as themselves.
std::u32string decode(const std::string& s) {
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        if (i + len > s.size()) len = 1;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::string encode(const std::u32string& s) {
    std::string out;
    for (char32_t cp : s) {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    return out;
}

bool is_space(char32_t c) {
    return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000 || c == 0xA0;
}

bool is_quote(char32_t c) {
    return c == U'"' || c == U'\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
           c == 0x300C || c == 0x300D || c == 0xFF02 || c == U'*';
}

bool is_cjk_numeral(char32_t c) {
    static const std::u32string numerals = U"一二三四五六七八九十百零〇";
    return numerals.find(c) != std::u32string::npos;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

std::u32string canonical(const std::string& text) {
    std::u32string out;
    for (char32_t c : decode(text)) {
        if (is_space(c) || is_quote(c)) continue;
        if (c == 0xFF08) c = U'(';
        else if (c == 0xFF09) c = U')';
        else if (c == 0xFF1A) c = U':';
        else if (c == 0xFF0F) c = U'/';
        else if (c == 0xFF0E) c = U'.';
        else if (c >= 0xFF10 && c <= 0xFF19) c = U'0' + (c - 0xFF10);
        else if (c >= 0x2460 && c <= 0x2468) c = U'1' + (c - 0x2460);  // ①…⑨
        out.push_back(c);
    }
    return out;
}

// Length of a leading ordinal in s (0 when none).
size_t ordinal_length(const std::u32string& s) {
    size_t i = 0;
    if (i < s.size() && s[i] == U'(') {
        size_t j = 1;
        while (j < s.size() && (is_cjk_numeral(s[j]) || is_digit(s[j]))) ++j;
        if (j > 1 && j < s.size() && s[j] == U')') return j + 1;
        return 0;
    }
    size_t j = 0;
    while (j < s.size() && is_cjk_numeral(s[j])) ++j;
    if (j > 0 && j < s.size() && (s[j] == U'、' || s[j] == U'.')) return j + 1;
    j = 0;
    while (j < s.size() && is_digit(s[j])) ++j;
    if (j > 0 && j <= 2 && j < s.size()) {
        if (s[j] == U'、' || s[j] == U'.') {
            if (j + 1 < s.size() && is_digit(s[j + 1])) return 0;  // a decimal number
            return j + 1;
        }
        if (s[j] >= 0x3400) return j;  // "1公务用车购置费" from a circled ①
    }
    return 0;
}

}  // namespace

std::string match_key(const std::string& text) { return encode(canonical(text)); }

int ordinal_rank(const std::string& text) {
    std::u32string raw = decode(trim(text));
    if (!raw.empty() && raw[0] >= 0x2460 && raw[0] <= 0x2473) return 5;  // ①…⑳
    std::u32string s = canonical(text);
    size_t n = ordinal_length(s);
    if (n == 0) return 0;
    bool bracket = s[0] == U'(';
    bool cjk = bracket ? is_cjk_numeral(s[1]) : is_cjk_numeral(s[0]);
    if (bracket) return cjk ? 2 : 4;
    if (cjk) return 1;
    return s[n - 1] == U'.' || s[n - 1] == U'、' ? 3 : 5;  // "2公务用车…": a circled ② after NFKC
}

std::string label_key(const std::string& text) {
    std::u32string s = canonical(text);
    size_t n = ordinal_length(s);
    s.erase(0, n);
    for (const std::u32string suffix : {U"(类)", U"(款)", U"(项)"}) {
        if (s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0) {
            s.erase(s.size() - suffix.size());
            break;
        }
    }
    return encode(s);
}

std::string header_key(const std::string& text) {
    std::u32string s = canonical(text);
    std::u32string out;
    for (size_t i = 0; i < s.size();) {
        size_t j = i;
        while (j < s.size() && is_digit(s[j])) ++j;
        if (j - i == 4) {
            out += U"YYYY";
            i = j;
        } else if (j > i) {
            out.append(s, i, j - i);
            i = j;
        } else {
            out.push_back(s[i++]);
        }
    }
    return encode(out);
}

bool one_character_apart(const std::string& a, const std::string& b, std::size_t min_chars) {
    const std::u32string x = decode(a), y = decode(b);
    if (x.size() != y.size() || x.size() < min_chars) return false;
    std::size_t differ = 0;
    for (std::size_t k = 0; k < x.size(); ++k) differ += x[k] != y[k];
    return differ == 1;
}

bool one_character_more_at_an_end(const std::string& a, const std::string& b, std::size_t min_chars) {
    const std::u32string x = decode(a), y = decode(b);
    if (x.size() != y.size() + 1 || y.size() < min_chars) return false;
    return x.compare(1, y.size(), y) == 0 || x.compare(0, y.size(), y) == 0;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return !needle.empty() && haystack.find(needle) != std::string::npos;
}

bool starts_with(const std::string& text, const std::string& prefix) {
    return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(const std::string& text, const std::string& suffix) {
    return text.size() >= suffix.size() &&
           text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string trim(const std::string& text) {
    std::u32string s = decode(text);
    size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    return encode(s.substr(b, e - b));
}

std::optional<CodeAndName> split_code_and_name(const std::string& text) {
    std::u32string s = decode(trim(text));
    // A code in brackets before its name: [2010401]行政运行, 【201】一般公共服务支出.
    if (!s.empty() && (s[0] == U'[' || s[0] == 0x3010)) {
        char32_t close = s[0] == U'[' ? U']' : char32_t(0x3011);
        size_t end = s.find(close);
        if (end == std::u32string::npos || end < 4) return std::nullopt;
        std::u32string inner = s.substr(1, end - 1);
        if (!std::all_of(inner.begin(), inner.end(), is_digit) || (inner.size() != 3 && inner.size() != 5 && inner.size() != 7))
            return std::nullopt;
        CodeAndName result;
        result.code = encode(inner);
        result.name = trim(encode(s.substr(end + 1)));
        return result;
    }
    // Digit groups separated by spaces: "201 13 01" → 2011301.
    std::string digits;
    size_t i = 0;
    std::vector<size_t> groups;
    while (i < s.size()) {
        size_t j = i;
        while (j < s.size() && is_digit(s[j])) ++j;
        if (j == i) break;
        groups.push_back(j - i);
        for (size_t k = i; k < j; ++k) digits.push_back(static_cast<char>(s[k]));
        size_t next = j;
        while (next < s.size() && is_space(s[next])) ++next;
        i = j;
        if (next < s.size() && is_digit(s[next]) && next > j) {
            i = next;
            continue;
        }
        break;
    }
    if (groups.empty()) return std::nullopt;
    if (groups.size() > 1) {
        // Only 类 款 项 shapes: 3+2(+2).
        bool split_shape = groups[0] == 3 && groups[1] == 2 && (groups.size() == 2 || (groups.size() == 3 && groups[2] == 2));
        if (!split_shape) return std::nullopt;
    }
    if (digits.size() != 3 && digits.size() != 5 && digits.size() != 7) return std::nullopt;
    if (i < s.size()) {
        char32_t next = s[i];
        if (next == U'.' || next == U'、' || next == U',' || next == U'%') return std::nullopt;
        // 2101501-行政运行: a dash between the code and a name.
        bool dash = next == U'-' || next == 0x2014 || next == 0xFF0D || next == 0x2013;
        if (dash) {
            size_t after = i + 1;
            while (after < s.size() && is_space(s[after])) ++after;
            if (after >= s.size() || is_digit(s[after])) return std::nullopt;  // 2020-2026, a range
            i = after;
        }
    }
    CodeAndName result;
    result.code = digits;
    result.name = trim(encode(s.substr(i)));
    return result;
}

bool looks_like_amount(const std::string& text) {
    std::string t = match_key(text);
    if (t.empty()) return false;
    for (char c : t)
        if (std::isdigit(static_cast<unsigned char>(c))) return true;
    for (const char* mark : {"-", "—", "——", "–", "/", "――", "－"})
        if (t == mark) return true;
    return false;
}

bool worded_value(const std::string& text) {
    std::u32string s = canonical(text);
    if (std::none_of(s.begin(), s.end(), is_digit)) return false;
    return std::any_of(s.begin(), s.end(), [](char32_t c) {
        // minus and not-applicable signs (— – ― － −) may stand beside an amount's digits
        bool sign = c == 0x2014 || c == 0x2013 || c == 0x2015 || c == 0xFF0D || c == 0x2212;
        return c == U'%' || c == U'<' || c == U'>' || c == U'~' || (c >= 0x80 && !sign);
    });
}

bool amount_with_stray_marks(const std::string& text) {
    // Marks a speck of a seal or of dirt reads as, beside a scanned amount's digits.
    static const std::u32string marks = U"。，、．·：；'\"`‘’“”";
    std::u32string kept;
    bool stray = false;
    for (char32_t c : canonical(text)) {
        if (marks.find(c) != std::u32string::npos) stray = true;
        else kept.push_back(c);
    }
    return stray && money_text(encode(kept));
}

bool money_text(const std::string& text) {
    std::string t = match_key(text);
    bool digit = false;
    for (char c : t) {
        if (c >= '0' && c <= '9') digit = true;
        else if (c != ',' && c != '.' && c != '-') return false;
    }
    return digit;
}

bool written_amount(const std::string& text) {
    if (!money_text(text)) return false;
    std::string t = match_key(text);
    return t.find('.') != std::string::npos || t.find(',') != std::string::npos;
}

std::optional<int> small_integer(const std::string& text) {
    std::string t = match_key(text);
    if (t.empty() || t.size() > 6) return std::nullopt;
    int value = 0;
    size_t i = 0;
    for (; i < t.size() && std::isdigit(static_cast<unsigned char>(t[i])); ++i) value = value * 10 + (t[i] - '0');
    if (i == 0) return std::nullopt;
    if (i < t.size()) {
        if (t[i] != '.') return std::nullopt;
        for (size_t k = i + 1; k < t.size(); ++k)
            if (t[k] != '0') return std::nullopt;
    }
    return value;
}

}  // namespace budgetpdf
