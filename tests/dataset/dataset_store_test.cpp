// The dataset: what is stored is exported byte for byte as the SCHEMA.md writers write it;
// storing again changes nothing; amounts are exact (decimal text and integer 分, no REAL);
// content moves when a path's file changes; the schema version is checked.

#include <doctest/doctest.h>

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "dataset/dataset.h"
#include "tests/dataset/dataset_fixture.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

TEST_CASE("dataset: a stored document exports exactly what the SCHEMA.md writers write") {
    fs::path dir = dataset_scratch("export_bytes");
    Result<Dataset> dataset = Dataset::open((dir / "dataset.sqlite").string());
    REQUIRE(dataset);
    SampleDocument a = sample_document("上海市", "上海市统计局", "2025", "a.pdf", "1111111111111111");
    SampleDocument b = sample_document("上海市", "统计局", "2026", "b.pdf", "2222222222222222");
    for (const SampleDocument* doc : {&b, &a})
        REQUIRE_FALSE(dataset.value().store_document(doc->summary, doc->records, doc->diagnostics, {doc->input}, {}));
    REQUIRE_FALSE(dataset.value().store_unreadable_input(InputFile{"/data/fifo.pdf", "fifo.pdf", 0, 0},
                                                         "not a regular file: a FIFO (named pipe)", "0.2.0+layouts.x"));
    REQUIRE_FALSE(dataset.value().export_schema_files(dir.string()));

    std::ostringstream records, documents, diagnostics;
    write_records_csv(records, a.records);
    write_records_csv(records, b.records, CsvHeader::omit);
    DocumentSummary fifo;
    fifo.source = "fifo.pdf", fifo.status = "failed", fifo.error = "not a regular file: a FIFO (named pipe)";
    fifo.pipeline = "0.2.0+layouts.x";
    write_documents_csv(documents, {a.summary, b.summary, fifo});
    write_diagnostics_csv(diagnostics, a.diagnostics);
    write_diagnostics_csv(diagnostics, b.diagnostics, CsvHeader::omit);
    CHECK(read_bytes(dir / "records.csv") == records.str());
    CHECK(read_bytes(dir / "documents.csv") == documents.str());
    CHECK(read_bytes(dir / "diagnostics.csv") == diagnostics.str());
    std::ostringstream records_jsonl;
    write_records_jsonl(records_jsonl, a.records);
    write_records_jsonl(records_jsonl, b.records);
    CHECK(read_bytes(dir / "records.jsonl") == records_jsonl.str());

    Result<DatasetCounts> counts = dataset.value().counts();
    REQUIRE(counts);
    CHECK(counts.value().documents == 2);
    CHECK(counts.value().records == static_cast<std::int64_t>(a.records.size() + b.records.size()));
    CHECK(counts.value().unreadable_inputs == 1);
}

TEST_CASE("dataset: storing the same document again changes nothing; reopened, it is all there") {
    fs::path dir = dataset_scratch("idempotent");
    std::string file = (dir / "dataset.sqlite").string();
    SampleDocument a = sample_document("阳泉市", "阳泉市商务局", "2022", "a.pdf", "3333333333333333");
    {
        Result<Dataset> dataset = Dataset::open(file);
        REQUIRE(dataset);
        for (int i = 0; i < 3; ++i)
            REQUIRE_FALSE(dataset.value().store_document(a.summary, a.records, a.diagnostics, {a.input}, {}));
        REQUIRE_FALSE(dataset.value().export_schema_files(dir.string()));
    }
    std::string exported = read_bytes(dir / "records.csv");
    Result<Dataset> reopened = Dataset::open(file);
    REQUIRE(reopened);
    CHECK(reopened.value().counts().value().records == static_cast<std::int64_t>(a.records.size()));
    CHECK(reopened.value().cached_doc_id(a.input) == a.summary.doc_id);
    InputFile touched = a.input;
    touched.mtime_ns += 1;
    CHECK_FALSE(reopened.value().cached_doc_id(touched));
    REQUIRE_FALSE(reopened.value().note_converted_inputs({{a.input, a.summary.doc_id}}, a.summary.pipeline));
    CHECK_FALSE(reopened.value().changed_since_open());
    REQUIRE_FALSE(reopened.value().export_schema_files(dir.string()));
    CHECK(read_bytes(dir / "records.csv") == exported);
}

