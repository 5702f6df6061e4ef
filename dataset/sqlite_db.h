#pragma once
// A small RAII face of SQLite's C API, private to dataset/: one connection, prepared
// statements with typed binds and columns. Every failure throws SqliteError, which the
// dataset's public functions turn into an Error at their boundary.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace budgetpdf {

struct SqliteError : std::runtime_error {
    SqliteError(const std::string& message, int code) : std::runtime_error(message), code(code) {}
    int code;  // SQLite's extended result code
};

class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, std::string_view sql);
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&&) = delete;
    SqliteStatement(const SqliteStatement&) = delete;
    ~SqliteStatement();

    // Parameters are 1-based, as in SQL's ?1, ?2 …
    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    SqliteStatement& bind_null(int index);
    SqliteStatement& bind_optional(int index, const std::optional<std::int64_t>& value);

    bool step();  // true while a row is ready
    void run();   // steps to the end, then resets for the next use
    void reset();

    // Columns are 0-based. A NULL column reads as "" / 0 / nullopt.
    std::string text(int column) const;
    std::int64_t integer(int column) const;
    std::optional<std::int64_t> optional_integer(int column) const;
    bool is_null(int column) const;

private:
    sqlite3* db_;
    sqlite3_stmt* statement_ = nullptr;
};

class SqliteDb {
public:
    // Opens (creating if missing) the database file; ":memory:" for one that lives in memory.
    explicit SqliteDb(const std::string& file);
    SqliteDb(SqliteDb&& other) noexcept;
    SqliteDb& operator=(SqliteDb&& other) noexcept;
    SqliteDb(const SqliteDb&) = delete;
    ~SqliteDb();

    void exec(std::string_view sql);  // one or more statements without results
    SqliteStatement prepare(std::string_view sql) const { return SqliteStatement(db_, sql); }
    std::int64_t total_changes() const;  // rows inserted, updated or deleted since opened

private:
    sqlite3* db_ = nullptr;
};

// Commits at commit(), rolls back when destroyed before that (an exception on the way).
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteDb& db);
    SqliteTransaction(const SqliteTransaction&) = delete;
    ~SqliteTransaction();
    void commit();

private:
    SqliteDb& db_;
    bool done_ = false;
};

}  // namespace budgetpdf
