#include "normalize/amount.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace budgetpdf;

namespace {

std::string value_of(const char* printed) {
    ParsedAmount parsed = parse_amount(printed);
    REQUIRE(parsed.kind == AmountKind::value);
    return parsed.value.to_string();
}

AmountKind kind_of(const char* printed) { return parse_amount(printed).kind; }

// Inserts a comma every three digits of the integer part.
std::string grouped(const std::string& digits) {
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

}  // namespace

TEST_CASE("printed values") {
    CHECK(value_of("8,611,494.83") == "8611494.83");
    CHECK(value_of("８，６１１，４９４．８３") == "8611494.83");
    CHECK(value_of("105613371.38") == "105613371.38");
    CHECK(value_of("135,200") == "135200");
    CHECK(value_of("-12.50") == "-12.50");
    CHECK(value_of("−12.50") == "-12.50");
    CHECK(value_of("－12.50") == "-12.50");
    CHECK(value_of("(123.00)") == "-123.00");
    CHECK(value_of("（1,234.5）") == "-1234.5");
    CHECK(value_of(" 7 ") == "7");
    CHECK(parse_amount("1,234.567").decimals_printed == 3);
    CHECK(parse_amount("1234").decimals_printed == 0);
}

TEST_CASE("zero, blank and not applicable are different things") {
    CHECK(value_of("0") == "0");
    CHECK(value_of("0.00") == "0.00");
    CHECK(value_of("-") == "0");
    CHECK(parse_amount("-").value.is_zero());
    CHECK(kind_of("") == AmountKind::blank);
    CHECK(kind_of("  ") == AmountKind::blank);
    CHECK(kind_of("\u3000") == AmountKind::blank);
    CHECK(value_of("－") == "0");
    CHECK(value_of("−") == "0");
    for (const char* mark : {"——", "—", "/", "*", "－－", "-—", "--", "— —"}) {
        INFO(mark);
        CHECK(kind_of(mark) == AmountKind::not_applicable);
    }
}

TEST_CASE("a separator before the last group only still groups thousands (上海 prints 120258,600)") {
    CHECK(value_of("120258,600") == "120258600");
    CHECK(value_of("1851,801") == "1851801");
    CHECK(value_of("120258,600.50") == "120258600.50");
}

TEST_CASE("a space before the decimal point joins the parts (西安 prints 25180591 .33)") {
    CHECK(value_of("25180591 .33") == "25180591.33");
    CHECK(value_of("1,000  .50") == "1000.50");
    CHECK(value_of("-12 .5") == "-12.5");
}

TEST_CASE("anything else is unreadable") {
    for (const char* text : {"12.3.4", "合计", "1,23", "12,3456", "1234,56", ",123", "12.", "1e5",
                             "12 34", "12 .3 .4", "合计 .5", " .5", "12. 5", "12%", "(12", "--5", "¥12", "12.3a", "1,234,56.7"}) {
        INFO(text);
        CHECK(kind_of(text) == AmountKind::unreadable);
    }
}

TEST_CASE("more digits than any budget prints are unreadable, so amount_yuan always parses back") {
    CHECK(value_of("999,999,999,999,999.999999") == "999999999999999.999999");
    for (const char* text : {"9999999999999999", "1,000,000,000,000,000", "0.0000001",
                             "999999999999999999999999999999"}) {
        INFO(text);
        CHECK(kind_of(text) == AmountKind::unreadable);
    }
    const Decimal largest = parse_amount("-999999999999999.999999").value;
    CHECK(Decimal::parse(amount_yuan_string(yuan_from(largest, Unit::wan_yuan))) ==
          yuan_from(largest, Unit::wan_yuan));
}

TEST_CASE("units from unit lines") {
    CHECK(unit_from_text("金额单位：万元") == Unit::wan_yuan);
    CHECK(unit_from_text("单位: 元") == Unit::yuan);
    CHECK(unit_from_text("单位：千元") == Unit::qian_yuan);
    CHECK(unit_from_text("万元") == Unit::wan_yuan);
    CHECK_FALSE(unit_from_text("单位：个"));
    CHECK_FALSE(unit_from_text(""));
    CHECK(std::string(unit_name(Unit::wan_yuan)) == "万元");
}

TEST_CASE("amount_yuan examples of SCHEMA.md") {
    CHECK(amount_yuan_string(yuan_from(parse_amount("325.77").value, Unit::wan_yuan)) == "3257700.00");
    CHECK(amount_yuan_string(yuan_from(parse_amount("105613371.38").value, Unit::yuan)) == "105613371.38");
    CHECK(amount_yuan_string(yuan_from(parse_amount("135,200").value, Unit::yuan)) == "135200.00");
    CHECK(amount_yuan_string(yuan_from(parse_amount("0.0001").value, Unit::wan_yuan)) == "1.00");
    CHECK(amount_yuan_string(yuan_from(parse_amount("1.2345").value, Unit::qian_yuan)) == "1234.50");
    CHECK(amount_yuan_string(yuan_from(parse_amount("-").value, Unit::wan_yuan)) == "0.00");
    CHECK(amount_yuan_string(yuan_from(parse_amount("(3.5)").value, Unit::wan_yuan)) == "-35000.00");
}

TEST_CASE("property: printed with separators parses back to the same value (fixed seed)") {
    std::mt19937_64 random(7331);
    std::uniform_int_distribution<long long> whole(0, 999'999'999'999LL);
    std::uniform_int_distribution<int> cents(0, 99);
    std::uniform_int_distribution<int> coin(0, 3);
    for (int i = 0; i < 3000; ++i) {
        long long units = whole(random);
        int fraction = cents(random);
        bool negative = coin(random) == 0;
        int style = coin(random);
        std::string digits = std::to_string(units);
        std::string fraction_text = (fraction < 10 ? "0" : "") + std::to_string(fraction);
        std::string body = (style % 2 == 0 ? grouped(digits) : digits) + "." + fraction_text;
        std::string printed = negative ? (style == 3 ? "(" + body + ")" : "-" + body) : body;
        ParsedAmount parsed = parse_amount(printed);
        INFO(printed);
        REQUIRE(parsed.kind == AmountKind::value);
        CHECK(parsed.decimals_printed == 2);
        std::string expected = (negative && (units != 0 || fraction != 0) ? "-" : "") + digits + "." + fraction_text;
        CHECK(parsed.value.to_string() == expected);
        CHECK(parse_amount(parsed.value.to_string()).value == parsed.value);
    }
}

TEST_CASE("property: unit scaling is exact, compared with integer arithmetic (fixed seed)") {
    std::mt19937_64 random(9001);
    std::uniform_int_distribution<long long> hundredths(-9'999'999'999LL, 9'999'999'999LL);
    for (int i = 0; i < 3000; ++i) {
        long long printed_hundredths = hundredths(random);  // the printed amount × 100
        long long magnitude = printed_hundredths < 0 ? -printed_hundredths : printed_hundredths;
        std::string sign = printed_hundredths < 0 ? "-" : "";
        std::string printed = sign + std::to_string(magnitude / 100) + "." +
                              (magnitude % 100 < 10 ? "0" : "") + std::to_string(magnitude % 100);
        Decimal value = parse_amount(printed).value;
        // 万元: yuan × 100 = printed_hundredths × 10^4, so amount_yuan has zero cents.
        long long wan = magnitude * 10'000;
        std::string expected_wan = (printed_hundredths != 0 ? sign : "") + std::to_string(wan / 100) + "." +
                                   (wan % 100 < 10 ? "0" : "") + std::to_string(wan % 100);
        long long qian = magnitude * 1'000;
        std::string expected_qian = (printed_hundredths != 0 ? sign : "") + std::to_string(qian / 100) + "." +
                                    (qian % 100 < 10 ? "0" : "") + std::to_string(qian % 100);
        INFO(printed);
        CHECK(amount_yuan_string(yuan_from(value, Unit::wan_yuan)) == expected_wan);
        CHECK(amount_yuan_string(yuan_from(value, Unit::qian_yuan)) == expected_qian);
        CHECK(amount_yuan_string(yuan_from(value, Unit::yuan)) == (printed_hundredths == 0 ? "0.00" : printed));
    }
}
