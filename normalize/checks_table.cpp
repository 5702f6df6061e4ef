// Identities inside one code table: the classification hierarchy (类 = Σ款 = Σ项), the total
// row against its 类 rows, and the column identities of each row (合计 = 基本 + 项目, 合计 =
// Σ income sources, 合计 = 人员经费 + 公用经费, and in tables of unnamed columns 合计 = Σ the
// others).
//
// How it works: lines are grouped by side. A parent code's children are the lines of the same
// side whose code is two digits longer and starts with it (first line per code, so a repeated
// row is not counted twice); a parent without children rows is not checked. Each identity is
// evaluated per measure; column identities per line, only where at least one part is printed.

#include "normalize/checks_grid.h"

#include <array>
#include <initializer_list>

#include "model/check_keys.h"

#include <algorithm>
#include <map>
#include <set>

namespace budgetpdf {
namespace {

bool is_econ(CodeSystem system) { return system == CodeSystem::econ || system == CodeSystem::econ_gov; }

const char* level_name(std::size_t digits) {
    switch (digits) {
        case 3: return "类";
        case 5: return "款";
        case 7: return "项";
    }
    return "?";
}

std::vector<const CheckLine*> lines_of(const CheckTable& table, Side side) {
    std::vector<const CheckLine*> out;
    for (const CheckLine& line : table.lines)
        if (line.side == side) out.push_back(&line);
    return out;
}

// What a line prints, cell by cell: two lines of one code printing the same are one row printed
// twice (a repeated last row of a page), printing different amounts they are two rows (a table
// crossing two classifications lists 301 under 501 and again under 505).
std::vector<std::string> printed_of(const CheckLine& line) {
    std::vector<std::string> out;
    for (const CheckCell& c : line.cells) out.push_back(c.printed() ? c.value.to_string(2) : std::string());
    return out;
}

// The lines among `lines` matching `keep`, a line repeating an earlier one of its code left out.
template <typename Keep>
std::vector<const CheckLine*> unique_codes(const std::vector<const CheckLine*>& lines, Keep keep) {
    std::vector<const CheckLine*> out;
    std::map<std::string, std::vector<std::vector<std::string>>> seen;
    for (const CheckLine* line : lines) {
        if (!keep(*line)) continue;
        auto& printed = seen[line->code];
        std::vector<std::string> mine = printed_of(*line);
        if (std::find(printed.begin(), printed.end(), mine) != printed.end()) continue;
        printed.push_back(std::move(mine));
        out.push_back(line);
    }
    return out;
}

// The children of `parent` among `lines` (same block): where its code is printed once, every
// line two digits longer under it; where it is printed again further down, the lines of its own
// run (from it to the next line that does not descend from it).
template <typename Keep>
std::vector<const CheckLine*> children_of(const std::vector<const CheckLine*>& lines, const CheckLine* parent,
                                          Keep keep) {
    auto descends = [&](const CheckLine* l) {
        return l->code.size() > parent->code.size() && l->code.compare(0, parent->code.size(), parent->code) == 0;
    };
    int occurrences = 0;
    for (const CheckLine* l : lines)
        if (l->block == parent->block && l->code == parent->code) ++occurrences;
    std::vector<const CheckLine*> run;
    if (occurrences <= 1) {
        for (const CheckLine* l : lines)
            if (l->block == parent->block) run.push_back(l);
    } else {
        auto at = std::find(lines.begin(), lines.end(), parent);
        for (auto it = at + 1; it != lines.end(); ++it) {
            if ((*it)->block != parent->block || (*it)->code.empty()) continue;
            if (!descends(*it)) break;
            run.push_back(*it);
        }
    }
    return unique_codes(run, [&](const CheckLine& l) {
        return keep(l) && l.code.size() == parent->code.size() + 2 && descends(&l);
    });
}

void check_hierarchy(const CheckTable& table, Side side, CheckLedger& ledger) {
    bool func_promised = table.promises("code_hierarchy");
    bool econ_promised = func_promised || table.promises("econ_hierarchy");
    std::vector<const CheckLine*> lines = lines_of(table, side);
    std::vector<std::string> measures = table.measures(side);
    for (const CheckLine* parent : lines) {
        if (parent->code.empty()) continue;
        bool econ = is_econ(parent->code_system);
        if (econ ? !econ_promised : !func_promised) continue;
        std::size_t max_parent_digits = econ ? 3 : 5;
        if ((parent->code.size() != 3 && parent->code.size() != 5) || parent->code.size() > max_parent_digits)
            continue;
        std::vector<const CheckLine*> children =
            children_of(lines, parent, [&](const CheckLine& l) { return is_econ(l.code_system) == econ; });
        if (children.empty()) continue;
        IdentityText text;
        text.identity = econ ? "econ_hierarchy" : "code_hierarchy";
        text.lhs = std::string(level_name(parent->code.size())) + " " + parent->describe();
        text.rhs = std::string("Σ") + level_name(parent->code.size() + 2);
        text.table = &table;
        for (const std::string& m : measures) {
            text.measure = m;
            ledger.expect_sum(text, parent->cell(m), cells_of(children, m), EvaluateWhen::any_printed);
        }
    }
}

void check_total_of_lei(const CheckTable& table, Side side, CheckLedger& ledger) {
    std::vector<const CheckLine*> lines = lines_of(table, side);
    std::vector<const CheckLine*> lei = unique_codes(
        lines, [](const CheckLine& l) { return is_lei(l) && !is_econ(l.code_system); });
    if (lei.empty())
        lei = unique_codes(lines, [](const CheckLine& l) { return is_lei(l); });
    if (lei.empty()) return;
    std::vector<std::string> measures = table.measures(side);
    for (const CheckLine* total : lines) {
        if (total->role != RowRole::total || !total->code.empty() || total->breakdown ||
            total->row_key == keys::grand_total)
            continue;
        IdentityText text;
        text.identity = "total_is_sum_of_lei";
        text.lhs = total->describe();
        text.rhs = "Σ类";
        text.table = &table;
        for (const std::string& m : measures) {
            text.measure = m;
            ledger.expect_sum(text, total->cell(m), cells_of(lei, m), EvaluateWhen::any_printed);
        }
    }
}

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const std::string& p : parts) text += (text.empty() ? "" : " + ") + p;
    return text;
}

