// Labelled subtotal and total rows without codes: fund groups headed by their 小计 (江苏
// 收入预算总表), the 人员经费合计 / 公用经费合计 rows closing the column blocks of a 经济分类
// 明细表, and a 合计 row over rows named by unit (机关运行经费 by 单位).
//
// How it works: per side, lines in row order (breakdown rows and 其中 rows never enter a sum).
//   group_subtotals: a subtotal row heads its group; the group is the item rows below it up to
//     the next subtotal or total row. Each subtotal = Σ its group's items (only where the group
//     has item rows); the total row = Σ subtotals + Σ items outside any group.
//   block_subtotals: per measure, the subtotal rows' cells in column order close the blocks;
//     a block is the columns after the previous subtotal's column up to its own, so a 公用经费
//     block printed as several code blocks side by side, with 公用经费合计 under the last one,
//     is one block. Each subtotal = Σ the 类 cells printed in its block.
//   total_is_sum_of_items: in a side without code rows, or (where no Σ类 is promised) with code
//     rows all at one level, the total row (role total, no code) = Σ its item rows.
//   keyed_parts: a row keyed P_total = Σ the rows keyed P_<part> (procurement_total =
//     procurement_goods + procurement_works + procurement_services), where such rows exist.

#include "normalize/checks_grid.h"

#include <algorithm>
#include <string_view>