TEST_CASE("dataset: when a path's file changes, its old content goes unless another path has it") {
    fs::path dir = dataset_scratch("moved");
    Result<Dataset> dataset = Dataset::open((dir / "dataset.sqlite").string());
    REQUIRE(dataset);
    SampleDocument old_content = sample_document("阳泉市", "阳泉市商务局", "2022", "a.pdf", "4444444444444444");
    SampleDocument new_content = sample_document("阳泉市", "阳泉市商务局", "2023", "a.pdf", "5555555555555555");
    new_content.input.path = old_content.input.path;  // the same file, downloaded again with new content
    InputFile copy = old_content.input;
    copy.path = "/data/copy_of_a.pdf";
    REQUIRE_FALSE(dataset.value().store_document(old_content.summary, old_content.records, old_content.diagnostics,
                                                 {old_content.input, copy}, {}));
    REQUIRE_FALSE(dataset.value().store_document(new_content.summary, new_content.records, new_content.diagnostics,
                                                 {new_content.input}, {}));
    CHECK(dataset.value().stored_document(old_content.summary.doc_id));  // the copy still has it
    REQUIRE_FALSE(dataset.value().store_unreadable_input(copy, "file not found", "p"));
    CHECK_FALSE(dataset.value().stored_document(old_content.summary.doc_id));
    CHECK(dataset.value().counts().value().documents == 1);
    auto row = dataset.value().stored_row(new_content.summary.doc_id);
    REQUIRE(row);
    CHECK(row->input_paths == std::vector<std::string>{new_content.input.path});
}

TEST_CASE("dataset: typed columns, exact amounts (decimal text and integer 分, never REAL), indexes") {
    fs::path dir = dataset_scratch("typed");
    std::string file = (dir / "dataset.sqlite").string();
    SampleDocument a = sample_document("阳泉市", "阳泉市商务局", "2022", "a.pdf", "6666666666666666");
    a.records[0].amount_yuan = "3257700.00";
    a.records[1].amount_yuan = "-0.05";
    a.records[2].amount_yuan = "12.345";  // three decimals: no exact 分
    {
        Result<Dataset> dataset = Dataset::open(file);
        REQUIRE(dataset);
        REQUIRE_FALSE(dataset.value().store_document(a.summary, a.records, a.diagnostics, {a.input}, {}));
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    auto one_row = [&](const char* sql) {
        sqlite3_stmt* statement = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK);
        std::vector<std::string> values;
        if (sqlite3_step(statement) == SQLITE_ROW)
            for (int i = 0; i < sqlite3_column_count(statement); ++i) {
                const unsigned char* text = sqlite3_column_text(statement, i);
                values.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
            }
        sqlite3_finalize(statement);
        return values;
    };
    CHECK(one_row("SELECT value FROM dataset_info WHERE key = 'schema_version'") == std::vector<std::string>{"1"});
    CHECK(one_row("SELECT count(*) FROM pragma_table_info('records') WHERE type = 'REAL'") == std::vector<std::string>{"0"});
    CHECK(one_row("SELECT typeof(year), year FROM documents") == std::vector<std::string>{"integer", "2022"});
    CHECK(one_row("SELECT amount_yuan, typeof(amount_fen), amount_fen FROM records WHERE seq = 1") ==
          std::vector<std::string>{"3257700.00", "integer", "325770000"});
    CHECK(one_row("SELECT amount_fen FROM records WHERE seq = 2") == std::vector<std::string>{"-5"});
    CHECK(one_row("SELECT amount_fen FROM records WHERE seq = 3") == std::vector<std::string>{"NULL"});
    CHECK(one_row("SELECT journal_mode FROM pragma_journal_mode") == std::vector<std::string>{"wal"});
    for (const char* index : {"documents_region", "documents_department", "documents_year", "records_code", "records_measure"}) {
        CAPTURE(index);
        std::string sql = std::string("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '") + index + "'";
        CHECK(one_row(sql.c_str()) == std::vector<std::string>{"1"});
    }
    CHECK(one_row("SELECT count(*) FROM record_rows WHERE region = '阳泉市' AND year = 2022 AND code = '2010301' "
                  "AND measure = 'total'") == std::vector<std::string>{"1"});
    sqlite3_close(db);
}

TEST_CASE("dataset: a record of another document, or another schema version, is refused") {
    fs::path dir = dataset_scratch("refused");
    std::string file = (dir / "dataset.sqlite").string();
    SampleDocument a = sample_document("阳泉市", "阳泉市商务局", "2022", "a.pdf", "7777777777777777");
    a.records[1].department = "another";
    {
        Result<Dataset> dataset = Dataset::open(file);
        REQUIRE(dataset);
        CHECK(dataset.value().store_document(a.summary, a.records, a.diagnostics, {a.input}, {}));
        CHECK(dataset.value().counts().value().documents == 0);
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "UPDATE dataset_info SET value = '99'", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    Result<Dataset> newer = Dataset::open(file);
    REQUIRE_FALSE(newer);
    CHECK(newer.error().message.find("schema version '99'") != std::string::npos);
}
