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

}  // namespace

UnitFound read_unit(const Vocabulary& vocabulary, const std::vector<std::string>& texts) {
    UnitFound found;
    for (const auto& text : texts) {
        std::string key = match_key(text);
        for (const auto& label : vocabulary.unit_labels) {
            std::string l = match_key(label);
            if (l.empty()) continue;
            for (size_t at = key.find(l); at != std::string::npos; at = key.find(l, at + 1)) {
                std::string unit = unit_after(vocabulary, key, at + l.size());
                if (unit.empty()) continue;
                if (found.unit.empty()) {
                    found.unit = unit;
                    found.text = text;
                } else if (unit != found.unit && found.conflict.empty()) {
                    found.conflict = unit;
                }
            }
        }
    }
    return found;
}

}  // namespace budgetpdf
