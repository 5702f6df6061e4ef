#include "normalize/jsonl.h"

#include <cassert>
#include <nlohmann/json.hpp>

namespace budgetpdf {

std::string json_string(std::string_view value) {
    return nlohmann::json(std::string(value)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write_jsonl_object(std::ostream& out, const std::vector<std::string>& names,
                        const std::vector<std::string>& values) {
    assert(names.size() == values.size());
    out << '{';
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out << ',';
        out << json_string(names[i]) << ':' << json_string(values[i]);
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