namespace budgetpdf {
namespace {

bool labelled(const CheckLine& line) { return line.code.empty() && !line.breakdown; }

// 其中 rows (role of_which) single out a part of the row above and rows under another row
// itemise it: neither is an item of a sum over the side.
bool is_item(const CheckLine& line) { return is_top_item(line) && labelled(line); }

bool is_total(const CheckLine& line) { return line.role == RowRole::total && labelled(line); }

std::vector<const CheckLine*> side_lines(const CheckTable& table, Side side) {
    std::vector<const CheckLine*> out;
    for (const CheckLine& line : table.lines)
        if (line.side == side) out.push_back(&line);
    return out;
}

IdentityText text_for(const CheckTable& table, const char* identity, const std::string& lhs, const std::string& rhs) {
    IdentityText text;
    text.identity = identity;
    text.lhs = lhs;
    text.rhs = rhs;
    text.table = &table;
    return text;
}

void check_group_subtotals(const CheckTable& table, Side side, CheckLedger& ledger) {
    std::vector<const CheckLine*> lines = side_lines(table, side);
    std::vector<const CheckLine*> heads;      // subtotals with item rows in their group
    std::vector<const CheckLine*> ungrouped;  // items before the first subtotal
    std::vector<std::string> measures = table.measures(side);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const CheckLine* line = lines[i];
        if (is_item(*line) && heads.empty()) ungrouped.push_back(line);
        if (line->role != RowRole::subtotal || !labelled(*line)) continue;
        heads.push_back(line);
        std::vector<const CheckLine*> group;
        for (std::size_t j = i + 1; j < lines.size() && lines[j]->role == RowRole::item; ++j)
            if (is_item(*lines[j])) group.push_back(lines[j]);
        if (group.empty()) continue;
        std::string lhs = line->row_key.empty() ? line->describe() : line->row_key + " " + line->describe();
        IdentityText text = text_for(table, "group_subtotals", lhs, "Σ group items");
        for (const std::string& m : measures) {
            text.measure = m;
            ledger.expect_sum(text, line->cell(m), cells_of(group, m), EvaluateWhen::any_printed);
        }
    }
    if (heads.empty()) return;
    std::vector<const CheckLine*> parts = ungrouped;
    parts.insert(parts.end(), heads.begin(), heads.end());
    for (const CheckLine* total : lines) {
        if (!is_total(*total)) continue;
        IdentityText text = text_for(table, "group_subtotals", total->describe(), "Σ小计");
        for (const std::string& m : measures) {
            text.measure = m;
            ledger.expect_sum(text, total->cell(m), cells_of(parts, m), EvaluateWhen::any_printed);
        }
    }
}

void check_block_subtotals(const CheckTable& table, Side side, CheckLedger& ledger) {
    std::vector<const CheckLine*> lines = side_lines(table, side);
    for (const std::string& m : table.measures(side)) {
        std::vector<const CheckLine*> subtotals;
        for (const CheckLine* line : lines)
            if (line->role == RowRole::subtotal && labelled(*line) && line->cell(m)) subtotals.push_back(line);
        std::stable_sort(subtotals.begin(), subtotals.end(), [&m](const CheckLine* a, const CheckLine* b) {
            return a->cell(m)->amount->col < b->cell(m)->amount->col;
        });
        int block_start = -1;  // last column of the previous block
        for (const CheckLine* subtotal : subtotals) {
            int block_end = subtotal->cell(m)->amount->col;
            std::vector<const CheckCell*> lei;
            for (const CheckLine* line : lines) {
                if (!is_lei(*line)) continue;
                const CheckCell* c = line->cell(m);
                if (c && c->amount->col > block_start && c->amount->col <= block_end) lei.push_back(c);
            }
            block_start = block_end;
            IdentityText text = text_for(table, "block_subtotals", subtotal->describe(), "Σ类 of its block");
            text.measure = m;
            ledger.expect_sum(text, subtotal->cell(m), lei, EvaluateWhen::any_printed);
        }
    }
}

// Code rows all at one level (资金安排表: a 经济分类 款 per project): a flat list, no row under
// another, so the total sums them as it sums labelled rows.
bool codes_at_one_level(const std::vector<const CheckLine*>& lines) {
    std::size_t level = 0;
    for (const CheckLine* line : lines) {
        if (line->code.empty()) continue;
        if (level != 0 && line->code.size() != level) return false;
        level = line->code.size();
    }
    return true;
}

void check_total_of_items(const CheckTable& table, Side side, CheckLedger& ledger) {
    std::vector<const CheckLine*> lines = side_lines(table, side);
    const bool coded = std::any_of(lines.begin(), lines.end(), [](const CheckLine* l) { return !l->code.empty(); });
    if (coded && (table.promises("total_is_sum_of_lei") || !codes_at_one_level(lines))) return;
    std::vector<const CheckLine*> items;
    for (const CheckLine* line : lines)
        if (is_top_item(*line) && !line->breakdown) items.push_back(line);
    if (items.empty()) return;
    for (const CheckLine* total : lines) {
        if (!is_total(*total)) continue;
        IdentityText text = text_for(table, "total_is_sum_of_items", total->describe(), "Σ items");
        for (const std::string& m : table.measures(side)) {
            text.measure = m;
            ledger.expect_sum(text, total->cell(m), cells_of(items, m), EvaluateWhen::any_printed);
        }
    }
}

constexpr std::string_view total_suffix = "_total";

// The key's prefix when it names a total of keyed parts (procurement_total → "procurement_").
std::string parts_prefix(const std::string& key) {
    if (key.size() <= total_suffix.size() ||
        key.compare(key.size() - total_suffix.size(), total_suffix.size(), total_suffix) != 0)
        return "";
    return key.substr(0, key.size() - total_suffix.size() + 1);
}

void check_keyed_parts(const CheckTable& table, Side side, CheckLedger& ledger) {
    std::vector<const CheckLine*> lines = side_lines(table, side);
    for (const CheckLine* total : lines) {
        std::string prefix = parts_prefix(total->row_key);
        if (prefix.empty() || total->breakdown) continue;
        std::vector<const CheckLine*> parts;
        for (const CheckLine* line : lines)
            if (line != total && !line->breakdown && line->row_key.rfind(prefix, 0) == 0 &&
                parts_prefix(line->row_key).empty())
                parts.push_back(line);
        if (parts.empty()) continue;
        IdentityText text = text_for(table, "keyed_parts", total->row_key + " " + total->describe(),
                                     "Σ " + prefix + "*");
        for (const std::string& m : table.measures(side)) {
            text.measure = m;
            ledger.expect_sum(text, total->cell(m), cells_of(parts, m), EvaluateWhen::any_printed);
        }
    }
}

// A labelled row whose children (by ordinals or indentation) are all its parts = Σ children.
void check_row_hierarchy(const CheckTable& table, Side side, CheckLedger& ledger) {
    std::vector<const CheckLine*> lines = side_lines(table, side);
    for (const CheckLine* parent : lines) {
        if (!parent->sums_children) continue;
        std::vector<const CheckLine*> children;
        for (const CheckLine* line : lines)
            if (line->parent_row == parent->row && line->block == parent->block && line->role == RowRole::item)
                children.push_back(line);
        if (children.empty()) continue;
        IdentityText text = text_for(table, "row_hierarchy", parent->describe(), "Σ rows under it");
        for (const std::string& m : table.measures(side)) {
            text.measure = m;
            ledger.expect_sum(text, parent->cell(m), cells_of(children, m), EvaluateWhen::any_printed);
        }
    }
}

}  // namespace

void check_subtotals(const CheckTable& table, CheckLedger& ledger) {
    for (Side side : table.sides()) {
        if (table.promises("group_subtotals")) check_group_subtotals(table, side, ledger);
        if (table.promises("block_subtotals")) check_block_subtotals(table, side, ledger);
        if (table.promises("total_is_sum_of_items")) check_total_of_items(table, side, ledger);
        if (table.promises("keyed_parts")) check_keyed_parts(table, side, ledger);
        if (table.promises("row_hierarchy")) check_row_hierarchy(table, side, ledger);
    }
}

}  // namespace budgetpdf
