#include "normalize/decimal.h"

#include <algorithm>
#include <cassert>

namespace budgetpdf {
namespace {

constexpr int max_digits = 30;  // far below the 38 digits __int128 holds

__int128 power_of_ten(int exponent) {
    __int128 p = 1;
    for (int i = 0; i < exponent; ++i) p *= 10;
    return p;
}

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
    bool negative = false;
    if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    __int128 units = 0;
    int scale = 0;
    int digits = 0;
    bool seen_point = false;
    for (char c : text) {
        if (c == '.') {
            if (seen_point) return std::nullopt;
            seen_point = true;
        } else if (c >= '0' && c <= '9') {
            if (++digits > max_digits) return std::nullopt;
            units = units * 10 + (c - '0');
            if (seen_point) ++scale;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0 || scale > max_scale) return std::nullopt;
    return Decimal(negative ? -units : units, scale);
}

Decimal Decimal::from_units(__int128 units, int scale) {
    assert(scale >= 0 && scale <= max_scale);
    return Decimal(units, scale);
}

Decimal Decimal::with_scale_at_least(int scale) const {
    if (scale <= scale_) return *this;
    assert(scale <= max_scale);
    return Decimal(units_ * power_of_ten(scale - scale_), scale);
}

Decimal Decimal::times_power_of_ten(int exponent) const {
    assert(exponent >= 0);
    int shift_scale = std::min(exponent, scale_);
    return Decimal(units_ * power_of_ten(exponent - shift_scale), scale_ - shift_scale);
}

std::string Decimal::to_string(int min_decimals) const {
    Decimal d = with_scale_at_least(min_decimals);
    __int128 magnitude = d.units_ < 0 ? -d.units_ : d.units_;
    std::string digits;
    do {
        digits.push_back(static_cast<char>('0' + static_cast<int>(magnitude % 10)));
        magnitude /= 10;
    } while (magnitude > 0);
    while (static_cast<int>(digits.size()) <= d.scale_) digits.push_back('0');
    std::reverse(digits.begin(), digits.end());
    if (d.scale_ > 0) digits.insert(digits.end() - d.scale_, '.');
    if (d.units_ < 0) digits.insert(digits.begin(), '-');
    return digits;
}

Decimal operator+(const Decimal& a, const Decimal& b) {
    int scale = std::max(a.scale_, b.scale_);
    return Decimal(a.with_scale_at_least(scale).units_ + b.with_scale_at_least(scale).units_, scale);
}

Decimal operator-(const Decimal& a, const Decimal& b) { return a + b.negated(); }

bool operator==(const Decimal& a, const Decimal& b) { return (a <=> b) == 0; }

std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
    int scale = std::max(a.scale_, b.scale_);
    __int128 x = a.with_scale_at_least(scale).units_;
    __int128 y = b.with_scale_at_least(scale).units_;
    if (x < y) return std::strong_ordering::less;
    if (x > y) return std::strong_ordering::greater;
    return std::strong_ordering::equal;
}

}  // namespace budgetpdf