// lhs_measure = Σ part_measures on every line of the side.
void check_columns(const CheckTable& table, Side side, const std::string& identity,
                   const std::string& lhs_measure, const std::vector<std::string>& part_measures,
                   CheckLedger& ledger) {
    if (part_measures.empty() || !table.has_measure(lhs_measure, side)) return;
    for (const CheckLine& line : table.lines) {
        if (line.side != side) continue;
        std::vector<const CheckCell*> parts;
        for (const std::string& m : part_measures)
            if (const CheckCell* c = line.cell(m)) parts.push_back(c);
        IdentityText text;
        text.identity = identity;
        text.lhs = line.describe() + " " + lhs_measure;
        text.rhs = joined(part_measures);
        text.table = &table;
        ledger.expect_sum(text, line.cell(lhs_measure), parts, EvaluateWhen::part_printed);
    }
}

// columns_total_of_parts, for tables whose columns no layout names (资金下达情况表: 合计 | 中央资金 |
// 省级资金): on each line the one total column = Σ the line's other amount columns. Not in a
// table where a column holds another period (上年 | 增减) or a line prints two totals.
void check_total_of_columns(const CheckTable& table, Side side, CheckLedger& ledger) {
    std::vector<const CheckLine*> lines = lines_of(table, side);
    for (const CheckLine* line : lines) {
        int totals = 0;
        for (const CheckCell& c : line->cells) {
            if (c.amount->other_period) return;
            if (c.key == keys::total) ++totals;
        }
        if (totals > 1) return;
    }
    for (const CheckLine* line : lines) {
        const CheckCell* total = line->cell(keys::total);
        if (!total) continue;
        std::vector<const CheckCell*> parts;
        for (const CheckCell& c : line->cells)
            if (&c != total) parts.push_back(&c);
        IdentityText text;
        text.identity = "columns_total_of_parts";
        text.lhs = line->describe() + " " + total->amount->measure_label;
        text.rhs = "Σ the other columns";
        text.measure = std::string(keys::total);
        text.table = &table;
        ledger.expect_sum(text, total, parts, EvaluateWhen::part_printed);
    }
}

std::vector<std::string> present(const CheckTable& table, Side side, const std::vector<std::string>& wanted) {
    std::vector<std::string> out;
    for (const std::string& m : wanted)
        if (table.has_measure(m, side)) out.push_back(m);
    return out;
}

// Whether the table's total column is headed as this year's total (本年收入/合计: layouts/ marks
// it current_year_only), which leaves 上年结转 out.
bool total_is_current_year(const CheckTable& table, Side side) {
    for (const CheckLine& line : table.lines) {
        if (line.side != side) continue;
        if (const CheckCell* c = line.cell(keys::total)) return c->amount->current_year_only;
    }
    return false;
}

std::vector<std::string> key_list(std::initializer_list<std::string_view> keys_in) {
    return std::vector<std::string>(keys_in.begin(), keys_in.end());
}

template <size_t N>
std::vector<std::string> key_list(const std::array<std::string_view, N>& keys_in) {
    return std::vector<std::string>(keys_in.begin(), keys_in.end());
}

