#include "model/record.h"

#include <doctest/doctest.h>

using namespace budgetpdf;

TEST_CASE("record fields follow SCHEMA.md order and count") {
    const auto& names = record_field_names();
    REQUIRE(names.size() == 25);
    CHECK(names.front() == "doc_id");
    CHECK(names[17] == "amount_yuan");
    CHECK(names[22] == "check");
    CHECK(names[23] == "row_key");
    CHECK(names.back() == "bbox");
    Record r;
    r.page = 7;
    r.check = "ok";
    r.row_key = "grand_total";
    r.bbox = {100.04, 20.96, 180.25, -0.0};
    auto values = record_field_values(r);
    REQUIRE(values.size() == names.size());
    CHECK(values[9] == "7");
    CHECK(values[22] == "ok");
    CHECK(values[23] == "grand_total");
    CHECK(values.back() == "");  // an empty box (y1 above y0) prints nothing
    r.bbox = {100.04, 20.96, 180.25, 31.05};
    CHECK(record_field_values(r).back() == "100.0 21.0 180.3 31.1");
}

TEST_CASE("document fields follow SCHEMA.md") {
    const auto& names = document_field_names();
    REQUIRE(names.size() == 19);
    CHECK(names[13] == "status");
    CHECK(names[15] == "pages_no_text");
    CHECK(names[16] == "tables_unread");
    CHECK(names[17] == "amounts_unreadable");
    CHECK(names[18] == "pipeline");
    DocumentSummary s;
    s.status = "failed";
    s.error = "encrypted";
    s.tables_unread = 2;
    s.pipeline = "0.2.0+layouts.abc";
    auto values = document_field_values(s);
    CHECK(values[13] == "failed");
    CHECK(values[14] == "encrypted");
    CHECK(values[16] == "2");
    CHECK(values[18] == "0.2.0+layouts.abc");
}
