#pragma once
// Exact decimal numbers for money: an integer count of 10^-scale units. No binary
// floating point anywhere; scaling by 万 (10^4) or 千 (10^3) only moves the decimal point.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace budgetpdf {

class Decimal {
public:
    static constexpr int max_scale = 18;

    Decimal() = default;

    // Plain decimal text: optional sign, digits, optional '.' and digits ("-1234.50", "7",
    // ".5"). No separators, no spaces, no exponent. nullopt when malformed or too long.
    static std::optional<Decimal> parse(std::string_view text);
    static Decimal from_units(__int128 units, int scale);

    __int128 units() const { return units_; }
    int scale() const { return scale_; }
    bool is_zero() const { return units_ == 0; }
    bool is_negative() const { return units_ < 0; }

    // The same value written with at least `scale` decimals (never drops digits).
    Decimal with_scale_at_least(int scale) const;
    // Exactly value × 10^exponent for exponent ≥ 0 (万元 → 元 is exponent 4).
    Decimal times_power_of_ten(int exponent) const;
    Decimal negated() const { return from_units(-units_, scale_); }
    Decimal abs() const { return units_ < 0 ? negated() : *this; }

    // Digits with exactly max(scale(), min_decimals) decimals, '-' for negatives, '.' point.
    std::string to_string(int min_decimals = 0) const;

    friend Decimal operator+(const Decimal& a, const Decimal& b);
    friend Decimal operator-(const Decimal& a, const Decimal& b);
    friend bool operator==(const Decimal& a, const Decimal& b);
    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b);

private:
    Decimal(__int128 units, int scale) : units_(units), scale_(scale) {}
    __int128 units_ = 0;
    int scale_ = 0;
};

}  // namespace budgetpdf
