// Exports of the dataset. How it works: the SCHEMA.md files are written document by
// document in SCHEMA.md order (source, then doc_id; records and diagnostics in the order
// they were stored), each through an AtomicFile, so a crash or a full disk leaves the
// previous export in place. Inputs without readable content become failed documents rows
// with an empty doc_id. The panel is one ordered pass over the records: rows sharing the
// panel key are consecutive, and their measures become the columns.
#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include "dataset/atomic_file.h"
#include "dataset/dataset.h"
#include "dataset/dataset_state.h"
#include "normalize/csv.h"
#include "normalize/jsonl.h"

namespace budgetpdf {
namespace {

constexpr int record_fields = 25;      // the SCHEMA.md columns at the front of record_rows
constexpr int diagnostic_fields = 7;

// Documents to export: all, or those of one region, department and year.
struct DocumentFilter {
    bool all = true;
    std::string region, department, year;
};

const char* documents_sql(const DocumentFilter& filter) {
    if (!filter.all)
        return "SELECT doc_id, source, region, department, scope, year, stage, pages, pages_ocr, tables_found, "
               "records, checks_total, checks_failed, status, error, pages_no_text, tables_unread, "
               "amounts_unreadable, pipeline FROM documents "
               "WHERE region = ?1 AND department = ?2 AND coalesce(CAST(year AS TEXT), '') = ?3 "
               "ORDER BY source, doc_id";
    return "SELECT doc_id, source, region, department, scope, year, stage, pages, pages_ocr, tables_found, "
           "records, checks_total, checks_failed, status, error, pages_no_text, tables_unread, "
           "amounts_unreadable, pipeline, source AS sort_name, doc_id AS sort_key FROM documents "
           "UNION ALL SELECT '', name, '', '', '', '', '', 0, 0, 0, 0, 0, 0, 'failed', error, 0, 0, 0, pipeline, "
           "name, path FROM inputs WHERE doc_id IS NULL ORDER BY sort_name, sort_key";
}

std::vector<std::string> row_values(const SqliteStatement& statement, int count) {
    std::vector<std::string> values;
    values.reserve(count);
    for (int i = 0; i < count; ++i) values.push_back(statement.text(i));
    return values;
}

void write_both(AtomicFile& csv, AtomicFile& jsonl, const std::vector<std::string>& names,
                const std::vector<std::string>& values) {
    write_csv_row(csv.stream(), values);
    write_jsonl_object(jsonl.stream(), names, values);
}

// The six SCHEMA.md files of the selected documents into `dir`.
std::optional<Error> write_schema_files(const SqliteDb& db, const std::string& dir, const DocumentFilter& filter) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return Error{ErrorKind::io, "cannot create " + dir + ": " + ec.message()};
    auto path = [&](const char* name) { return (std::filesystem::path(dir) / name).string(); };
    AtomicFile records_csv(path("records.csv")), records_jsonl(path("records.jsonl"));
    AtomicFile documents_csv(path("documents.csv")), documents_jsonl(path("documents.jsonl"));
    AtomicFile diagnostics_csv(path("diagnostics.csv")), diagnostics_jsonl(path("diagnostics.jsonl"));
    write_csv_row(records_csv.stream(), record_field_names());
    write_csv_row(documents_csv.stream(), document_field_names());
    write_csv_row(diagnostics_csv.stream(), diagnostic_field_names());

    SqliteStatement documents = db.prepare(documents_sql(filter));
    if (!filter.all) documents.bind(1, filter.region).bind(2, filter.department).bind(3, filter.year);
    SqliteStatement records = db.prepare(
        "SELECT * FROM record_rows WHERE doc_id = ?1 ORDER BY seq");
    SqliteStatement diagnostics = db.prepare(
        "SELECT doc_id, severity, kind, page, message, bbox FROM diagnostics WHERE doc_id = ?1 ORDER BY seq");
    const int document_fields = static_cast<int>(document_field_names().size());
    while (documents.step()) {
        write_both(documents_csv, documents_jsonl, document_field_names(), row_values(documents, document_fields));
        std::string doc_id = documents.text(0);
        if (doc_id.empty()) continue;
        records.bind(1, doc_id);
        while (records.step()) write_both(records_csv, records_jsonl, record_field_names(), row_values(records, record_fields));
        records.reset();
        diagnostics.bind(1, doc_id);
        while (diagnostics.step()) {
            std::vector<std::string> values = row_values(diagnostics, diagnostic_fields - 1);
            values.insert(values.begin() + 1, documents.text(1));  // source, from the document
            write_both(diagnostics_csv, diagnostics_jsonl, diagnostic_field_names(), values);
        }
        diagnostics.reset();
        if (records_csv.failed() || records_jsonl.failed()) break;  // a full disk: stop early, commit reports it
    }
    // All six are on disk before the first replaces its old version: an interruption leaves
    // the old set, or (between two renames) old and new files, each whole.
    const std::vector<AtomicFile*> files = {&records_csv, &records_jsonl, &documents_csv, &documents_jsonl,
                                            &diagnostics_csv, &diagnostics_jsonl};
    for (AtomicFile* file : files)
        if (auto error = file->prepare()) return error;
    for (AtomicFile* file : files)
        if (auto error = file->publish()) return error;
    return std::nullopt;
}

// A folder name from printed text: no separators, never "." or "..", "_" when empty.
std::string folder_name(std::string text) {
    for (char& c : text)
        if (c == '/' || c == '\\' || c == '\0' || c == '\n' || c == '\r') c = '_';
    if (text.empty() || text == "." || text == "..") return "_";
    return text;
}

}  // namespace

