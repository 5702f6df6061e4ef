#include "normalize/jsonl.h"

#include <cassert>
#include <nlohmann/json.hpp>

namespace budgetpdf {

namespace {

// Printable ASCII without a quote or backslash is its own JSON text: most fields of a record
// (codes, amounts, keys, bboxes) skip the library's escaping.
bool needs_no_escaping(std::string_view value) {
    for (char c : value) {
        auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte >= 0x7F || c == '"' || c == '\\') return false;
    }
    return true;
}

void write_json_string(std::ostream& out, std::string_view value) {
    if (needs_no_escaping(value))
        out << '"' << value << '"';
    else
        out << json_string(value);
}

}  // namespace

std::string json_string(std::string_view value) {
    return nlohmann::json(std::string(value)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write_jsonl_object(std::ostream& out, const std::vector<std::string>& names,
                        const std::vector<std::string>& values) {
    assert(names.size() == values.size());
    out << '{';
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out << ',';
        write_json_string(out, names[i]);
        out << ':';
        write_json_string(out, values[i]);
    }
    out << "}\n";
}

std::optional<std::vector<JsonField>> read_jsonl_object(std::string_view line) {
    nlohmann::ordered_json object = nlohmann::ordered_json::parse(line, nullptr, false);
    if (object.is_discarded() || !object.is_object()) return std::nullopt;
    std::vector<JsonField> fields;
    for (const auto& [key, value] : object.items()) {
        if (!value.is_string()) return std::nullopt;
        fields.emplace_back(key, value.get<std::string>());
    }
    return fields;
}

}  // namespace budgetpdf
