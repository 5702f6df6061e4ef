// Table classification by content.
//
// How it works:
// 1. Profile: each body row is scanned left to right; a 3/5/7-digit code printed before the
//    row's name (its own cell, or fused: 2010401行政运行, [201]一般公共服务支出) counts as a
//    功能分类 row (2…) or a 经济分类 row (3…, 5…); amounts are cells with digits and a decimal
//    point or thousands separators.
// 2. Title: the candidates that look like a title (they contain a title marker such as 表 and
//    are not a sentence) are tried in order. A layout's title entry matches when the candidate
//    contains each of its words; the entry's score is the length of its words. The first
//    candidate that any layout matches decides.
// 3. Among the layouts that candidate matches: a layout expecting the other classification
//    than the rows print gives way when one that does not conflict remains (一般公共预算支出表
//    read by the 经济分类 layout when its rows are 301, 30101 …), then the highest score wins,
//    then the layout whose requires_headers are all printed in the leading rows.
// 4. No match: the fallback layout reads the table when it prints amounts (kind other).

#include "layouts/table_classifier.h"

#include <algorithm>

#include "layouts/text_match.h"

namespace budgetpdf {
namespace {

constexpr int max_leading_rows_for_headers = 8;
constexpr size_t max_title_bytes = 200;  // about 65 CJK characters; longer lines are prose
// A column is an amount column when this share of its cells, from its first amount down, is money.
constexpr int min_amount_column_percent = 80;

bool is_code_digits(const std::string& code) { return code.size() == 3 || code.size() == 5 || code.size() == 7; }

std::vector<std::string> title_words(const std::string& entry) {
    std::vector<std::string> words;
    size_t start = 0;
    while (start <= entry.size()) {
        size_t space = entry.find(' ', start);
        std::string word = match_key(entry.substr(start, space == std::string::npos ? std::string::npos : space - start));
        if (!word.empty()) words.push_back(word);
        if (space == std::string::npos) break;
        start = space + 1;
    }
    return words;
}

struct TitleMatch {
    const Layout* layout = nullptr;
    std::string pattern;
    size_t score = 0;
};

std::vector<TitleMatch> title_matches(const LayoutSet& set, const std::string& text) {
    std::vector<TitleMatch> out;
    std::string key = match_key(text);
    if (key.empty()) return out;
    for (const Layout& layout : set.layouts) {
        bool excluded = false;
        for (const auto& ex : layout.titles_exclude) excluded = excluded || contains(key, match_key(ex));
        if (excluded) continue;
        TitleMatch best;
        for (const auto& entry : layout.titles) {
            std::vector<std::string> words = title_words(entry);
            size_t score = 0;
            bool all = !words.empty();
            for (const auto& w : words) {
                all = all && contains(key, w);
                score += w.size();
            }
            if (all && score > best.score) best = {&layout, entry, score};
        }
        if (best.layout) out.push_back(best);
    }
    return out;
}

bool looks_like_title(const LayoutSet& set, const std::string& text) {
    std::string key = match_key(text);
    if (key.empty() || key.size() > max_title_bytes) return false;
    if (contains(key, "。") || contains(key, "；")) return false;
    return std::any_of(set.vocabulary.title_markers.begin(), set.vocabulary.title_markers.end(),
                       [&](const std::string& m) { return contains(key, match_key(m)); });
}

std::vector<std::string> title_candidates(const Table& table, const Grid& grid) {
    std::vector<std::string> out;
    if (!table.context.title.empty()) out.push_back(table.context.title);
    if (grid.rows() > 0) {
        auto cells = grid.row_cells(0);
        if (cells.size() == 1 && cells[0]->col_span >= std::max(1, grid.cols() / 2)) out.push_back(cells[0]->text);
    }
    for (auto it = table.context.other_lines.rbegin(); it != table.context.other_lines.rend(); ++it) out.push_back(*it);
    if (!table.context.tag.empty()) out.push_back(table.context.tag);
    return out;
}

std::string leading_text(const Grid& grid) {
    std::string text;
    for (int r = 0; r < grid.rows() && r < max_leading_rows_for_headers; ++r)
        for (const Cell* cell : grid.row_cells(r)) text += header_key(cell->text) + "|";
    return text;
}

// Whether the layout expects the classification the rows do not print.
bool conflicts(const Layout& layout, const TableProfile& profile) {
    bool func = profile.func_code_rows > profile.econ_code_rows;
    bool econ = profile.econ_code_rows > profile.func_code_rows;
    if (layout.code_system == CodeSystem::func) return econ;
    if (layout.code_system == CodeSystem::econ || layout.code_system == CodeSystem::econ_gov) return func;
    return false;
}

}  // namespace

TableProfile profile_table(const Grid& grid) {
    TableProfile profile;
    for (int r = 0; r < grid.rows(); ++r) {
        std::vector<const Cell*> cells = grid.row_cells(r, true);
        for (size_t i = 0; i < cells.size(); ++i) {
            const std::string& text = cells[i]->text;
            if (written_amount(text)) break;
            auto parsed = split_code_and_name(text);
            if (!parsed || !is_code_digits(parsed->code)) continue;
            bool named = !parsed->name.empty() ||
                         (i + 1 < cells.size() && !split_code_and_name(cells[i + 1]->text) &&
                          !looks_like_amount(cells[i + 1]->text));
            if (!named) break;
            char first = parsed->code[0];
            if (first == '2') ++profile.func_code_rows;
            else if (first == '3' || first == '5') ++profile.econ_code_rows;
            break;
        }
        for (const Cell* cell : cells)
            if (written_amount(cell->text)) ++profile.amount_cells;
    }
    for (int c = 0; c < grid.cols(); ++c) {
        int filled = 0, money = 0, marked = 0;
        for (int r = 0; r < grid.rows(); ++r) {
            const Cell* cell = grid.top_left(r, c);
            if (!cell || trim(cell->text).empty()) continue;
            if (filled == 0 && !written_amount(cell->text)) continue;  // the header above the amounts
            ++filled;
            if (written_amount(cell->text)) ++marked, ++money;
            else if (looks_like_amount(cell->text) && !small_integer(cell->text)) ++money;
        }
        if (marked > 0 && money * 100 >= filled * min_amount_column_percent) ++profile.amount_columns;
    }
    return profile;
}

Classification classify(const LayoutSet& set, const Table& table, const Grid& grid, const TableProfile& profile) {
    std::string leading = leading_text(grid);
    std::vector<std::string> candidates;
    for (const auto& c : title_candidates(table, grid))
        if (looks_like_title(set, c)) candidates.push_back(c);
    for (const auto& candidate : candidates) {
        std::vector<TitleMatch> matches = title_matches(set, candidate);
        if (matches.empty()) continue;
        bool any_agrees = std::any_of(matches.begin(), matches.end(),
                                      [&](const TitleMatch& m) { return !conflicts(*m.layout, profile); });
        if (any_agrees)
            matches.erase(std::remove_if(matches.begin(), matches.end(),
                                         [&](const TitleMatch& m) { return conflicts(*m.layout, profile); }),
                          matches.end());
        auto headers_printed = [&](const Layout& layout) {
            return std::all_of(layout.requires_headers.begin(), layout.requires_headers.end(),
                               [&](const std::string& h) { return contains(leading, header_key(h)); });
        };
        std::stable_sort(matches.begin(), matches.end(), [](const TitleMatch& a, const TitleMatch& b) {
            if (a.score != b.score) return a.score > b.score;
            return a.layout->requires_headers.size() > b.layout->requires_headers.size();
        });
        for (const auto& m : matches)
            if (headers_printed(*m.layout)) return {m.layout, trim(candidate), m.pattern, true};
        break;  // matched only by layouts whose required headers are missing: read as other
    }
    Classification fallback;
    fallback.title = candidates.empty() ? std::string() : trim(candidates.front());
    if (profile.amount_columns > 0) fallback.layout = fallback_layout(set);
    return fallback;
}

}  // namespace budgetpdf
