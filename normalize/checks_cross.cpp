// Identities between the tables of one document, evaluated once per document.
//
// How it works: the first table of each kind (with 类 rows, if any has) stands for the document. 类 rows are matched by
// code: the summary's expenditure side (whose 类 rows the layout maps to codes) against the
// expenditure table, and the grant summary's general_budget column against the general_budget
// table; totals against the summary's 本年收入合计 / 本年支出合计 subtotals. A code printed in
// neither table is not compared; printed in one only, it is compared with 0.

#include "normalize/checks_grid.h"

#include "model/check_keys.h"

#include <algorithm>
#include <set>

namespace budgetpdf {
namespace {

// The table standing for `kind`: the first one with 类 rows, else the first one. A table whose
// title or layout says it leaves something out (excludes: fiscal funds only, 不含上年结转) never
// stands for its kind.
const CheckTable* first_of_kind(const std::vector<CheckTable>& tables, std::string_view kind) {
    const CheckTable* first = nullptr;
    for (const CheckTable& t : tables) {
        if (t.reading->table_kind != kind || !t.reading->excludes.empty()) continue;
        if (!first) first = &t;
        if (std::any_of(t.lines.begin(), t.lines.end(), [](const CheckLine& l) { return is_lei(l); })) return &t;
    }
    return first;
}

const CheckLine* side_subtotal(const CheckTable& table, Side side) {
    for (const CheckLine& line : table.lines)
        if (line.side == side && line.role == RowRole::subtotal && !line.breakdown) return &line;
    return nullptr;
}

// The table's total row: role total, no code, not a grand total.
const CheckLine* total_line(const CheckTable& table) {
    for (const CheckLine& line : table.lines)
        if (line.role == RowRole::total && line.code.empty() && !line.breakdown && line.row_key != keys::grand_total)
            return &line;
    return nullptr;
}

// 类 lines of one side, first per code.
std::vector<const CheckLine*> lei_lines(const CheckTable& table, Side side) {
    std::vector<const CheckLine*> out;
    std::set<std::string> seen;
    for (const CheckLine& line : table.lines)
        if (line.side == side && is_lei(line) && line.code_system != CodeSystem::econ &&
            line.code_system != CodeSystem::econ_gov && seen.insert(line.code).second)
            out.push_back(&line);
    return out;
}

const CheckLine* line_with_code(const std::vector<const CheckLine*>& lines, const std::string& code) {
    for (const CheckLine* line : lines)
        if (line->code == code) return line;
    return nullptr;
}

// The measure the summary's side compares with: total, or the side's only measure.
std::string side_measure(const CheckTable& table, Side side) {
    std::vector<std::string> measures = table.measures(side);
    for (const std::string& m : measures)
        if (m == keys::total) return m;
    return measures.size() == 1 ? measures.front() : std::string();
}

Side code_side(const CheckTable& table) {
    for (const CheckLine& line : table.lines)
        if (is_lei(line)) return line.side;
    return Side::none;
}

void compare(const std::string& identity, const CheckTable& left_table, const CheckLine* left,
             const std::string& left_measure, const CheckTable& right_table, const CheckLine* right,
             const std::string& right_measure, const std::string& lhs_text, const std::string& rhs_text,
             CheckLedger& ledger) {
    IdentityText text;
    text.identity = identity;
    text.table = &left_table;
    text.other = &right_table;
    text.lhs = lhs_text;
    text.rhs = rhs_text;
    text.measure = left_measure == right_measure ? left_measure : left_measure + "/" + right_measure;
    const CheckCell* lhs = left ? left->cell(left_measure) : nullptr;
    std::vector<const CheckCell*> rhs;
    if (right)
        if (const CheckCell* c = right->cell(right_measure)) rhs.push_back(c);
    ledger.expect_sum(text, lhs, rhs, EvaluateWhen::any_printed);
}

// Summary-side 类 rows (in `measure`) against a code table's 类 rows (measure total).
void compare_lei(const std::string& identity, const CheckTable& summary, const std::string& measure,
                 const CheckTable& table, CheckLedger& ledger) {
    std::vector<const CheckLine*> left = lei_lines(summary, Side::expenditure);
    std::vector<const CheckLine*> right = lei_lines(table, code_side(table));
    if (left.empty() || right.empty()) return;  // 类 rows not mapped to codes: nothing to match
    std::vector<std::string> codes;
    std::set<std::string> seen;
    for (const auto* lines : {&left, &right})
        for (const CheckLine* line : *lines)
            if (seen.insert(line->code).second) codes.push_back(line->code);
    for (const std::string& code : codes) {
        const CheckLine* l = line_with_code(left, code);
        const CheckLine* r = line_with_code(right, code);
        std::string label = l ? l->describe() : r->describe();
        compare(identity, summary, l, measure, table, r, std::string(keys::total), "类 " + label,
                table.reading->table_kind + " 类 " + code, ledger);
    }
}

}  // namespace

void check_cross_tables(const std::vector<CheckTable>& tables, CheckLedger& ledger) {
    const CheckTable* summary = first_of_kind(tables, keys::kind_summary);
    const CheckTable* income = first_of_kind(tables, keys::kind_income);
    const CheckTable* expenditure = first_of_kind(tables, keys::kind_expenditure);
    const CheckTable* grant = first_of_kind(tables, keys::kind_grant_summary);
    const CheckTable* general = first_of_kind(tables, keys::kind_general_budget);
    const std::string total(keys::total);

    if (summary && expenditure) {
        std::string measure = side_measure(*summary, Side::expenditure);
        if (!measure.empty()) {
            compare_lei("cross_summary_expenditure", *summary, measure, *expenditure, ledger);
            const CheckLine* subtotal = side_subtotal(*summary, Side::expenditure);
            const CheckLine* table_total = total_line(*expenditure);
            if (subtotal && table_total)
                compare("cross_summary_expenditure", *summary, subtotal, measure, *expenditure, table_total, total,
                        "expenditure " + subtotal->describe(), "expenditure table total", ledger);
        }
    }
    if (summary && income) {
        std::string measure = side_measure(*summary, Side::income);
        const CheckLine* subtotal = side_subtotal(*summary, Side::income);
        const CheckLine* table_total = total_line(*income);
        std::string income_measure =
            income->has_measure(keys::current_year, table_total ? table_total->side : Side::none)
                ? std::string(keys::current_year)
                : total;
        // An income table whose total also holds last year's money (上年结转, 上年实户资金余额 …)
        // without a current-year column: its total = the summary's 本年收入合计 + those columns.
        std::vector<const CheckCell*> carryover;
        if (table_total && income_measure == total)
            for (std::string_view key : {keys::prior_carryover, keys::opening_balance})
                if (const CheckCell* c = table_total->cell(key)) carryover.push_back(c);
        const CheckCell* table_total_cell = table_total ? table_total->cell(total) : nullptr;
        if (!measure.empty() && subtotal && table_total && !carryover.empty() && table_total_cell &&
            !table_total_cell->amount->current_year_only) {
            IdentityText text;
            text.identity = "cross_summary_income";
            text.table = income;
            text.other = summary;
            text.lhs = "income table total";
            text.rhs = "income " + subtotal->describe() + " + carry-over columns";
            text.measure = total;
            std::vector<const CheckCell*> rhs{subtotal->cell(measure)};
            if (rhs.front()) {
                rhs.insert(rhs.end(), carryover.begin(), carryover.end());
                ledger.expect_sum(text, table_total_cell, rhs, EvaluateWhen::any_printed);
            }
        } else if (!measure.empty() && subtotal && table_total) {
            compare("cross_summary_income", *summary, subtotal, measure, *income, table_total, income_measure,
                    "income " + subtotal->describe(), "income table total", ledger);
        }
    }
    if (grant && general && grant->has_measure(keys::general_budget, Side::expenditure)) {
        const std::string general_budget(keys::general_budget);
        compare_lei("cross_grant_general_budget", *grant, general_budget, *general, ledger);
        const CheckLine* subtotal = side_subtotal(*grant, Side::expenditure);
        const CheckLine* table_total = total_line(*general);
        if (subtotal && table_total)
            compare("cross_grant_general_budget", *grant, subtotal, general_budget, *general, table_total, total,
                    "expenditure " + subtotal->describe(), "general_budget table total", ledger);
    }
}

}  // namespace budgetpdf
