// The dataset's schema and its writes. How it works: a document is stored by deleting
// whatever the dataset held under its doc_id and inserting its row, its tables (records
// grouped by kind, title and unit in order of first appearance), its records and its
// diagnostics, then pointing its input paths at it, all in one IMMEDIATE transaction. An
// input path that pointed at other content leaves that content unreferenced, and it is
// deleted in the same transaction. Typed columns: counts and pages are INTEGER, amounts are
// exact decimal TEXT plus INTEGER 分 where the amount has at most two decimals; no REAL.
#include "dataset/dataset.h"

#include <chrono>
#include <ctime>
#include <map>
#include <tuple>

#include "dataset/dataset_state.h"
#include "normalize/decimal.h"

namespace budgetpdf {
namespace {

constexpr const char* schema_sql = R"sql(
CREATE TABLE dataset_info(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents(
  doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, region TEXT NOT NULL, department TEXT NOT NULL,
  scope TEXT NOT NULL, year INTEGER, stage TEXT NOT NULL, pages INTEGER NOT NULL,
  pages_ocr INTEGER NOT NULL, tables_found INTEGER NOT NULL, records INTEGER NOT NULL,
  checks_total INTEGER NOT NULL, checks_failed INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'failed')), error TEXT NOT NULL,
  pages_no_text INTEGER NOT NULL, tables_unread INTEGER NOT NULL, amounts_unreadable INTEGER NOT NULL,
  pipeline TEXT NOT NULL, convert_ms INTEGER, peak_rss_kb INTEGER, worker_failed INTEGER NOT NULL,
  converted_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX documents_region ON documents(region, year);
CREATE INDEX documents_department ON documents(department, year);
CREATE INDEX documents_year ON documents(year, stage);
CREATE TABLE tables(
  doc_id TEXT NOT NULL, table_no INTEGER NOT NULL, table_kind TEXT NOT NULL, table_title TEXT NOT NULL,
  unit TEXT NOT NULL, first_page INTEGER NOT NULL, last_page INTEGER NOT NULL, records INTEGER NOT NULL,
  PRIMARY KEY (doc_id, table_no)
) WITHOUT ROWID;
CREATE INDEX tables_kind ON tables(table_kind);
CREATE TABLE records(
  doc_id TEXT NOT NULL, seq INTEGER NOT NULL, table_no INTEGER NOT NULL, page INTEGER NOT NULL,
  side TEXT NOT NULL, row_label TEXT NOT NULL, code TEXT NOT NULL, code_system TEXT NOT NULL,
  level TEXT NOT NULL, measure TEXT NOT NULL, measure_label TEXT NOT NULL,
  amount_yuan TEXT NOT NULL, amount_fen INTEGER, amount_printed TEXT NOT NULL, method TEXT NOT NULL,
  confidence TEXT NOT NULL, "check" TEXT NOT NULL, row_key TEXT NOT NULL, bbox TEXT NOT NULL,
  PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX records_code ON records(code, measure);
CREATE INDEX records_measure ON records(measure);
CREATE TABLE diagnostics(
  doc_id TEXT NOT NULL, seq INTEGER NOT NULL, severity TEXT NOT NULL, kind TEXT NOT NULL,
  page INTEGER NOT NULL, message TEXT NOT NULL, bbox TEXT NOT NULL,
  PRIMARY KEY (doc_id, seq)
) WITHOUT ROWID;
CREATE INDEX diagnostics_kind ON diagnostics(kind);
CREATE TABLE inputs(
  path TEXT PRIMARY KEY, name TEXT NOT NULL, bytes INTEGER, mtime_ns INTEGER, doc_id TEXT,
  error TEXT NOT NULL, pipeline TEXT NOT NULL, updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX inputs_doc ON inputs(doc_id);
CREATE VIEW record_rows AS
  SELECT r.doc_id, d.source, d.region, d.department, d.scope, d.year, d.stage, t.table_kind,
         t.table_title, r.page, r.side, r.row_label, r.code, r.code_system, r.level, r.measure,
         r.measure_label, r.amount_yuan, t.unit, r.amount_printed, r.method, r.confidence, r."check",
         r.row_key, r.bbox, r.amount_fen, r.seq
  FROM records r JOIN documents d ON d.doc_id = r.doc_id
       JOIN tables t ON t.doc_id = r.doc_id AND t.table_no = r.table_no;
)sql";

std::string utc_now() {
    std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return text;
}

// Integer 分 of an exact 元 amount, when it has at most two significant decimals and fits.
std::optional<std::int64_t> fen_from_yuan(const std::string& amount) {
    std::optional<Decimal> value = Decimal::parse(amount);
    if (!value) return std::nullopt;
    __int128 units = value->units();
    int scale = value->scale();
    for (; scale > 2; --scale) {
        if (units % 10 != 0) return std::nullopt;
        units /= 10;
    }
    for (; scale < 2; ++scale) units *= 10;
    if (units > INT64_MAX || units < INT64_MIN) return std::nullopt;
    return static_cast<std::int64_t>(units);
}

bool all_digits(const std::string& text) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

// A year as an INTEGER when it is digits, NULL when unknown, else the text as printed.
void bind_year(SqliteStatement& statement, int index, const std::string& year) {
    if (year.empty()) statement.bind_null(index);
    else if (all_digits(year) && year.size() <= 9) statement.bind(index, static_cast<std::int64_t>(std::stoll(year)));
    else statement.bind(index, year);
}

void create_or_check_schema(SqliteDb& db) {
    // A 64 MiB page cache keeps the records' index pages in memory across documents, and a
    // checkpoint every 64 MiB of WAL (not 4) writes a page changed by many documents once.
    db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; "
            "PRAGMA wal_autocheckpoint=16384;");
    SqliteStatement exists = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'dataset_info'");
    exists.step();
    if (exists.integer(0) == 0) {
        SqliteTransaction transaction(db);
        db.exec(schema_sql);
        db.prepare("INSERT INTO dataset_info VALUES ('schema_version', ?1)")
            .bind(1, std::to_string(Dataset::schema_version))
            .run();
        transaction.commit();
        return;
    }
    SqliteStatement version = db.prepare("SELECT value FROM dataset_info WHERE key = 'schema_version'");
    std::string found = version.step() ? version.text(0) : "";
    if (found != std::to_string(Dataset::schema_version))
        throw SqliteError("the dataset has schema version '" + found + "'; this budgetpdf reads version " +
                              std::to_string(Dataset::schema_version),
                          0);
}

std::optional<std::string> first_mismatch(const DocumentSummary& s, const std::vector<Record>& records,
                                          const std::vector<DocumentDiagnostic>& diagnostics) {
    for (const Record& r : records)
        if (std::tie(r.doc_id, r.source, r.region, r.department, r.scope, r.year, r.stage) !=
            std::tie(s.doc_id, s.source, s.region, s.department, s.scope, s.year, s.stage))
            return "a record's document fields differ from its document's";
    for (const DocumentDiagnostic& d : diagnostics)
        if (d.doc_id != s.doc_id || d.source != s.source) return "a diagnostic belongs to another document";
    if (s.status != "ok" && s.status != "partial" && s.status != "failed") return "status '" + s.status + "'";
    return std::nullopt;
}

void delete_document(SqliteDb& db, const std::string& doc_id) {
    for (const char* sql : {"DELETE FROM records WHERE doc_id = ?1", "DELETE FROM tables WHERE doc_id = ?1",
                            "DELETE FROM diagnostics WHERE doc_id = ?1", "DELETE FROM documents WHERE doc_id = ?1"})
        db.prepare(sql).bind(1, doc_id).run();
}

// Points `input` at `doc_id` (or at nothing, with the reason); content it pointed at before
// and that no other path points at is removed. An input seen again as it was is not written.
void point_input(SqliteDb& db, const InputFile& input, const std::optional<std::string>& doc_id,
                 const std::string& error, const std::string& pipeline, const std::string& now) {
    std::optional<std::int64_t> bytes, mtime_ns;
    if (doc_id) bytes = input.bytes, mtime_ns = input.mtime_ns;
    SqliteStatement before = db.prepare(
        "SELECT doc_id, name, bytes, mtime_ns, error, pipeline FROM inputs WHERE path = ?1");
    before.bind(1, input.path);
    std::optional<std::string> old_doc;
    if (before.step()) {
        if (!before.is_null(0)) old_doc = before.text(0);
        if (old_doc == doc_id && before.text(1) == input.name && before.optional_integer(2) == bytes &&
            before.optional_integer(3) == mtime_ns && before.text(4) == error && before.text(5) == pipeline)
            return;
    }
    SqliteStatement upsert = db.prepare(
        "INSERT OR REPLACE INTO inputs (path, name, bytes, mtime_ns, doc_id, error, pipeline, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    upsert.bind(1, input.path).bind(2, input.name).bind_optional(3, bytes).bind_optional(4, mtime_ns);
    if (doc_id) upsert.bind(5, *doc_id);
    else upsert.bind_null(5);
    upsert.bind(6, error).bind(7, pipeline).bind(8, now);
    upsert.run();
    if (!old_doc || old_doc == doc_id) return;
    SqliteStatement still_used = db.prepare("SELECT count(*) FROM inputs WHERE doc_id = ?1");
    still_used.bind(1, *old_doc).step();
    if (still_used.integer(0) == 0) delete_document(db, *old_doc);
}

// A document without records or diagnostics whose stored row is the same (a file that fails
// the same way again): storing it would change nothing.
bool stored_unchanged(SqliteDb& db, const DocumentSummary& s, const std::vector<Record>& records,
                      const std::vector<DocumentDiagnostic>& diagnostics) {
    if (!records.empty() || !diagnostics.empty()) return false;
    SqliteStatement query = db.prepare(
        "SELECT doc_id, source, region, department, scope, coalesce(CAST(year AS TEXT), ''), stage, pages, pages_ocr, "
        "tables_found, records, checks_total, checks_failed, status, error, pages_no_text, tables_unread, "
        "amounts_unreadable, pipeline, (SELECT count(*) FROM diagnostics g WHERE g.doc_id = d.doc_id) "
        "FROM documents d WHERE doc_id = ?1");
    query.bind(1, s.doc_id);
    if (!query.step() || query.integer(19) != 0) return false;
    std::vector<std::string> stored;
    for (int i = 0; i < 19; ++i) stored.push_back(query.text(i));
    return stored == document_field_values(s);
}

void insert_document_row(SqliteDb& db, const DocumentSummary& s, const ConversionRun& run, const std::string& now) {
    SqliteStatement insert = db.prepare(
        "INSERT INTO documents VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
        "?18, ?19, ?20, ?21, ?22, ?23)");
    insert.bind(1, s.doc_id).bind(2, s.source).bind(3, s.region).bind(4, s.department).bind(5, s.scope);
    bind_year(insert, 6, s.year);
    insert.bind(7, s.stage).bind(8, s.pages).bind(9, s.pages_ocr).bind(10, s.tables_found).bind(11, s.records);
    insert.bind(12, s.checks_total).bind(13, s.checks_failed).bind(14, s.status).bind(15, s.error);
    insert.bind(16, s.pages_no_text).bind(17, s.tables_unread).bind(18, s.amounts_unreadable).bind(19, s.pipeline);
    insert.bind(20, run.milliseconds).bind(21, run.peak_rss_kb).bind(22, run.worker_failed ? 1 : 0).bind(23, now);
    insert.run();
}

void insert_records(SqliteDb& db, const std::string& doc_id, const std::vector<Record>& records) {
    struct TableRow {
        int table_no = 0;
        int first_page = 0, last_page = 0, records = 0;
    };
    std::map<std::tuple<std::string, std::string, std::string>, TableRow> tables;
    std::vector<const std::tuple<std::string, std::string, std::string>*> order;
    SqliteStatement insert = db.prepare(
        "INSERT INTO records VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
        "?18, ?19)");
    int seq = 0;
    for (const Record& r : records) {
        auto [it, added] = tables.try_emplace({r.table_kind, r.table_title, r.unit});
        TableRow& table = it->second;
        if (added) {
            table.table_no = static_cast<int>(order.size()) + 1;
            table.first_page = table.last_page = r.page;
            order.push_back(&it->first);
        }
        table.first_page = std::min(table.first_page, r.page);
        table.last_page = std::max(table.last_page, r.page);
        ++table.records;
        insert.bind(1, doc_id).bind(2, ++seq).bind(3, table.table_no).bind(4, r.page).bind(5, r.side);
        insert.bind(6, r.row_label).bind(7, r.code).bind(8, r.code_system).bind(9, r.level).bind(10, r.measure);
        insert.bind(11, r.measure_label).bind(12, r.amount_yuan).bind_optional(13, fen_from_yuan(r.amount_yuan));
        insert.bind(14, r.amount_printed).bind(15, r.method).bind(16, r.confidence).bind(17, r.check);
        insert.bind(18, r.row_key).bind(19, bbox_text(r.bbox));
        insert.run();
    }
    SqliteStatement insert_table = db.prepare("INSERT INTO tables VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (const auto* key : order) {
        const TableRow& t = tables.at(*key);
        insert_table.bind(1, doc_id).bind(2, t.table_no).bind(3, std::get<0>(*key)).bind(4, std::get<1>(*key));
        insert_table.bind(5, std::get<2>(*key)).bind(6, t.first_page).bind(7, t.last_page).bind(8, t.records);
        insert_table.run();
    }
}

void insert_diagnostics(SqliteDb& db, const std::string& doc_id, const std::vector<DocumentDiagnostic>& diagnostics) {
    SqliteStatement insert = db.prepare("INSERT INTO diagnostics VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    int seq = 0;
    for (const DocumentDiagnostic& row : diagnostics) {
        std::vector<std::string> values = diagnostic_field_values(row);  // severity, one-line message, bbox as exported
        insert.bind(1, doc_id).bind(2, ++seq).bind(3, values[2]).bind(4, values[3]).bind(5, row.diagnostic.page);
        insert.bind(6, values[5]).bind(7, values[6]);
        insert.run();
    }
}

}  // namespace

std::optional<Error> dataset_guard(const std::string& what, const std::function<void()>& work) {
    try {
        work();
        return std::nullopt;
    } catch (const std::exception& e) {
        return Error{ErrorKind::io, what + ": " + e.what()};
    }
}

Dataset::Dataset(std::unique_ptr<State> state) : state_(std::move(state)) {}
Dataset::Dataset(Dataset&& other) noexcept = default;
Dataset& Dataset::operator=(Dataset&& other) noexcept = default;
Dataset::~Dataset() = default;

Result<Dataset> Dataset::open(const std::string& file) {
    std::unique_ptr<State> state;
    std::optional<Error> error = dataset_guard("dataset " + file, [&] {
        state = std::make_unique<State>(State{SqliteDb(file)});
        create_or_check_schema(state->db);
    });
    if (error) return *error;
    return Dataset(std::move(state));
}

std::optional<std::string> Dataset::cached_doc_id(const InputFile& input) const {
    std::optional<std::string> id;
    dataset_guard("dataset", [&] {
        SqliteStatement query = state_->db.prepare(
            "SELECT doc_id FROM inputs WHERE path = ?1 AND bytes = ?2 AND mtime_ns = ?3 AND doc_id IS NOT NULL");
        query.bind(1, input.path).bind(2, input.bytes).bind(3, input.mtime_ns);
        if (query.step()) id = query.text(0);
    });
    return id;
}

std::optional<StoredDocument> Dataset::stored_document(const std::string& doc_id) const {
    std::optional<StoredDocument> stored;
    dataset_guard("dataset", [&] {
        SqliteStatement query =
            state_->db.prepare("SELECT pipeline, status, worker_failed FROM documents WHERE doc_id = ?1");
        query.bind(1, doc_id);
        if (query.step()) stored = StoredDocument{query.text(0), query.text(1), query.integer(2) != 0};
    });
    return stored;
}

std::optional<Error> Dataset::store_document(const DocumentSummary& summary, const std::vector<Record>& records,
                                             const std::vector<DocumentDiagnostic>& diagnostics,
                                             const std::vector<InputFile>& inputs, const ConversionRun& run) {
    if (summary.doc_id.empty()) return Error{ErrorKind::bad_argument, "a document without doc_id"};
    if (auto mismatch = first_mismatch(summary, records, diagnostics))
        return Error{ErrorKind::bad_argument, summary.source + ": " + *mismatch};
    return dataset_guard("cannot store " + summary.source + " in the dataset", [&] {
        SqliteDb& db = state_->db;
        std::string now = utc_now();
        SqliteTransaction transaction(db);
        if (!stored_unchanged(db, summary, records, diagnostics)) {
            delete_document(db, summary.doc_id);
            insert_document_row(db, summary, run, now);
            insert_records(db, summary.doc_id, records);
            insert_diagnostics(db, summary.doc_id, diagnostics);
        }
        for (const InputFile& input : inputs) point_input(db, input, summary.doc_id, "", summary.pipeline, now);
        transaction.commit();
    });
}

std::optional<Error> Dataset::store_unreadable_input(const InputFile& input, const std::string& reason,
                                                     const std::string& pipeline) {
    return dataset_guard("cannot store " + input.name + " in the dataset", [&] {
        SqliteTransaction transaction(state_->db);
        point_input(state_->db, input, std::nullopt, reason, pipeline, utc_now());
        transaction.commit();
    });
}

std::optional<Error> Dataset::note_converted_inputs(const std::vector<std::pair<InputFile, std::string>>& inputs,
                                                    const std::string& pipeline) {
    if (inputs.empty()) return std::nullopt;
    return dataset_guard("cannot update the dataset's inputs", [&] {
        std::string now = utc_now();
        SqliteTransaction transaction(state_->db);
        for (const auto& [input, doc_id] : inputs) point_input(state_->db, input, doc_id, "", pipeline, now);
        transaction.commit();
    });
}

bool Dataset::changed_since_open() const { return state_->db.total_changes() > 0; }

Result<DatasetCounts> Dataset::counts() const {
    DatasetCounts counts;
    std::optional<Error> error = dataset_guard("dataset", [&] {
        SqliteStatement documents = state_->db.prepare(
            "SELECT count(*), total(status = 'ok'), total(status = 'partial'), total(status = 'failed') FROM documents");
        documents.step();
        counts.documents = static_cast<int>(documents.integer(0));
        counts.ok = static_cast<int>(documents.integer(1));
        counts.partial = static_cast<int>(documents.integer(2));
        counts.failed = static_cast<int>(documents.integer(3));
        SqliteStatement records = state_->db.prepare("SELECT count(*) FROM records");
        records.step();
        counts.records = records.integer(0);
        SqliteStatement diagnostics = state_->db.prepare("SELECT count(*) FROM diagnostics");
        diagnostics.step();
        counts.diagnostics = diagnostics.integer(0);
        SqliteStatement inputs = state_->db.prepare("SELECT count(*), total(doc_id IS NULL) FROM inputs");
        inputs.step();
        counts.inputs = static_cast<int>(inputs.integer(0));
        counts.unreadable_inputs = static_cast<int>(inputs.integer(1));
    });
    if (error) return *error;
    return counts;
}

std::optional<StoredDocumentRow> Dataset::stored_row(const std::string& doc_id) const {
    std::optional<StoredDocumentRow> row;
    dataset_guard("dataset", [&] {
        SqliteStatement query = state_->db.prepare(
            "SELECT doc_id, source, region, department, scope, year, stage, pages, pages_ocr, tables_found, records, "
            "checks_total, checks_failed, status, error, pages_no_text, tables_unread, amounts_unreadable, pipeline, "
            "convert_ms, peak_rss_kb, worker_failed FROM documents WHERE doc_id = ?1");
        query.bind(1, doc_id);
        if (!query.step()) return;
        StoredDocumentRow found;
        DocumentSummary& s = found.summary;
        s.doc_id = query.text(0), s.source = query.text(1), s.region = query.text(2), s.department = query.text(3);
        s.scope = query.text(4), s.year = query.text(5), s.stage = query.text(6);
        s.pages = static_cast<int>(query.integer(7)), s.pages_ocr = static_cast<int>(query.integer(8));
        s.tables_found = static_cast<int>(query.integer(9)), s.records = static_cast<int>(query.integer(10));
        s.checks_total = static_cast<int>(query.integer(11)), s.checks_failed = static_cast<int>(query.integer(12));
        s.status = query.text(13), s.error = query.text(14);
        s.pages_no_text = static_cast<int>(query.integer(15)), s.tables_unread = static_cast<int>(query.integer(16));
        s.amounts_unreadable = static_cast<int>(query.integer(17)), s.pipeline = query.text(18);
        found.run = {query.integer(19), query.integer(20), query.integer(21) != 0};
        SqliteStatement paths = state_->db.prepare("SELECT path FROM inputs WHERE doc_id = ?1 ORDER BY path");
        paths.bind(1, doc_id);
        while (paths.step()) found.input_paths.push_back(paths.text(0));
        row = std::move(found);
    });
    return row;
}

}  // namespace budgetpdf
