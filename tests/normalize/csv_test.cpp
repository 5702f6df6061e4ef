#include "normalize/csv.h"
#include "normalize/jsonl.h"
#include "normalize/output_files.h"

#include <doctest/doctest.h>

#include <random>
#include <sstream>

using namespace budgetpdf;

namespace {

std::string csv_of(const std::vector<CsvRow>& rows) {
    std::ostringstream out;
    for (const CsvRow& row : rows) write_csv_row(out, row);
    return out.str();
}

}  // namespace

TEST_CASE("fields are quoted only when they must be") {
    CHECK(csv_field("阳泉市商务局") == "阳泉市商务局");
    CHECK(csv_field("8,611,494.83") == "\"8,611,494.83\"");
    CHECK(csv_field("财政拨款\"三公\"") == "\"财政拨款\"\"三公\"\"\"");
    CHECK(csv_field("a\nb") == "\"a\nb\"");
    CHECK(csv_field("a\rb") == "\"a\rb\"");
    CHECK(csv_field("") == "");
    CHECK(csv_of({{"a", "", "b"}}) == "a,,b\n");
    CHECK(csv_of({{""}}) == "\"\"\n");
}

TEST_CASE("reader accepts CRLF and rejects broken quoting") {
    auto rows = read_csv("a,b\r\n\"x,y\",\"\"\"\"\n");
    REQUIRE(rows);
    REQUIRE(rows->size() == 2);
    CHECK((*rows)[0] == CsvRow{"a", "b"});
    CHECK((*rows)[1] == CsvRow{"x,y", "\""});
    CHECK_FALSE(read_csv("\"open"));
    CHECK_FALSE(read_csv("\"a\"b,c\n"));
    CHECK(read_csv("")->empty());
    CHECK((*read_csv("a,\n"))[0] == CsvRow{"a", ""});
    CHECK((*read_csv("a,"))[0] == CsvRow{"a", ""});
}

TEST_CASE("property: CSV round trip on random strings (fixed seed)") {
    const std::vector<std::string> pieces = {"a", "Z", "0", "9", ",", "\"", "\n", "\r", "\r\n", " ", "　", "阳泉",
                                             "市", "（一）", "、", "8,611,494.83", "\t", "'", "“", "”", ""};
    std::mt19937 random(1234);
    std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> field_length(0, 6);
    std::uniform_int_distribution<int> row_length(1, 6);
    std::uniform_int_distribution<int> row_count(0, 8);
    for (int i = 0; i < 2000; ++i) {
        std::vector<CsvRow> rows(static_cast<size_t>(row_count(random)));
        for (CsvRow& row : rows) {
            row.resize(static_cast<size_t>(row_length(random)));
            for (std::string& field : row)
                for (int k = field_length(random); k > 0; --k) field += pieces[pick(random)];
        }
        std::string text = csv_of(rows);
        auto back = read_csv(text);
        INFO(text);
        REQUIRE(back);
        CHECK(*back == rows);
        CHECK(csv_of(*back) == text);
    }
}

TEST_CASE("property: JSONL round trip keeps order and strings (fixed seed)") {
    const std::vector<std::string> pieces = {"a", "\"", "\\", "\n", "\t", "阳泉", "、", "/", "\x01", "8.00", "{", "}", "\x7f"};
    std::mt19937 random(5678);
    std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> length(0, 6);
    const std::vector<std::string> names = {"doc_id", "source", "amount_yuan", "page"};
    for (int i = 0; i < 1000; ++i) {
        std::vector<std::string> values(names.size());
        for (std::string& value : values)
            for (int k = length(random); k > 0; --k) value += pieces[pick(random)];
        std::ostringstream out;
        write_jsonl_object(out, names, values);
        std::string line = out.str();
        REQUIRE(line.back() == '\n');
        CHECK(line.find('\n') == line.size() - 1);
        // Plain ASCII fields skip the library's escaping: the text is the same either way.
        std::string expected = "{";
        for (size_t k = 0; k < names.size(); ++k)
            expected += (k ? "," : "") + json_string(names[k]) + ":" + json_string(values[k]);
        CHECK(line == expected + "}\n");
        auto fields = read_jsonl_object(line);
        REQUIRE(fields);
        REQUIRE(fields->size() == names.size());
        for (size_t k = 0; k < names.size(); ++k) {
            CHECK((*fields)[k].first == names[k]);
            CHECK((*fields)[k].second == values[k]);
        }
    }
    CHECK(json_string("\xff") == "\"\xef\xbf\xbd\"");
}

TEST_CASE("record, document and diagnostic files") {
    Record r;
    r.doc_id = "0123456789abcdef";
    r.source = "a,b.pdf";
    r.page = 3;
    r.row_label = "(一)一般公共服务支出";
    r.amount_yuan = "7951029.59";
    r.amount_printed = "7,951,029.59";
    std::ostringstream csv;
    write_records_csv(csv, {r, r});
    auto rows = read_csv(csv.str());
    REQUIRE(rows);
    REQUIRE(rows->size() == 3);
    CHECK((*rows)[0] == record_field_names());
    CHECK((*rows)[1] == record_field_values(r));
    CHECK((*rows)[1][9] == "3");
    CHECK(csv.str().rfind("doc_id,source,region,department,scope,year,stage,table_kind,", 0) == 0);

    std::ostringstream appended;
    write_records_csv(appended, {r}, CsvHeader::omit);
    CHECK(read_csv(appended.str())->size() == 1);

    std::ostringstream jsonl;
    write_records_jsonl(jsonl, {r});
    auto fields = read_jsonl_object(jsonl.str());
    REQUIRE(fields);
    CHECK((*fields)[9] == JsonField{"page", "3"});
    CHECK((*fields)[17] == JsonField{"amount_yuan", "7951029.59"});

    DocumentSummary s;
    s.source = "x.pdf";
    s.status = "failed";
    s.error = "encrypted";
    std::ostringstream documents;
    write_documents_csv(documents, {s});
    CHECK((*read_csv(documents.str()))[1] == document_field_values(s));

    Diagnostic d;
    d.kind = "unreadable_amount";
    d.page = 4;
    d.message = "two\nlines";
    d.bbox = {10, 20, 30.25, 40};
    std::ostringstream diagnostics;
    write_diagnostics_csv(diagnostics, {{"id", "x.pdf", d}});
    auto diag_rows = read_csv(diagnostics.str());
    REQUIRE(diag_rows);
    CHECK((*diag_rows)[0] == CsvRow{"doc_id", "source", "severity", "kind", "page", "message", "bbox"});
    CHECK((*diag_rows)[1] == CsvRow{"id", "x.pdf", "warning", "unreadable_amount", "4", "two lines", "10.0 20.0 30.3 40.0"});

    std::ostringstream again;
    write_records_csv(again, {r, r});
    CHECK(again.str() == csv.str());
}
