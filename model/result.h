#pragma once
// Failures that stop one document (tier 3 of the error model): a value or an Error,
// never an exception across a stage boundary.

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace budgetpdf {

enum class ErrorKind {
    io,             // cannot open or read the file
    not_pdf,        // no %PDF header
    damaged,        // truncated or corrupt beyond repair
    encrypted,      // needs a password
    no_pages,       // a valid PDF with zero pages
    bad_argument,   // e.g. a page range outside the document
    invalid_layout, // a layout YAML file that cannot be used
};

const char* error_kind_name(ErrorKind kind);

struct Error {
    ErrorKind kind = ErrorKind::io;
    std::string message;  // one line, for people; the CLI prefixes the file name
};

template <typename T>
class Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(state_); }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<T>(state_); }
    const T& value() const& { assert(ok()); return std::get<T>(state_); }
    T&& value() && { assert(ok()); return std::get<T>(std::move(state_)); }
    const Error& error() const { assert(!ok()); return std::get<Error>(state_); }

private:
    std::variant<T, Error> state_;
};

}  // namespace budgetpdf
