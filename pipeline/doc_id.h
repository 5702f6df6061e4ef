#pragma once
// The doc_id of SCHEMA.md: the first 16 hex digits of the SHA-256 of the file's bytes.

#include <optional>
#include <string>

namespace budgetpdf {

std::string doc_id_from_bytes(const std::string& bytes);
std::optional<std::string> doc_id_from_file(const std::string& path);  // nullopt when unreadable

}  // namespace budgetpdf
