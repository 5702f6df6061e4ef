// How it works: each text is turned into its comparison key (spaces dropped, full-width colon
// mapped to ':'); at every occurrence of a unit label the rest after an optional ':' is matched
// against the unit words (longest first). A match counts only when the word ends the text or is
// followed by a character that cannot continue a name (a bracket, punctuation, a Latin letter
// or digit), so a place name starting with 元 is not a unit.

#include "layouts/table_unit.h"

#include "layouts/text_match.h"

namespace budgetpdf {
namespace {

// Whether the UTF-8 text continues with a CJK character at `at` (a word going on).
bool continues_with_cjk(const std::string& text, size_t at) {
    if (at >= text.size()) return false;
    unsigned char c = static_cast<unsigned char>(text[at]);
    if (c < 0xE0 || c >= 0xF0 || at + 2 >= text.size()) return false;
    char32_t cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(text[at + 1]) & 0x3F) << 6) |
                  (static_cast<unsigned char>(text[at + 2]) & 0x3F);
    return cp >= 0x3400 && cp <= 0x9FFF;
}

std::string unit_after(const Vocabulary& vocabulary, const std::string& key, size_t at) {
    if (at < key.size() && key[at] == ':') ++at;
    std::string best;
    size_t best_len = 0;
    for (const auto& rule : vocabulary.units)
        for (const auto& marker : rule.markers) {
            std::string m = match_key(marker);
            if (m.empty() || m.size() <= best_len || key.compare(at, m.size(), m) != 0) continue;
            if (continues_with_cjk(key, at + m.size())) continue;
            best = rule.unit;
            best_len = m.size();
        }
    return best;
}

// A unit word alone in brackets (预算金额（万元）): the unit of the column it heads.
std::string unit_in_brackets(const Vocabulary& vocabulary, const std::string& key, size_t open) {
    std::string unit = unit_after(vocabulary, key, open + 1);
    if (unit.empty()) return "";
    for (const auto& rule : vocabulary.units)
        if (rule.unit == unit)
            for (const auto& marker : rule.markers) {
                std::string m = match_key(marker);
                if (key.compare(open + 1, m.size(), m) == 0 && open + 1 + m.size() < key.size() &&
                    key[open + 1 + m.size()] == ')')
                    return unit;
            }
    return "";
}

}  // namespace

UnitFound read_unit(const Vocabulary& vocabulary, const std::vector<std::string>& texts) {
    UnitFound found;
    auto take = [&](const std::string& unit, const std::string& text) {
        if (unit.empty()) return;
        if (found.unit.empty()) {
            found.unit = unit;
            found.text = text;
        } else if (unit != found.unit && found.conflict.empty()) {
            found.conflict = unit;
        }
    };
    for (const auto& text : texts) {
        std::string key = match_key(text);
        for (const auto& label : vocabulary.unit_labels) {
            std::string l = match_key(label);
            if (l.empty()) continue;
            for (size_t at = key.find(l); at != std::string::npos; at = key.find(l, at + 1))
                take(unit_after(vocabulary, key, at + l.size()), text);
        }
        for (size_t open = key.find('('); open != std::string::npos; open = key.find('(', open + 1))
            take(unit_in_brackets(vocabulary, key, open), text);
    }
    return found;
}

}  // namespace budgetpdf
