#include "layouts/layout_set.h"

#include <algorithm>

#include "layouts/text_match.h"

namespace budgetpdf {
namespace {

constexpr std::size_t min_guessed_name_chars = 3;

// Codes whose names match, in map order.
std::vector<std::string> codes_named(const std::vector<NameMapEntry>& map, const std::string& key) {
    std::vector<std::string> codes;
    for (const auto& entry : map)
        for (const auto& name : entry.names)
            if (label_key(name) == key) {
                codes.push_back(entry.code);
                break;
            }
    return codes;
}

std::optional<std::string> code_in_maps(const std::vector<const std::vector<NameMapEntry>*>& maps,
                                        const std::string& name, const std::string& lei_hint) {
    std::string key = label_key(name);
    if (key.empty()) return std::nullopt;
    for (const auto* map : maps) {
        auto codes = codes_named(*map, key);
        if (codes.empty()) continue;
        if (!lei_hint.empty())
            for (const auto& code : codes)
                if (code.size() > lei_hint.size() && starts_with(code, lei_hint)) return code;
        return codes.front();
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> func_code_for_lei_name(const LayoutSet& layouts, const std::string& name) {
    std::string key = label_key(name);
    if (key.empty()) return std::nullopt;
    auto codes = codes_named(layouts.func_lei, key);
    if (codes.empty()) return std::nullopt;
    return codes.front();
}

bool is_known_row_name(const LayoutSet& layouts, const std::string& label) {
    const std::string key = label_key(label);
    if (key.empty()) return false;
    if (layouts.catalog_by_name.count(key)) return true;
    for (const auto* map : {&layouts.func_lei, &layouts.econ, &layouts.econ_gov})
        if (!codes_named(*map, key).empty()) return true;
    const auto among = [&](const std::vector<RowKeyRule>& rows) {
        return std::any_of(rows.begin(), rows.end(), [&](const RowKeyRule& rule) {
            return std::find(rule.alias_keys.begin(), rule.alias_keys.end(), key) != rule.alias_keys.end();
        });
    };
    return among(layouts.vocabulary.rows) ||
           std::any_of(layouts.layouts.begin(), layouts.layouts.end(), [&](const Layout& l) { return among(l.rows); });
}

std::optional<std::string> name_one_character_away(const LayoutSet& layouts, const std::string& name_map,
                                                   const std::string& label, const std::set<std::string>& taken) {
    const std::vector<NameMapEntry>* map = name_map == "func_lei" ? &layouts.func_lei
                                           : name_map == "econ"   ? &layouts.econ
                                           : name_map == "econ_gov" ? &layouts.econ_gov
                                                                    : nullptr;
    const std::string key = label_key(label);
    if (!map || key.empty() || !codes_named(*map, key).empty()) return std::nullopt;
    std::optional<std::string> found;
    for (const auto& entry : *map)
        for (const auto& name : entry.names) {
            if (!one_character_apart(key, label_key(name), min_guessed_name_chars) || taken.count(label_key(name))) continue;
            if (found && *found != name) return std::nullopt;  // two names as close: no guess
            found = name;
        }
    return found;
}

std::optional<std::string> econ_code_for_name(const LayoutSet& layouts, const std::string& name,
                                              const std::string& lei_hint) {
    return code_in_maps({&layouts.econ, &layouts.econ_gov}, name, lei_hint);
}

std::optional<std::string> econ_gov_code_for_name(const LayoutSet& layouts, const std::string& name,
                                                  const std::string& lei_hint) {
    return code_in_maps({&layouts.econ_gov}, name, lei_hint);
}

std::optional<std::string> catalog_code_under(const LayoutSet& layouts, const std::string& name,
                                              const std::string& parent) {
    std::string key = label_key(name);
    if (key.empty() || (parent.size() != 3 && parent.size() != 5)) return std::nullopt;
    auto named = layouts.catalog_by_name.find(key);
    if (named == layouts.catalog_by_name.end()) return std::nullopt;
    std::optional<std::string> found;
    for (size_t index : named->second) {
        const std::string& code = layouts.catalog[index].code;
        if (code.size() != parent.size() + 2 || !starts_with(code, parent)) continue;
        if (found && *found != code) return std::nullopt;  // two codes: not ours to choose
        found = code;
    }
    return found;
}

std::optional<bool> catalog_lists_name(const LayoutSet& layouts, const std::string& code, const std::string& name) {
    auto at = layouts.catalog_by_code.find(code);
    if (at == layouts.catalog_by_code.end()) return std::nullopt;
    std::string key = label_key(name);
    const CatalogCode& entry = layouts.catalog[at->second];
    return std::any_of(entry.name_keys.begin(), entry.name_keys.end(),
                       [&](const std::string& k) { return k == key || contains(k, key) || contains(key, k); });
}

const Layout* fallback_layout(const LayoutSet& layouts) {
    for (const Layout& layout : layouts.layouts)
        if (layout.fallback) return &layout;
    return nullptr;
}

}  // namespace budgetpdf
