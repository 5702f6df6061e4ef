// The two sides of a summary table (收支总表, 财政拨款收支总表).
//
// How it works: per side, lines in row order. The side's subtotal (role subtotal: 本年收入合计 /
// 本年支出合计) must equal the role-item rows above it; the side's grand total (row_key
// grand_total, else its last role-total row without a code) must equal the subtotal plus the
// item rows between the two (结转结余, 使用非财政拨款结余 …), or all item rows above it when
// the side has no subtotal. A side printing both 类 rows and an expenditure-by-use block
// (基本支出, 项目支出 …) itemises the subtotal twice: each must add up on its own. A row keyed
// "parent" must equal the rows keyed "parent.<part>" below it (年初结转和结余 →
// opening_balance.general_budget …); those breakdown rows never enter the side sums. Finally
// income 总计 = expenditure 总计.

#include "normalize/checks_grid.h"

#include "model/check_keys.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace budgetpdf {
namespace {

// 本年收入合计 / 本年支出合计: keyed income_total / expenditure_total, else the first subtotal.
const CheckLine* find_subtotal(const std::vector<const CheckLine*>& lines) {
    for (const CheckLine* line : lines)
        if (line->row_key == keys::income_total || line->row_key == keys::expenditure_total) return line;
    for (const CheckLine* line : lines)
        if (line->role == RowRole::subtotal && !line->breakdown) return line;
    return nullptr;
}

const CheckLine* find_grand_total(const std::vector<const CheckLine*>& lines) {
    for (const CheckLine* line : lines)
        if (line->row_key == keys::grand_total) return line;
    const CheckLine* last = nullptr;
    for (const CheckLine* line : lines)
        if (line->role == RowRole::total && line->code.empty() && !line->breakdown) last = line;
    return last;
}

std::vector<const CheckLine*> items_between(const std::vector<const CheckLine*>& lines, int after_row,
                                            int before_row) {
    std::vector<const CheckLine*> out;
    for (const CheckLine* line : lines)
        if (is_top_item(*line) && line->row > after_row && line->row < before_row)
            out.push_back(line);
    return out;
}

// Row keys of an expenditure-by-use block (江苏 收支预算总表 支出用途: 基本支出, 项目支出, 单位预留
// 机动经费) printed beside the 类 rows: a second itemisation of the same subtotal.
bool is_use_row(const CheckLine& line) {
    return std::find(keys::expenditure_uses.begin(), keys::expenditure_uses.end(), line.row_key) !=
           keys::expenditure_uses.end();
}

// The item rows above a subtotal as one itemisation, or two when one column block prints an
// expenditure-by-use block (基本支出, 项目支出 …) beside other rows (the 类 rows, with or without
// a mapped code): each must add up to the subtotal on its own. Rows keyed by use among the 类
// rows without 基本支出 or 项目支出 (二十四、对附属单位补助支出) are ordinary items.
std::vector<std::pair<std::vector<const CheckLine*>, std::string>> itemisations(
    const std::vector<const CheckLine*>& items) {
    std::vector<const CheckLine*> by_use, others;
    for (const CheckLine* line : items) (is_use_row(*line) ? by_use : others).push_back(line);
    bool use_block = std::any_of(by_use.begin(), by_use.end(), [](const CheckLine* l) {
        return l->row_key == keys::basic || l->row_key == keys::project;
    });
    if (by_use.empty() || others.empty() || !use_block) return {{items, "Σ items above"}};
    return {{others, "Σ items above (by function)"}, {by_use, "Σ items above (by use)"}};
}

// The measure that compares across sides: total, or the side's only measure.
std::string side_measure(const CheckTable& table, Side side) {
    std::vector<std::string> measures = table.measures(side);
    for (const std::string& m : measures)
        if (m == keys::total) return m;
    return measures.size() == 1 ? measures.front() : std::string();
}

std::string side_prefix(Side side) { return side == Side::none ? std::string() : std::string(side_name(side)) + " "; }

// One column block of a side: its subtotal and grand total (or the side's, printed in another
// block: 西安's 收支总表 prints 本年支出合计 under each of its three expenditure blocks, 江苏's
// under one) must equal the block's own items.
const CheckLine* check_block(const CheckTable& table, Side side, const std::vector<const CheckLine*>& lines,
                             const CheckLine* shared_subtotal, const CheckLine* shared_grand, CheckLedger& ledger) {
    std::vector<std::string> measures = table.measures(side);
    const CheckLine* subtotal = find_subtotal(lines);
    const CheckLine* grand = find_grand_total(lines);
    if (!subtotal) subtotal = shared_subtotal;
    if (!grand) grand = shared_grand;

    IdentityText text;
    text.identity = "summary_sides";
    text.table = &table;
    if (subtotal) {
        text.lhs = side_prefix(side) + subtotal->describe();
        for (const auto& [items, rhs] : itemisations(items_between(lines, -1, subtotal->row))) {
            if (items.empty()) continue;
            text.rhs = rhs;
            for (const std::string& m : measures) {
                text.measure = m;
                ledger.expect_sum(text, subtotal->cell(m), cells_of(items, m), EvaluateWhen::any_printed);
            }
        }
    }
    if (grand) {
        std::vector<const CheckLine*> parts;
        bool own_subtotal = subtotal && std::find(lines.begin(), lines.end(), subtotal) != lines.end();
        bool own_grand = std::find(lines.begin(), lines.end(), grand) != lines.end();
        if (subtotal && subtotal->row < grand->row && own_subtotal && own_grand) {
            parts.push_back(subtotal);
            for (const CheckLine* line : items_between(lines, subtotal->row, grand->row)) parts.push_back(line);
            text.rhs = subtotal->describe() + " + rows after it";
            text.lhs = side_prefix(side) + grand->describe();
            for (const std::string& m : measures) {
                text.measure = m;
                ledger.expect_sum(text, grand->cell(m), cells_of(parts, m), EvaluateWhen::any_printed);
            }
        } else if (!subtotal) {
            text.lhs = side_prefix(side) + grand->describe();
            for (const auto& [items, rhs] : itemisations(items_between(lines, -1, grand->row))) {
                if (items.empty()) continue;
                text.rhs = rhs;
                for (const std::string& m : measures) {
                    text.measure = m;
                    ledger.expect_sum(text, grand->cell(m), cells_of(items, m), EvaluateWhen::any_printed);
                }
            }
        }
    }

    // A row keyed "parent" equals the rows keyed "parent.<part>" that itemise it (unless the row
    // hierarchy checks it with all the rows under it).
    for (const CheckLine* parent : lines) {
        if (parent->breakdown || parent->row_key.empty()) continue;
        if (parent->sums_children && table.promises("row_hierarchy")) continue;
        std::string prefix = parent->row_key + ".";
        std::vector<const CheckLine*> parts;
        for (const CheckLine* line : lines)
            if (line->row_key.compare(0, prefix.size(), prefix) == 0 &&
                line->row_key.find('.', prefix.size()) == std::string::npos)
                parts.push_back(line);
        if (parts.empty()) continue;
        text.lhs = side_prefix(side) + parent->describe();
        text.rhs = "Σ its breakdown rows";
        for (const std::string& m : measures) {
            text.measure = m;
            ledger.expect_sum(text, parent->cell(m), cells_of(parts, m), EvaluateWhen::any_printed);
        }
    }
    return grand;
}

// Each column block of the side in turn; returns the side's grand total (of its first block
// that prints one).
const CheckLine* check_side(const CheckTable& table, Side side, CheckLedger& ledger) {
    std::vector<const CheckLine*> lines;
    for (const CheckLine& line : table.lines)
        if (line.side == side) lines.push_back(&line);
    if (lines.empty()) return nullptr;
    std::vector<int> blocks;
    for (const CheckLine* line : lines)
        if (std::find(blocks.begin(), blocks.end(), line->block) == blocks.end()) blocks.push_back(line->block);
    std::sort(blocks.begin(), blocks.end());
    const CheckLine* shared_subtotal = find_subtotal(lines);
    const CheckLine* shared_grand = find_grand_total(lines);
    const CheckLine* side_grand = nullptr;
    for (int b : blocks) {
        std::vector<const CheckLine*> block_lines;
        for (const CheckLine* line : lines)
            if (line->block == b) block_lines.push_back(line);
        const CheckLine* grand = check_block(table, side, block_lines, shared_subtotal, shared_grand, ledger);
        if (!side_grand && grand && std::find(block_lines.begin(), block_lines.end(), grand) != block_lines.end())
            side_grand = grand;
    }
    return side_grand ? side_grand : shared_grand;
}

}  // namespace

void check_summary_identities(const CheckTable& table, CheckLedger& ledger) {
    if (!table.promises("summary_sides")) return;
    const CheckLine* income = check_side(table, Side::income, ledger);
    const CheckLine* expenditure = check_side(table, Side::expenditure, ledger);
    if (!income || !expenditure) return;
    std::string income_measure = side_measure(table, Side::income);
    std::string expenditure_measure = side_measure(table, Side::expenditure);
    if (income_measure.empty() || expenditure_measure.empty()) return;
    IdentityText text;
    text.identity = "summary_sides";
    text.table = &table;
    text.lhs = "income " + income->describe();
    text.rhs = "expenditure " + expenditure->describe();
    text.measure = income_measure;
    const CheckCell* right = expenditure->cell(expenditure_measure);
    std::vector<const CheckCell*> rhs;
    if (right) rhs.push_back(right);
    ledger.expect_sum(text, income->cell(income_measure), rhs, EvaluateWhen::any_printed);
}

}  // namespace budgetpdf