std::string conflicts_file_for(const std::string& panel_file) {
    std::filesystem::path path(panel_file);
    return (path.parent_path() / (path.stem().string() + "_conflicts.csv")).string();
}

std::optional<Error> Dataset::export_schema_files(const std::string& dir) const {
    std::optional<Error> result;
    std::optional<Error> failure = dataset_guard("cannot export the dataset", [&] {
        result = write_schema_files(state_->db, dir, DocumentFilter{});
    });
    return failure ? failure : result;
}

std::optional<Error> Dataset::export_by_department(const std::string& dir) const {
    std::optional<Error> result;
    std::optional<Error> failure = dataset_guard("cannot export the dataset", [&] {
        SqliteStatement groups = state_->db.prepare(
            "SELECT DISTINCT region, department, coalesce(CAST(year AS TEXT), '') FROM documents "
            "ORDER BY 1, 2, 3");
        while (!result && groups.step()) {
            DocumentFilter filter{false, groups.text(0), groups.text(1), groups.text(2)};
            std::filesystem::path folder = std::filesystem::path(dir) / folder_name(filter.region) /
                                           folder_name(filter.department) / folder_name(filter.year);
            result = write_schema_files(state_->db, folder.string(), filter);
        }
    });
    return failure ? failure : result;
}

Result<WideExport> Dataset::export_wide(const std::string& file) const {
    WideExport summary;
    std::optional<Error> result;
    std::optional<Error> failure = dataset_guard("cannot export the panel", [&] {
        const SqliteDb& db = state_->db;
        std::vector<std::string> measures;
        SqliteStatement distinct = db.prepare("SELECT DISTINCT measure FROM records WHERE measure <> '' ORDER BY 1");
        while (distinct.step()) measures.push_back(distinct.text(0));
        std::map<std::string, size_t> column;
        for (size_t i = 0; i < measures.size(); ++i) column[measures[i]] = i;
        SqliteStatement skipped = db.prepare("SELECT count(*) FROM records WHERE measure = ''");
        skipped.step();
        summary.records_without_measure = skipped.integer(0);

        AtomicFile out(file);
        AtomicFile conflicts(conflicts_file_for(file));
        write_csv_row(conflicts.stream(), {"region", "department", "year", "stage", "table_kind", "side", "code", "name",
                                           "measure", "amount_in_panel", "amount_left_out", "source", "page"});
        std::vector<std::string> header = {"region", "department", "year", "stage", "table_kind", "side", "code", "name"};
        header.insert(header.end(), measures.begin(), measures.end());
        write_csv_row(out.stream(), header);
        constexpr int key_fields = 8;  // region … code, then the label key of rows without a code
        SqliteStatement rows = db.prepare(
            "SELECT region, department, coalesce(CAST(year AS TEXT), ''), stage, table_kind, side, code, "
            "CASE WHEN code = '' THEN row_label ELSE '' END AS label_key, row_label, measure, amount_yuan, source, page "
            "FROM record_rows WHERE measure <> '' "
            "ORDER BY region, department, year, stage, table_kind, side, code, label_key, source, doc_id, seq");
        std::vector<std::string> key, row;
        auto flush = [&] {
            if (row.empty()) return;
            write_csv_row(out.stream(), row);
            ++summary.rows;
        };
        while (rows.step()) {
            std::vector<std::string> this_key = row_values(rows, key_fields);
            if (this_key != key) {
                flush();
                key = this_key;
                row.assign(key.begin(), key.begin() + 7);
                row.push_back(rows.text(8));  // the name as printed where the key first appears
                row.resize(key_fields + measures.size());
            }
            std::string& cell = row[key_fields + column.at(rows.text(9))];
            std::string amount = rows.text(10);
            if (cell.empty()) {
                cell = amount;
            } else if (cell != amount) {
                ++summary.conflicts;
                std::vector<std::string> conflict(key.begin(), key.begin() + 7);
                for (int column : {8, 9}) conflict.push_back(rows.text(column));
                conflict.push_back(cell);
                for (int column : {10, 11, 12}) conflict.push_back(rows.text(column));
                write_csv_row(conflicts.stream(), conflict);
            }
        }
        flush();
        result = out.commit();
        if (!result) result = conflicts.commit();
    });
    if (failure) return *failure;
    if (result) return *result;
    return summary;
}

}  // namespace budgetpdf
