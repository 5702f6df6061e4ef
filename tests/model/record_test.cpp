#include "model/record.h"

#include <doctest/doctest.h>

using namespace budgetpdf;

TEST_CASE("record fields follow SCHEMA.md order and count") {
    const auto& names = record_field_names();
    REQUIRE(names.size() == 23);
    CHECK(names.front() == "doc_id");
    CHECK(names[17] == "amount_yuan");
    CHECK(names.back() == "check");
    Record r;
    r.page = 7;
    r.check = "ok";
    auto values = record_field_values(r);
    REQUIRE(values.size() == names.size());
    CHECK(values[9] == "7");
    CHECK(values.back() == "ok");
}

TEST_CASE("document fields follow SCHEMA.md") {
    const auto& names = document_field_names();
    REQUIRE(names.size() == 15);
    CHECK(names[13] == "status");
    DocumentSummary s;
    s.status = "failed";
    s.error = "encrypted";
    auto values = document_field_values(s);
    CHECK(values[13] == "failed");
    CHECK(values[14] == "encrypted");
}
