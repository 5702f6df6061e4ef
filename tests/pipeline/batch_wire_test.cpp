// A worker's answer as text: a document goes through and comes back the same; a cut or
// altered text is refused, never half-read.

#include <doctest/doctest.h>

#include "pipeline/document_wire.h"

using namespace budgetpdf;

namespace {

DocumentOutput sample_output() {
    DocumentOutput output;
    DocumentSummary& s = output.summary;
    s.doc_id = "0123456789abcdef", s.source = "预算,\"公开\".pdf", s.region = "上海市", s.year = "2026";
    s.status = "partial", s.error = "1 table unread", s.pages = 12, s.records = 2, s.tables_unread = 1;
    s.pipeline = "0.2.0+layouts.0011223344556677";
    for (const char* amount : {"7951029.59", "-0.50"}) {
        Record r;
        r.doc_id = s.doc_id, r.source = s.source, r.region = s.region, r.year = s.year;
        r.table_kind = "expenditure", r.row_label = "行政运行\n（续）\t\\备注\r", r.code = "2010301", r.measure = "total";
        r.amount_yuan = amount, r.amount_printed = amount, r.page = 3, r.confidence = "0.8", r.check = "ok";
        r.bbox = Rect{12.3, 45.6, 78.9, 101.2};
        output.records.push_back(r);
    }
    output.diagnostics.push_back({s.doc_id, s.source, Diagnostic{Severity::error, "table_unread", 4, Rect{}, "a table"}});
    return output;
}

}  // namespace

TEST_CASE("wire: a document round-trips through the text a worker sends") {
    DocumentOutput output = sample_output();
    std::string text = wire_from_output(output);
    auto back = output_from_wire(text);
    REQUIRE(back);
    CHECK(document_field_values(back->summary) == document_field_values(output.summary));
    REQUIRE(back->records.size() == 2);
    for (size_t i = 0; i < 2; ++i) CHECK(record_field_values(back->records[i]) == record_field_values(output.records[i]));
    REQUIRE(back->diagnostics.size() == 1);
    CHECK(diagnostic_field_values(back->diagnostics[0]) == diagnostic_field_values(output.diagnostics[0]));
}

TEST_CASE("wire: a cut, extended or altered text is refused") {
    std::string text = wire_from_output(sample_output());
    for (size_t keep : {size_t{0}, size_t{1}, text.size() / 2, text.size() - 1})
        CHECK_FALSE(output_from_wire(text.substr(0, keep)));
    CHECK_FALSE(output_from_wire(text + "R {}\n"));
    std::string wrong_count = text;
    wrong_count.replace(wrong_count.rfind("E 2 1"), 5, "E 3 1");
    CHECK_FALSE(output_from_wire(wrong_count));
    std::string bad_page = text;  // the page of the first record, not a number
    size_t record = bad_page.find("\nR\t");
    bad_page.replace(bad_page.find("\t3\t", record), 3, "\tx\t");
    CHECK_FALSE(output_from_wire(bad_page));
    std::string bad_escape = text;
    bad_escape.replace(bad_escape.find("\\n"), 2, "\\q");
    CHECK_FALSE(output_from_wire(bad_escape));
}
