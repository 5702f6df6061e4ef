#pragma once
// The row keys and measures the identity checks (normalize/checks*.cpp) read. They are the
// checks' only vocabulary: layouts/ gives rows and columns these keys from the YAML files, and
// load_layouts verifies that the YAML declares every one of them, so a renamed key fails when
// the layouts load instead of silently switching a check off.

#include <array>
#include <string_view>

namespace budgetpdf::keys {

// Row keys.
inline constexpr std::string_view grand_total = "grand_total";              // 总计
inline constexpr std::string_view income_total = "income_total";            // 本年收入合计
inline constexpr std::string_view expenditure_total = "expenditure_total";  // 本年支出合计
// 三公 parts (rows or columns).
inline constexpr std::string_view three_public_total = "three_public_total";
inline constexpr std::string_view travel_abroad = "travel_abroad";
inline constexpr std::string_view vehicles = "vehicles";
inline constexpr std::string_view vehicle_purchase = "vehicle_purchase";
inline constexpr std::string_view vehicle_operation = "vehicle_operation";
inline constexpr std::string_view reception = "reception";
inline constexpr std::string_view meetings = "meetings";
inline constexpr std::string_view training = "training";

// Measures (column keys).
inline constexpr std::string_view total = "total";
inline constexpr std::string_view basic = "basic";
inline constexpr std::string_view project = "project";
inline constexpr std::string_view remit_upper = "remit_upper";
inline constexpr std::string_view operating_exp = "operating_exp";
inline constexpr std::string_view subsidiary_grant = "subsidiary_grant";
inline constexpr std::string_view reserve = "reserve";
inline constexpr std::string_view fiscal_grant = "fiscal_grant";
inline constexpr std::string_view general_budget = "general_budget";
inline constexpr std::string_view gov_fund = "gov_fund";
inline constexpr std::string_view state_capital = "state_capital";
inline constexpr std::string_view upper_subsidy = "upper_subsidy";
inline constexpr std::string_view business_income = "business_income";
inline constexpr std::string_view operating_income = "operating_income";
inline constexpr std::string_view subsidiary_remit = "subsidiary_remit";
inline constexpr std::string_view other_income = "other_income";
inline constexpr std::string_view special_account = "special_account";
inline constexpr std::string_view unit_funds = "unit_funds";
inline constexpr std::string_view other_funds = "other_funds";
inline constexpr std::string_view current_year = "current_year";
inline constexpr std::string_view prior_carryover = "prior_carryover";
inline constexpr std::string_view opening_balance = "opening_balance";
inline constexpr std::string_view personnel = "personnel";
inline constexpr std::string_view public_funds = "public_funds";

// Table kinds the cross-table identities compare (SCHEMA.md).
inline constexpr std::string_view kind_summary = "summary";
inline constexpr std::string_view kind_income = "income";
inline constexpr std::string_view kind_expenditure = "expenditure";
inline constexpr std::string_view kind_grant_summary = "grant_summary";
inline constexpr std::string_view kind_general_budget = "general_budget";

// Expenditure by use: the parts of a total (合计 = 基本支出 + 项目支出 + …), as columns and as
// the rows of an expenditure-by-use block.
inline constexpr std::array expenditure_uses = {basic, project, remit_upper, operating_exp, subsidiary_grant, reserve};
// Income sources printed beside a total (合计 = Σ sources); fiscal_grant = Σ fiscal_parts.
inline constexpr std::array fiscal_parts = {general_budget, gov_fund, state_capital};
// 单位资金 (the national template's unit funds) = 事业收入 + 事业单位经营收入 + 上级补助收入 +
// 附属单位上缴收入 + 其他收入, where the table prints it beside them.
inline constexpr std::array unit_fund_parts = {business_income, operating_income, upper_subsidy, subsidiary_remit,
                                               other_income};
inline constexpr std::array other_sources = {upper_subsidy, business_income, operating_income, subsidiary_remit,
                                             other_income,  special_account, unit_funds,       other_funds};

inline constexpr std::array row_keys = {grand_total,       income_total, expenditure_total, three_public_total,
                                        travel_abroad,     vehicles,     vehicle_purchase,  vehicle_operation,
                                        reception,         meetings,     training,          basic,
                                        project,           reserve,      remit_upper,       operating_exp,
                                        subsidiary_grant};
inline constexpr std::array measures = {total,           basic,           project,          remit_upper,
                                        operating_exp,   subsidiary_grant, reserve,          fiscal_grant,
                                        general_budget,  gov_fund,        state_capital,    upper_subsidy,
                                        business_income, operating_income, subsidiary_remit, other_income,
                                        special_account, unit_funds,      other_funds,      current_year,
                                        prior_carryover, opening_balance,
                                        personnel,       public_funds};

}  // namespace budgetpdf::keys
