#include "layouts/layout_set.h"

#include "layouts/text_match.h"

namespace budgetpdf {
namespace {

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

}  // namespace

std::optional<std::string> func_code_for_lei_name(const LayoutSet& layouts, const std::string& name) {
    std::string key = label_key(name);
    if (key.empty()) return std::nullopt;
    auto codes = codes_named(layouts.func_lei, key);
    if (codes.empty()) return std::nullopt;
    return codes.front();
}

std::optional<std::string> econ_code_for_name(const LayoutSet& layouts, const std::string& name,
                                              const std::string& lei_hint) {
    std::string key = label_key(name);
    if (key.empty()) return std::nullopt;
    for (const auto* map : {&layouts.econ, &layouts.econ_gov}) {
        auto codes = codes_named(*map, key);
        if (codes.empty()) continue;
        if (!lei_hint.empty())
            for (const auto& code : codes)
                if (code.size() > lei_hint.size() && starts_with(code, lei_hint)) return code;
        return codes.front();
    }
    return std::nullopt;
}

const Layout* fallback_layout(const LayoutSet& layouts) {
    for (const Layout& layout : layouts.layouts)
        if (layout.fallback) return &layout;
    return nullptr;
}

}  // namespace budgetpdf
