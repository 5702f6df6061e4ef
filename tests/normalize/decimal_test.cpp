#include "normalize/decimal.h"

#include <doctest/doctest.h>

#include <random>

using namespace budgetpdf;

TEST_CASE("decimal parses plain text exactly") {
    CHECK(Decimal::parse("7951029.59")->to_string() == "7951029.59");
    CHECK(Decimal::parse("-0.5")->to_string() == "-0.5");
    CHECK(Decimal::parse(".5")->to_string() == "0.5");
    CHECK(Decimal::parse("12")->to_string(2) == "12.00");
    CHECK_FALSE(Decimal::parse(""));
    CHECK_FALSE(Decimal::parse("-"));
    CHECK_FALSE(Decimal::parse("1.2.3"));
    CHECK_FALSE(Decimal::parse("1,234"));
    CHECK_FALSE(Decimal::parse("1e5"));
}

TEST_CASE("万元 to 元 moves the point, never rounds") {
    CHECK(Decimal::parse("325.77")->times_power_of_ten(4).to_string(2) == "3257700.00");
    CHECK(Decimal::parse("0.0001")->times_power_of_ten(4).to_string(2) == "1.00");
    CHECK(Decimal::parse("1.23456")->times_power_of_ten(4).to_string(2) == "12345.60");
    CHECK(Decimal::parse("-2.5")->times_power_of_ten(3).to_string(2) == "-2500.00");
}

TEST_CASE("sums and comparisons are exact across scales") {
    Decimal a = *Decimal::parse("0.1");
    Decimal b = *Decimal::parse("0.2");
    CHECK(a + b == *Decimal::parse("0.30"));
    CHECK((a - b).to_string() == "-0.1");
    CHECK(*Decimal::parse("2.50") == *Decimal::parse("2.5"));
    CHECK(*Decimal::parse("-3") < *Decimal::parse("0"));
    CHECK((*Decimal::parse("-3")).abs().to_string() == "3");
}

TEST_CASE("property: format then parse round-trips (fixed seed)") {
    std::mt19937_64 random(20261122);
    for (int i = 0; i < 2000; ++i) {
        long long units = static_cast<long long>(random() % 2000000000000LL) - 1000000000000LL;
        int scale = static_cast<int>(random() % 5);
        Decimal d = Decimal::from_units(units, scale);
        auto back = Decimal::parse(d.to_string());
        REQUIRE(back);
        CHECK(*back == d);
        CHECK(back->to_string() == d.to_string());
        CHECK(d.times_power_of_ten(4) == Decimal::from_units(static_cast<__int128>(units) * 10000, scale));
    }
}
