#include "dataset/sqlite_db.h"

#include <sqlite3.h>

#include <utility>

namespace budgetpdf {
namespace {

constexpr int busy_timeout_ms = 30'000;  // a reader (an export, a notebook) may hold the file briefly

[[noreturn]] void fail(sqlite3* db, int code, std::string_view what) {
    std::string message(what);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    throw SqliteError(message, code);
}

}  // namespace

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
    int code = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr);
    if (code != SQLITE_OK) fail(db, code, "cannot prepare SQL");
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_), statement_(std::exchange(other.statement_, nullptr)) {}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
    int code = sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    if (code != SQLITE_OK) fail(db_, code, "cannot bind a value");
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
    int code = sqlite3_bind_int64(statement_, index, value);
    if (code != SQLITE_OK) fail(db_, code, "cannot bind a value");
    return *this;
}

SqliteStatement& SqliteStatement::bind_null(int index) {
    int code = sqlite3_bind_null(statement_, index);
    if (code != SQLITE_OK) fail(db_, code, "cannot bind a value");
    return *this;
}

SqliteStatement& SqliteStatement::bind_optional(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bind_null(index);
}

bool SqliteStatement::step() {
    int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    sqlite3_reset(statement_);
    fail(db_, code, "SQL statement failed");
}

void SqliteStatement::run() {
    while (step()) {
    }
    reset();
}

void SqliteStatement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::string SqliteStatement::text(int column) const {
    const unsigned char* value = sqlite3_column_text(statement_, column);
    if (!value) return {};
    return std::string(reinterpret_cast<const char*>(value), static_cast<size_t>(sqlite3_column_bytes(statement_, column)));
}

std::int64_t SqliteStatement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

std::optional<std::int64_t> SqliteStatement::optional_integer(int column) const {
    if (is_null(column)) return std::nullopt;
    return integer(column);
}

bool SqliteStatement::is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

SqliteDb::SqliteDb(const std::string& file) {
    int code = sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                               nullptr);
    if (code != SQLITE_OK) {
        std::string message = "cannot open " + file + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code));
        sqlite3_close(db_);
        db_ = nullptr;
        throw SqliteError(message, code);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busy_timeout_ms);
}

SqliteDb::SqliteDb(SqliteDb&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

SqliteDb& SqliteDb::operator=(SqliteDb&& other) noexcept {
    if (this != &other) {
        sqlite3_close(db_);
        db_ = std::exchange(other.db_, nullptr);
    }
    return *this;
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

std::int64_t SqliteDb::total_changes() const { return sqlite3_total_changes64(db_); }

void SqliteDb::exec(std::string_view sql) {
    std::string text(sql);
    char* message = nullptr;
    int code = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
    if (code != SQLITE_OK) {
        std::string what = message ? message : sqlite3_errstr(code);
        sqlite3_free(message);
        throw SqliteError("SQL failed: " + what, code);
    }
}

SqliteTransaction::SqliteTransaction(SqliteDb& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

SqliteTransaction::~SqliteTransaction() {
    if (done_) return;
    try {
        db_.exec("ROLLBACK");
    } catch (const SqliteError&) {  // nothing more can be done; SQLite rolls back on close anyway
    }
}

void SqliteTransaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace budgetpdf