void check_income_sources(const CheckTable& table, Side side, CheckLedger& ledger) {
    const std::string identity = "columns_income_sources";
    auto has = [&](std::string_view m) { return table.has_measure(m, side); };
    std::vector<std::string> top = present(table, side, key_list(keys::other_sources));
    std::vector<std::string> fiscal_parts = present(table, side, key_list(keys::fiscal_parts));
    std::vector<std::string> sources;
    if (has(keys::fiscal_grant)) {
        sources.emplace_back(keys::fiscal_grant);
        check_columns(table, side, identity, std::string(keys::fiscal_grant), fiscal_parts, ledger);
    } else {
        sources = fiscal_parts;
    }
    // 单位资金 printed with its parts (事业收入 …): unit_funds = Σ parts, and only unit_funds is a source.
    std::vector<std::string> unit_parts = present(table, side, key_list(keys::unit_fund_parts));
    if (has(keys::unit_funds) && !unit_parts.empty()) {
        check_columns(table, side, identity, std::string(keys::unit_funds), unit_parts, ledger);
        top.erase(std::remove_if(top.begin(), top.end(),
                                 [&](const std::string& m) {
                                     return std::find(unit_parts.begin(), unit_parts.end(), m) != unit_parts.end();
                                 }),
                  top.end());
    }
    sources.insert(sources.end(), top.begin(), top.end());

    // Last year's money brought in: 上年结转 (prior_carryover) or 上年结转结余 (opening_balance).
    std::vector<std::string> carryover = present(table, side, key_list({keys::prior_carryover, keys::opening_balance}));
    if (has(keys::current_year)) {
        check_columns(table, side, identity, std::string(keys::current_year), sources, ledger);
        if (!carryover.empty()) {
            std::vector<std::string> parts{std::string(keys::current_year)};
            parts.insert(parts.end(), carryover.begin(), carryover.end());
            check_columns(table, side, identity, std::string(keys::total), parts, ledger);
        }
        return;
    }
    if (sources.empty()) return;
    if (!total_is_current_year(table, side)) sources.insert(sources.end(), carryover.begin(), carryover.end());
    check_columns(table, side, identity, std::string(keys::total), sources, ledger);
}

}  // namespace

void check_table_identities(const CheckTable& table, CheckLedger& ledger) {
    const std::string total(keys::total);
    for (Side side : table.sides()) {
        if (table.promises("code_hierarchy") || table.promises("econ_hierarchy"))
            check_hierarchy(table, side, ledger);
        if (table.promises("total_is_sum_of_lei")) check_total_of_lei(table, side, ledger);
        // The uses of a total: 基本支出 — or, where it is not printed, its 人员经费 and 公用经费
        // (西安: 合计 | 人员经费支出 | 公用经费支出 | 专项业务经费支出) — and 项目支出 and the others.
        std::vector<std::string> uses = present(table, side, key_list(keys::expenditure_uses));
        bool basic_printed = table.has_measure(keys::basic, side);
        std::vector<std::string> basic_parts = present(table, side, key_list({keys::personnel, keys::public_funds}));
        if (table.promises("columns_basic_project") && !(table.promises("personnel_public") && !basic_printed)) {
            if (!basic_printed) uses.insert(uses.begin(), basic_parts.begin(), basic_parts.end());
            check_columns(table, side, "columns_basic_project", total, uses, ledger);
        }
        if (table.promises("columns_income_sources")) {
            std::vector<std::string> sources = key_list(keys::fiscal_parts);
            std::vector<std::string> others = key_list(keys::other_sources);
            sources.emplace_back(keys::fiscal_grant);
            sources.insert(sources.end(), others.begin(), others.end());
            if (!present(table, side, sources).empty())
                check_income_sources(table, side, ledger);
            else if (table.has_measure(keys::current_year, side) || table.has_measure(keys::prior_carryover, side))
                check_columns(table, side, "columns_income_sources", total,
                              present(table, side, key_list({keys::current_year, keys::prior_carryover,
                                                              keys::opening_balance})), ledger);
        }
        if (table.promises("columns_total_of_parts")) check_total_of_columns(table, side, ledger);
        if (table.promises("personnel_public") && !basic_parts.empty()) {
            if (basic_printed) {
                check_columns(table, side, "personnel_public", std::string(keys::basic), basic_parts, ledger);
            } else {
                std::vector<std::string> parts = basic_parts;
                for (const std::string& use : uses)
                    if (use != keys::basic) parts.push_back(use);
                check_columns(table, side, "personnel_public", total, parts, ledger);
            }
        }
    }
}

}  // namespace budgetpdf
