#pragma once
// Accounting identity checks over the tables of one document.
//
// Every identity has the form  lhs = Σ rhs  over printed amounts (amount_yuan, exact). A blank
// cell is not a zero and yields no record; inside a sum it counts as 0. Each identity below is
// evaluated where the table's layout promises it (TableReading::checks names it); the
// cross-table identities run once per document whenever both tables are present.
//
//   code_hierarchy   per table, side and measure: 类 (3-digit 功能分类 code) = Σ its 款 (5 digits
//                    with that prefix), 款 = Σ its 项 (7 digits). Only where child rows exist; a
//                    parent with children rows but all children blank in a measure must be 0.
//                    Also covers 经济分类 codes (reported as econ_hierarchy).
//   econ_hierarchy   经济分类 (econ, econ_gov): 类 (3 digits) = Σ 款 (5 digits).
//   total_is_sum_of_lei   the total row (role total, no code, row_key not grand_total) = Σ 类
//                    rows of the same side, per measure.
//   columns_basic_project   per row: total = basic + project + remit_upper + operating_exp +
//                    subsidiary_grant + reserve (those present in the table); where basic is not
//                    printed, its personnel + public_funds stand for it (西安 合计 | 人员经费支出 |
//                    公用经费支出 | 专项业务经费支出), unless the table promises personnel_public,
//                    which then checks that identity.
//   columns_income_sources  per row, from the measures present in the table:
//                    sources = upper_subsidy, business_income, operating_income,
//                    subsidiary_remit, other_income, special_account, unit_funds, and either
//                    fiscal_grant (then also fiscal_grant = general_budget + gov_fund +
//                    state_capital where those are printed) or general_budget + gov_fund +
//                    state_capital directly; unit_funds printed beside its parts (事业收入 …
//                    其他收入) is checked against them and stands for them among the sources.
//                    With current_year: current_year = Σ sources, total = current_year +
//                    prior_carryover. Without it: total = Σ sources, plus prior_carryover when
//                    the total's header does not say 本年 (a 本年收入/合计 excludes 上年结转).
//                    Tables with only total, current_year and prior_carryover (the 预算收支总表
//                    expenditure side) get total = current_year + prior_carryover.
//                    Column identities are evaluated for a row only when at least one part is
//                    printed.
//   personnel_public per row: basic = personnel + public_funds where basic is printed, else
//                    total = personnel + public_funds + the other uses printed (project …).
//   group_subtotals  a subtotal row (no code) heading its group (江苏 收入预算总表: 一般公共预算资金 |
//                    小计 above 公共财政拨款(补助)资金 …) = Σ the item rows below it up to the next
//                    subtotal or total row (其中 rows excluded), where the group has item rows; the
//                    total row (收入总计) = Σ subtotals + Σ item rows above the first subtotal.
//   block_subtotals  经济分类 tables printed as column blocks side by side (公开06 明细表): per
//                    measure, the subtotal rows without code (人员经费合计, 公用经费合计) close the
//                    blocks in column order; each = Σ 类 cells printed in the columns after the
//                    previous subtotal's column up to its own.
//   total_is_sum_of_items  in a side without code rows (机关运行经费 by 单位), the total row (部门合计)
//                    = Σ its item rows, per measure.
//   keyed_parts      a row keyed P_total = Σ the rows keyed P_<part>, per measure (公开10表:
//                    procurement_total = procurement_goods + procurement_works + procurement_services).
//   summary_sides    summary / grant_summary, per side and measure: subtotal (row_key
//                    income_total / expenditure_total, else the first role subtotal: 本年收入合计
//                    / 本年支出合计) = Σ role-item rows above it; grand total (row_key
//                    grand_total, else the side's last role-total row) = subtotal + Σ item rows
//                    between them (or Σ items above it when there is no subtotal). A side with
//                    both 类 rows and rows keyed basic/project/reserve/… (the 江苏 支出用途
//                    block) itemises its subtotal twice: each is checked on its own. A row keyed
//                    "parent" = Σ rows keyed "parent.<part>" (opening_balance.general_budget …);
//                    income 总计 = expenditure 总计 (measure total, or the side's only measure).
//                    Rows with a dotted key are breakdowns and never enter a side sum.
//   three_public_parts  三公 tables, per group (the measure: a fund column in row form, budget /
//                    final in column form): three_public_total = travel_abroad + vehicles +
//                    reception, vehicles = vehicle_purchase + vehicle_operation, and where printed
//                    grand_total = three_public_total + meetings + training (江苏 会议费/培训费).
//                    Parts come from row_key (columns printed as parts carry the part as
//                    row_key), else from the printed row label or the column header segments
//                    (预算数/公务用车购置及运行维护费/小计), whose item-free segments then form the
//                    group.
//   cross_summary_expenditure   summary expenditure 类 rows = expenditure table 类 rows
//                    (measure total), and expenditure table total = summary 本年支出合计.
//   cross_summary_income        income table total (current_year if keyed so, else total) =
//                    summary 本年收入合计.
//   cross_grant_general_budget  grant_summary expenditure 类 rows and 本年支出合计 in column
//                    general_budget = general_budget table 类 rows and total (measure total).
//                    A table whose layout or title says it leaves something out (TableReading::
//                    excludes: 不含上年结转, fiscal funds only) never stands for its kind here: the
//                    grant summary includes the carry-over, such a table does not.
//
// Tolerance: a printed amount carries up to half a unit of its last printed decimal (from
// amount_printed's digits after '.', in the record's unit, scaled to 元): 50元 for 2 decimals in
// 万元, 0.5元 for integers in 元. An identity holds when |lhs − Σ rhs| ≤ the sum of the half-units
// of its printed terms, i.e. (n + 1) half-units for n printed parts and a printed total. Amounts
// printed to the 分 (0.01元 or finer) are exact — money has no smaller unit to round away — so
// their half-unit is 0 and 元 tables printed with 2 decimals must add up exactly. A printed
// amount without digits (`-` for zero) is an exact 0.
//
// Results: each record's `check` becomes mismatch when an identity it takes part in fails, ok
// when every identity it takes part in holds, unchecked when it takes part in none (records not
// joined to a reading included). One warning Diagnostic (kind identity_mismatch) per failing
// identity, e.g.
//   code_hierarchy: 类 201 一般公共服务支出 total 8611494.83 ≠ Σ款 8594591.33 (diff 16903.50,
//   tolerance 0.00) [expenditure 支出决算表 p6]
// A document's own arithmetic error is reported, never corrected.

#include <vector>

#include "model/diagnostic.h"
#include "model/reading.h"
#include "model/record.h"

namespace budgetpdf {

struct CheckSummary {
    int total = 0;    // identities evaluated
    int failed = 0;   // identities that do not hold
    int inexact = 0;  // identities that hold only within their rounding tolerance (a difference ≠ 0)
};

// How an identity_mismatch diagnostic names a table ("expenditure 支出决算表", then " p6"): its
// kind and title, which records carry too, so a record's table can be found in a diagnostic.
std::string table_reference(const std::string& kind, const std::string& title);

// Records join readings by (table_index, row, col). Sets every record's `check` and appends
// one identity_mismatch diagnostic per failing identity.
CheckSummary check_identities(const std::vector<TableReading>& readings,
                              std::vector<Record>& records, std::vector<Diagnostic>& diagnostics);

}  // namespace budgetpdf
