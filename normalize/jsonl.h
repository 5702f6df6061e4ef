#pragma once
// JSON Lines as the outputs use them: one object per line, keys in the given order,
// every value a JSON string (numbers stay strings), UTF-8 written as is, `\n` line ends.
// Invalid UTF-8 in a value is replaced by U+FFFD so the line is always valid JSON.

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace budgetpdf {

using JsonField = std::pair<std::string, std::string>;

// A quoted, escaped JSON string.
std::string json_string(std::string_view value);

// `{"name":"value",...}\n`; names and values must have the same length.
void write_jsonl_object(std::ostream& out, const std::vector<std::string>& names,
                        const std::vector<std::string>& values);

// The fields of one line written by write_jsonl_object, in their order; nullopt when the
// line is not a JSON object of strings.
std::optional<std::vector<JsonField>> read_jsonl_object(std::string_view line);

}  // namespace budgetpdf
