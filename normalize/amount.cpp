#include "normalize/amount.h"

// How it works: the cell text is normalized (NFKC, so full-width digits, commas and the
// full-width minus become ASCII) and then classified: empty → blank; a run made only of
// dashes, `/` or `*` → not applicable (except a lone hyphen or minus sign, which prints
// zero); otherwise an optional sign or bracket pair around digits with optional groups of
// three separated by commas and an optional fraction → value; anything else → unreadable.
// A value with more digits than any budget prints (max_integer_digits, max_fraction_digits)
// is unreadable too: it could not be scaled to 元, summed and written back exactly.

#include "normalize/text.h"

namespace budgetpdf {
namespace {

constexpr int thousands_group_digits = 3;
// 10^15 元 is several times China's GDP; with 万元 scaling and sums of many rows the
// values stay far inside Decimal's range, and amount_yuan always parses back.
constexpr int max_integer_digits = 15;
constexpr int max_fraction_digits = 6;

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Marks that print "no amount applies": dashes of every width, the slash and the star.
constexpr std::string_view not_applicable_marks[] = {
    "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\u2500",
    "\u2501", "\u30FC", "/", "*"};

// Consumes one not-applicable mark from the front; false when none starts the text.
bool consume_mark(std::string_view& text) {
    for (std::string_view mark : not_applicable_marks) {
        if (starts_with(text, mark)) {
            text.remove_prefix(mark.size());
            return true;
        }
    }
    return false;
}

bool only_marks(std::string_view text) {
    if (text.empty()) return false;
    while (!text.empty())
        if (!consume_mark(text)) return false;
    return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Digits with optional thousands separators and fraction; the separators removed.
std::optional<std::string> plain_number(std::string_view text, int& decimals) {
    size_t point = text.find('.');
    std::string_view whole = text.substr(0, point);
    std::string_view fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
    if (point != std::string_view::npos && fraction.empty()) return std::nullopt;
    for (char c : fraction)
        if (!is_digit(c)) return std::nullopt;
    if (whole.empty()) return std::nullopt;

    std::string digits;
    size_t group_start = 0;
    bool grouped = whole.find(',') != std::string_view::npos;
    for (size_t i = 0; i <= whole.size(); ++i) {
        if (i < whole.size() && is_digit(whole[i])) continue;
        if (i < whole.size() && whole[i] != ',') return std::nullopt;
        size_t length = i - group_start;
        bool first = group_start == 0;
        if (length == 0) return std::nullopt;
        // Groups after the first have three digits; the first may be longer where a producer
        // separated only the last group (120258,600: 120,258,600).
        if (grouped && !first && length != thousands_group_digits) return std::nullopt;
        digits.append(whole.substr(group_start, length));
        group_start = i + 1;
    }
    if (static_cast<int>(digits.size()) > max_integer_digits || static_cast<int>(fraction.size()) > max_fraction_digits)
        return std::nullopt;
    decimals = static_cast<int>(fraction.size());
    if (!fraction.empty()) {
        digits.push_back('.');
        digits.append(fraction);
    }
    return digits;
}

}  // namespace

ParsedAmount parse_amount(std::string_view printed) {
    std::string text = normalize_text(printed);
    ParsedAmount result;
    if (text.empty()) return result;
    if (text == "-" || text == "\u2212") {
        result.kind = AmountKind::value;
        return result;
    }
    if (only_marks(text)) {
        result.kind = AmountKind::not_applicable;
        return result;
    }

    result.kind = AmountKind::unreadable;
    std::string_view body = text;
    bool negative = false;
    if (body.size() >= 2 && body.front() == '(' && body.back() == ')') {
        negative = true;
        body = body.substr(1, body.size() - 2);
    } else if (starts_with(body, "-") || starts_with(body, "+")) {
        negative = body.front() == '-';
        body.remove_prefix(1);
    } else if (starts_with(body, "\u2212")) {
        negative = true;
        body.remove_prefix(std::string_view("\u2212").size());
    }
    if (!body.empty() && body.front() == ' ') body.remove_prefix(1);
    // A space printed before the decimal point (25180591 .33): no amount starts with its
    // point, so the two parts are one amount.
    std::string joined(body);
    for (size_t dot = joined.find(" ."); dot != std::string::npos; dot = joined.find(" .", dot)) {
        size_t first = joined.find_last_not_of(' ', dot);
        if (first == std::string::npos || joined[first] < '0' || joined[first] > '9') break;
        joined.erase(first + 1, dot + 1 - (first + 1));
        dot = first + 1;
    }

    int decimals = 0;
    std::optional<std::string> digits = plain_number(joined, decimals);
    if (!digits) return result;
    std::optional<Decimal> value = Decimal::parse(*digits);
    if (!value) return result;
    result.kind = AmountKind::value;
    result.value = negative ? value->negated() : *value;
    result.decimals_printed = decimals;
    return result;
}

std::optional<Unit> unit_from_text(std::string_view text) {
    std::string normalized = normalize_text(text);
    if (normalized.find("万元") != std::string::npos) return Unit::wan_yuan;
    if (normalized.find("千元") != std::string::npos) return Unit::qian_yuan;
    if (normalized.find("元") != std::string::npos) return Unit::yuan;
    return std::nullopt;
}

const char* unit_name(Unit unit) {
    switch (unit) {
        case Unit::yuan: return "元";
        case Unit::wan_yuan: return "万元";
        case Unit::qian_yuan: return "千元";
    }
    return "";
}

Decimal yuan_from(Decimal amount, Unit unit) {
    switch (unit) {
        case Unit::yuan: return amount;
        case Unit::wan_yuan: return amount.times_power_of_ten(4);
        case Unit::qian_yuan: return amount.times_power_of_ten(3);
    }
    return amount;
}

std::string amount_yuan_string(const Decimal& yuan) {
    return yuan.to_string(2);
}

}  // namespace budgetpdf
