#include "normalize/jsonl.h"

#include <cassert>
#include <nlohmann/json.hpp>
#include <unicode/utf8.h>

namespace budgetpdf {

namespace {

// Valid UTF-8 without a control character, a quote or a backslash is its own JSON text (UTF-8 is
// written as is): most fields skip the library's escaping, which gives the same bytes.
bool needs_no_escaping(std::string_view value) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(value.data());
    const auto length = static_cast<int32_t>(value.size());
    for (int32_t i = 0; i < length;) {
        uint8_t byte = bytes[i];
        if (byte < 0x80) {
            if (byte < 0x20 || byte == 0x7F || byte == '"' || byte == '\\') return false;
            ++i;
            continue;
        }
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return false;  // invalid UTF-8: the library replaces it
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
