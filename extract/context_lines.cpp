#include "extract/context_lines.h"

// How it works: a line is compared, without its white space, against the forms the
// printed furniture of budget disclosures takes, most specific first: a 续表 mark, page
// numbers and footers (digits with 第/页/共/of/slashes and dashes around them, at most two
// numbers), a part heading (第…部分), a note start, a unit (金额单位, or 单位： followed by a
// short …元), an organisation (a short label ending in 部门/单位/名称 before a colon), a
// tag (up to four CJK characters, then 表 and a number or a number and 表: 公开表2, 表一,
// 附表1-1, 预算01表), a period (a year followed by nothing but 度, dates and ranges, possibly in
// brackets: （2026年度）), a numbered
// section heading (一、 （三） (三) 1. 1、), a sentence (ends with 。；：， or holds 。).
// Anything else is plain text. Runs that hold two of these (a tag and a title, an
// organisation and a unit) are cut at the start of the second.

#include <algorithm>
#include <array>
#include <string_view>

#include "extract/table_text.h"

namespace budgetpdf {
namespace {

constexpr size_t max_tag_bytes = 36;            // 部门预算公开表12-1 and the like
constexpr size_t max_tag_prefix_chars = 4;      // CJK characters before the number in 预算01表
constexpr size_t max_label_bytes = 24;          // 部门（单位） before the colon: about 8 CJK characters
constexpr size_t max_unit_bytes = 20;           // 单位：万元 (and 单位:元 etc.)
constexpr size_t max_period_bytes = 20;         // 2022年度, 2026年1-12月
constexpr size_t max_furniture_number_digits = 4;
constexpr size_t cjk_bytes = 3;                 // UTF-8 length of a CJK character

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Byte length of the CJK numeral (一 … 十, 〇) at `at`, or 0.
size_t cjk_numeral_at(std::string_view s, size_t at) {
    static constexpr std::array<std::string_view, 11> numerals{"一", "二", "三", "四", "五", "六",
                                                               "七", "八", "九", "十", "〇"};
    for (std::string_view n : numerals)
        if (s.substr(at, n.size()) == n) return n.size();
    return 0;
}

// Byte length of the number (ASCII digits, or CJK numerals) at `at`, or 0.
size_t number_at(std::string_view s, size_t at) {
    size_t end = at;
    while (end < s.size() && is_ascii_digit(s[end])) ++end;
    if (end > at) return end - at;
    while (end < s.size()) {
        size_t n = cjk_numeral_at(s, end);
        if (n == 0) break;
        end += n;
    }
    return end - at;
}

// Byte length of a table tag at the start of `t` (no white space), or 0: up to four CJK
// characters, then 表 and a number (公开表2, 预算表12, 部门公开表3, 附表1-1, 表一, 表14) or a
// number and 表 (预算01表, 公开01表, 部门预算02表).
size_t leading_tag_bytes(std::string_view t) {
    size_t at = 0, chars = 0;
    while (chars < max_tag_prefix_chars && at + cjk_bytes <= t.size() && static_cast<unsigned char>(t[at]) >= 0xE0 &&
           t.substr(at, cjk_bytes) != "表" && cjk_numeral_at(t, at) == 0) {
        at += cjk_bytes;
        ++chars;
    }
    size_t end = 0;
    if (t.substr(at, cjk_bytes) == "表") {
        size_t n = number_at(t, at + cjk_bytes);
        if (n > 0) end = at + cjk_bytes + n;
    } else {
        size_t digits = 0;
        while (at + digits < t.size() && is_ascii_digit(t[at + digits])) ++digits;
        if (digits > 0 && t.substr(at + digits, cjk_bytes) == "表") end = at + digits + cjk_bytes;
    }
    if (end == 0) return 0;
    // 附表1-1, 表2－1
    for (std::string_view dash : {std::string_view("-"), std::string_view("－")}) {
        if (t.substr(end, dash.size()) == dash && end + dash.size() < t.size() && is_ascii_digit(t[end + dash.size()])) {
            end += dash.size();
            while (end < t.size() && is_ascii_digit(t[end])) ++end;
        }
    }
    return end <= max_tag_bytes ? end : 0;
}

bool is_unit(std::string_view t) {
    if (contains(t, "金额单位") || contains(t, "计量单位")) return true;
    for (std::string_view label : {std::string_view("单位："), std::string_view("单位:"), std::string_view("单位（"),
                                   std::string_view("单位(")})
        if (starts_with(t, label) && t.size() <= max_unit_bytes && (ends_with(t, "元") || ends_with(t, "元）") ||
                                                                     ends_with(t, "元)")))
            return true;
    return false;
}

// A unit and nothing else: 金额单位：万元, 单位：元 (not 金额单位转换时…).
bool is_unit_phrase(std::string_view t) {
    return is_unit(t) && t.size() <= max_unit_bytes + std::string_view("金额").size() &&
           (ends_with(t, "元") || ends_with(t, "元）") || ends_with(t, "元)"));
}

bool is_organisation(std::string_view t) {
    size_t colon = std::min(t.find("："), t.find(':'));
    if (colon == std::string_view::npos || colon == 0 || colon > max_label_bytes) return false;
    std::string_view label = t.substr(0, colon);
    for (std::string_view end : {std::string_view("部门"), std::string_view("单位"), std::string_view("名称"),
                                 std::string_view("单位）"), std::string_view("单位)")})
        if (ends_with(label, end)) return true;
    return false;
}

bool is_part_heading(std::string_view t) {
    if (!starts_with(t, "第")) return false;
    size_t n = number_at(t, std::string_view("第").size());
    return n > 0 && t.substr(std::string_view("第").size() + n, std::string_view("部分").size()) == "部分";
}

bool is_section_heading(std::string_view t) {
    size_t n = cjk_numeral_at(t, 0) ? number_at(t, 0) : 0;
    if (n > 0 && t.substr(n, std::string_view("、").size()) == "、") return true;
    for (auto [open, close] : {std::pair{std::string_view("（"), std::string_view("）")},
                               std::pair{std::string_view("("), std::string_view(")")}}) {
        if (!starts_with(t, open)) continue;
        size_t k = number_at(t, open.size());
        if (k > 0 && t.substr(open.size() + k, close.size()) == close && t.size() > open.size() + k + close.size())
            return true;
    }
    size_t digits = 0;
    while (digits < t.size() && is_ascii_digit(t[digits])) ++digits;
    if (digits == 0 || digits > 2) return false;
    std::string_view rest = t.substr(digits);
    for (std::string_view mark : {std::string_view("、"), std::string_view("．"), std::string_view(".")})
        if (starts_with(rest, mark) && rest.size() > mark.size() && !is_ascii_digit(rest[mark.size()])) return true;
    return false;
}

// A year and nothing but 度, dates and ranges, possibly in brackets: 2022年度, 2026年1-12月,
// （2026年度）.
bool is_period(std::string_view t) {
    for (auto [open, close] : {std::pair{std::string_view("（"), std::string_view("）")},
                               std::pair{std::string_view("("), std::string_view(")")}})
        if (starts_with(t, open) && ends_with(t, close) && t.size() > open.size() + close.size())
            t = t.substr(open.size(), t.size() - open.size() - close.size());
    if (t.size() > max_period_bytes || t.size() < 5 || !(t[0] == '1' || t[0] == '2')) return false;
    size_t at = 0;
    while (at < t.size() && is_ascii_digit(t[at])) ++at;
    if (at != 4 || t.substr(at, cjk_bytes) != "年") return false;
    // Then only 度, dates and ranges: 2022年度, 2026年1-12月, 2026年1月1日至12月31日.
    for (at += cjk_bytes; at < t.size();) {
        size_t n = is_ascii_digit(t[at]) || t[at] == '-' || t[at] == '~' ? 1 : 0;
        for (std::string_view word : {std::string_view("度"), std::string_view("年"), std::string_view("月"),
                                      std::string_view("日"), std::string_view("至"), std::string_view("－"),
                                      std::string_view("—")})
            if (n == 0 && t.substr(at, word.size()) == word) n = word.size();
        if (n == 0) return false;
        at += n;
    }
    return true;
}

bool is_sentence(std::string_view t) {
    for (std::string_view end : {std::string_view("。"), std::string_view("；"), std::string_view("："),
                                 std::string_view("，"), std::string_view(":"), std::string_view(","),
                                 std::string_view(";")})
        if (ends_with(t, end)) return true;
    return contains(t, "。");
}

}  // namespace

bool is_page_furniture(const std::string& text) {
    std::string t = without_spaces(text);
    // Dashes around a page number read by OCR as the ideograph 一 (— 9 — read 一9一): flanking
    // it on both sides, they are dashes.
    static constexpr std::string_view yi = "一";
    if (t.size() > 2 * yi.size() && starts_with(t, yi) && ends_with(t, yi)) {
        while (starts_with(t, yi)) t.erase(0, yi.size());
        while (ends_with(t, yi)) t.erase(t.size() - yi.size());
    }
    std::string rest;
    int numbers = 0;
    size_t digits = 0;
    for (size_t i = 0; i <= t.size(); ++i) {
        if (i < t.size() && is_ascii_digit(t[i])) {
            ++digits;
            continue;
        }
        if (digits > 0) {
            ++numbers;
            if (digits > max_furniture_number_digits) return false;
            digits = 0;
        }
        if (i < t.size()) rest += t[i];
    }
    if (numbers == 0 || numbers > 2) return false;
    // Dashes and brackets around a page number are decoration.
    std::string core;
    for (size_t i = 0; i < rest.size();) {
        bool skipped = false;
        for (std::string_view d : {std::string_view("-"), std::string_view("—"), std::string_view("－"),
                                   std::string_view("–"), std::string_view("("), std::string_view(")"),
                                   std::string_view("（"), std::string_view("）"), std::string_view("·")}) {
            if (std::string_view(rest).substr(i, d.size()) == d) {
                i += d.size();
                skipped = true;
                break;
            }
        }
        if (!skipped) core += rest[i++];
    }
    for (char& c : core) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static constexpr std::array<std::string_view, 5> single{"", "第页", "页", "page", "p"};
    static constexpr std::array<std::string_view, 9> pair{"第页，共页", "第页,共页", "第页共页", "共页第页",
                                                          "共页，第页", "共页,第页", "/", "第页/共页", "pageof"};
    if (numbers == 1) return std::find(single.begin(), single.end(), core) != single.end();
    return std::find(pair.begin(), pair.end(), core) != pair.end();
}

LineKind classify_line(const std::string& raw) {
    std::string t = without_spaces(raw);
    if (t.empty()) return LineKind::other;
    if (starts_with(t, "续表") || t == "(续)" || t == "（续）" || t == "续") return LineKind::continued;
    if (is_page_furniture(t)) return LineKind::page_furniture;
    if (is_part_heading(t)) return LineKind::part_heading;
    if (starts_with(t, "注：") || starts_with(t, "注:") || starts_with(t, "说明：") || starts_with(t, "说明:") ||
        starts_with(t, "备注") || (starts_with(t, "注") && t.size() > 3 && is_ascii_digit(t[3])))
        return LineKind::note;
    if (is_unit(t)) return LineKind::unit;
    if (is_organisation(t)) return LineKind::organisation;
    if (t.size() <= max_tag_bytes && leading_tag_bytes(t) == t.size()) return LineKind::tag;
    if (is_period(t)) return LineKind::period;
    if (is_sentence(t)) return LineKind::prose;
    if (is_section_heading(t)) return LineKind::section_heading;
    return LineKind::other;
}

bool names_a_table(const std::string& text) {
    std::string t = without_spaces(text);
    return ends_with(t, "表") || contains(t, "表（") || contains(t, "表(");
}

std::vector<std::string> split_context_text(const std::string& text) {
    std::string t = squeeze_cjk_spaces(text);
    std::string compact = without_spaces(t);
    std::vector<std::string> out;
    // A leading tag, then whatever follows it (usually the title). A space ends the tag's
    // number (表4 2025年…).
    size_t tag = leading_tag_bytes(t);
    if (tag > 0 && tag < t.size()) {
        std::string rest = without_spaces(std::string_view(t).substr(tag));
        for (std::string_view sep : {std::string_view("："), std::string_view(":")})
            if (starts_with(rest, sep)) rest = rest.substr(sep.size());
        if (!rest.empty() && classify_line(t.substr(0, tag)) == LineKind::tag) {
            out.push_back(without_spaces(t.substr(0, tag)));
            for (std::string& piece : split_context_text(rest)) out.push_back(std::move(piece));
            return out;
        }
    }
    // A unit after something else: 编制单位：某局 金额单位：万元, 收支总表 单位：元.
    size_t unit_at = std::string::npos;
    size_t amount = compact.find("金额单位");
    if (amount != std::string::npos && amount > 0 && is_unit_phrase(std::string_view(compact).substr(amount)))
        unit_at = amount;
    for (std::string_view label : {std::string_view("单位："), std::string_view("单位:")}) {
        size_t at = compact.rfind(label);
        if (unit_at != std::string::npos || at == std::string::npos || at == 0) continue;
        std::string_view before = std::string_view(compact).substr(0, at);
        bool inside_label = false;
        for (std::string_view word : {std::string_view("金额"), std::string_view("计量"), std::string_view("编制"),
                                      std::string_view("预算"), std::string_view("部门")})
            inside_label = inside_label || ends_with(before, word);
        if (is_unit_phrase(std::string_view(compact).substr(at)) && !inside_label) unit_at = at;
    }
    if (unit_at != std::string::npos) {
        out.push_back(compact.substr(0, unit_at));
        out.push_back(compact.substr(unit_at));
        return out;
    }
    out.push_back(t);
    return out;
}

}  // namespace budgetpdf
