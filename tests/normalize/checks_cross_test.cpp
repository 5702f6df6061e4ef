// Identities between the tables of one document: whole seed documents (000 in 元, 002 in 万元).

#include <doctest/doctest.h>

#include <algorithm>

#include "checks_fixture.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

const std::vector<std::string> code_checks = {"code_hierarchy", "total_is_sum_of_lei", "columns_basic_project",
                                              "columns_income_sources"};

int count_starting(const std::vector<std::string>& messages, const std::string& prefix) {
    return static_cast<int>(std::count_if(messages.begin(), messages.end(),
                                          [&prefix](const std::string& m) { return m.rfind(prefix, 0) == 0; }));
}

struct Tables {
    int summary, income, expenditure, grant, general;
};

// 阳泉市商务局 2022年度部门决算: 公开01–05.
Tables add_document_000(SeedDocument& doc) {
    auto lei = lei_codes_of(seed_rows("000", "支出决算表"));
    Tables t{};
    SeedRows summary = seed_rows("000", "收入支出决算总表");
    t.summary = doc.add_table("summary", "收入支出决算总表", "元", 3, {"summary_sides"});
    add_side(doc, t.summary, summary, SideSpec{Side::income, 0, {{"total", 2}}, {}}, lei);
    add_side(doc, t.summary, summary, SideSpec{Side::expenditure, 3, {{"total", 5}}, {}}, lei);
    t.income = add_code_table(doc, seed_rows("000", "收入决算表"), "income", "收入决算表", "元", 5, code_checks,
                              {"total", "fiscal_grant", "upper_subsidy", "business_income", "operating_income",
                               "subsidiary_remit", "other_income"});
    t.expenditure = add_code_table(doc, seed_rows("000", "支出决算表"), "expenditure", "支出决算表", "元", 6,
                                   code_checks,
                                   {"total", "basic", "project", "remit_upper", "operating_exp", "subsidiary_grant"});
    SeedRows grant = seed_rows("000", "财政拨款收入支出决算总表");
    t.grant = doc.add_table("grant_summary", "财政拨款收入支出决算总表", "元", 7,
                            {"summary_sides", "columns_income_sources"});
    add_side(doc, t.grant, grant, SideSpec{Side::income, 0, {{"total", 2}}, {{"年初财政拨款结转和结余", "opening_balance"}}}, lei);
    add_side(doc, t.grant, grant,
             SideSpec{Side::expenditure, 3,
                      {{"total", 5}, {"general_budget", 6}, {"gov_fund", 7}, {"state_capital", 8}}, {}},
             lei);
    t.general = add_code_table(doc, seed_rows("000", "一般公共预算财政拨款支出决算表"), "general_budget",
                               "一般公共预算财政拨款支出决算表", "元", 9, code_checks, {"total", "basic", "project"});
    return t;
}

// 阳泉市商务局 2026年度单位预算: 表1–5 (万元).
Tables add_document_002(SeedDocument& doc) {
    auto lei = lei_codes_of(seed_rows("002", "2026年预算支出总表"));
    Tables t{};
    SeedRows summary = seed_rows("002", "2026年预算收支总表");
    t.summary = doc.add_table("summary", "2026年预算收支总表", "万元", 3, {"summary_sides", "columns_income_sources"});
    add_side(doc, t.summary, summary, SideSpec{Side::income, 0, {{"total", 1}}, {}}, lei);
    add_side(doc, t.summary, summary,
             SideSpec{Side::expenditure, 2, {{"total", 3}, {"current_year", 4}, {"prior_carryover", 5}}, {}}, lei);
    t.income = add_code_table(doc, seed_rows("002", "2026年预算收入总表"), "income", "2026年预算收入总表", "万元", 5,
                              code_checks,
                              {"current_year", "general_budget", "gov_fund", "state_capital", "special_account",
                               "unit_funds", "prior_carryover"});
    t.expenditure = add_code_table(doc, seed_rows("002", "2026年预算支出总表"), "expenditure", "2026年预算支出总表",
                                   "万元", 7, code_checks, {"total", "basic", "project"});
    SeedRows grant = seed_rows("002", "2026年财政拨款收支总表");
    t.grant = doc.add_table("grant_summary", "2026年财政拨款收支总表", "万元", 8,
                            {"summary_sides", "columns_income_sources"});
    add_side(doc, t.grant, grant, SideSpec{Side::income, 0, {{"total", 1}}, {{"上年财政拨款结转", "opening_balance"}}}, lei);
    add_side(doc, t.grant, grant,
             SideSpec{Side::expenditure, 2,
                      {{"total", 3}, {"general_budget", 4}, {"gov_fund", 5}, {"state_capital", 6}}, {}},
             lei);
    t.general = add_code_table(doc, seed_rows("002", "2026年一般公共预算支出预算表（不含上年结转）"), "general_budget",
                               "2026年一般公共预算支出预算表（不含上年结转）", "万元", 10, code_checks,
                               {"total", "basic", "project"});
    // layouts/ reads 不含上年结转 in the title as the table leaving prior_carryover out.
    doc.readings[static_cast<std::size_t>(t.general)].excludes = {"prior_carryover"};
    return t;
}

}  // namespace

TEST_CASE("2022年度部门决算 (元): every table and every cross-table identity holds") {
    SeedDocument doc;
    add_document_000(doc);
    CheckSummary summary = doc.check();
    CHECK(summary.total > 0);
    CHECK(summary.failed == 0);
    CHECK(doc.count_check("ok") == static_cast<int>(doc.records.size()));
}

TEST_CASE("cross-table identities are counted and fail on their own") {
    SeedDocument whole;
    Tables t = add_document_000(whole);
    int all = whole.check().total;

    // Without the summary, the cross-table identities against it disappear.
    SeedDocument alone;
    add_code_table(alone, seed_rows("000", "收入决算表"), "income", "收入决算表", "元", 5, code_checks,
                   {"total", "fiscal_grant", "upper_subsidy", "business_income", "operating_income",
                    "subsidiary_remit", "other_income"});
    CHECK(alone.check().total < all);

    // A 类 row of the summary that disagrees with the 支出决算表.
    whole.reprint(t.summary, "208", "total", "758500.25", Side::expenditure);
    CHECK(whole.check().failed == 2);
    auto messages = whole.mismatch_messages();
    CHECK(count_starting(messages, "cross_summary_expenditure: 类 208 八、社会保障和就业支出 total 758500.25 ≠ "
                                   "expenditure 类 208 758500.15 (diff 0.10, tolerance 0.00) "
                                   "[summary 收入支出决算总表 p3; expenditure 支出决算表 p6]") == 1);
    CHECK(count_starting(messages, "summary_sides: expenditure 本年支出合计") == 1);
    CHECK(whole.record(t.expenditure, "208", "total").check == "mismatch");
    CHECK(whole.record(t.expenditure, "20805", "total").check == "ok");
}

TEST_CASE("cross_summary_income: income table total against 本年收入合计") {
    SeedDocument doc;
    Tables t = add_document_000(doc);
    doc.reprint(t.summary, "本年收入合计", "total", "105613371.48", Side::income);
    doc.reprint(t.summary, "一、一般公共预算财政拨款收入", "total", "105613371.48", Side::income);
    doc.reprint(t.summary, "年初结转和结余", "total", "2404003.90", Side::income);
    // The summary is consistent in itself; only the income table disagrees with it.
    CHECK(doc.check().failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0].rfind(
              "cross_summary_income: income 本年收入合计 total 105613371.48 ≠ income table total 105613371.38", 0) == 0);
    CHECK(doc.record(t.income, "合计", "total").check == "mismatch");
}

TEST_CASE("cross_summary_income: an income total holding last year's money is 本年收入合计 + those columns") {
    // 西安 部门综合预算: the summary's 本年收入合计 leaves 上年实户资金余额 out; the income table's
    // 合计 holds it in a column of its own.
    auto build = [](SeedDocument& doc, const std::string& income_total) {
        int summary = doc.add_table("summary", "部门综合预算收支总表", "元", 22, {"summary_sides"});
        doc.add_amount(summary, 1, 1, {Side::income, RowRole::item, "fiscal_grant", "1、财政拨款"}, "total", "预算数",
                       "40,052,896.08");
        doc.add_amount(summary, 2, 1, {Side::income, RowRole::item, "other_income", "6、其他收入"}, "total", "预算数",
                       "1,000,000.00");
        doc.add_amount(summary, 3, 1, {Side::income, RowRole::subtotal, "income_total", "本年收入合计"}, "total",
                       "预算数", "41,052,896.08");
        int income = doc.add_table("income", "部门综合预算收入总表", "元", 23, {"columns_income_sources"});
        RowMeaning total_row{Side::none, RowRole::total, "table_total", "合计"};
        doc.add_amount(income, 1, 2, total_row, "total", "合计", income_total);
        doc.add_amount(income, 1, 3, total_row, "general_budget", "一般公共预算拨款", "40,052,896.08");
        doc.add_amount(income, 1, 12, total_row, "opening_balance", "上年实户资金余额", "981,827.50");
        doc.add_amount(income, 1, 13, total_row, "other_income", "其他收入", "1,000,000.00");
        return income;
    };
    SeedDocument doc;
    build(doc, "42,034,723.58");
    CHECK(doc.check().failed == 0);
    CHECK(doc.mismatch_messages().empty());

    SeedDocument misprinted;
    int income = build(misprinted, "42,034,723.68");
    misprinted.check();
    auto messages = misprinted.mismatch_messages();
    CHECK(count_starting(messages, "cross_summary_income: income table total total 42034723.68 ≠ income 本年收入合计") == 1);
    CHECK(misprinted.record(income, "合计", "total").check == "mismatch");
}

TEST_CASE("cross_grant_general_budget: 一般公共预算 column against the general_budget table") {
    SeedDocument doc;
    Tables t = add_document_000(doc);
    doc.reprint(t.general, "21011", "total", "189417.70");
    doc.reprint(t.general, "21011", "basic", "189417.70");
    doc.reprint(t.general, "2101101", "total", "165299.09");
    doc.reprint(t.general, "2101101", "basic", "165299.09");
    doc.check();
    auto messages = doc.mismatch_messages();
    // The general_budget table is consistent down to 款 21011; its 类 210 and the grant summary are not.
    CHECK(count_starting(messages, "cross_grant_general_budget") == 0);
    CHECK(count_starting(messages, "code_hierarchy: 类 210 卫生健康支出 total") == 1);

    doc.reprint(t.grant, "210", "general_budget", "189417.63", Side::expenditure);
    doc.check();
    messages = doc.mismatch_messages();
    CHECK(count_starting(messages, "cross_grant_general_budget: 类 210 九、卫生健康支出 general_budget/total "
                                   "189417.63 ≠ general_budget 类 210 189417.73") == 1);
}

TEST_CASE("2026年度单位预算 (万元): holds within rounding; no grant/general comparison 不含上年结转") {
    SeedDocument doc;
    Tables t = add_document_002(doc);
    CheckSummary summary = doc.check();
    CHECK(summary.total > 0);
    CHECK(summary.failed == 0);
    // 216 一般公共预算: 162.78 in the grant summary (with 上年结转) against 26.00 in the table without it.
    CHECK(doc.record(t.general, "216", "total").check == "ok");

    doc.reprint(t.income, "合计", "current_year", "661.95");
    doc.reprint(t.income, "合计", "general_budget", "661.95");
    doc.check();
    auto messages = doc.mismatch_messages();
    CHECK(count_starting(messages, "cross_summary_income: income 本年收入合计 total/current_year 6618500.00 ≠ income table total "
                                   "6619500.00 (diff -1000.00, tolerance 100.00)") == 1);
    CHECK(count_starting(messages, "cross_grant_general_budget") == 0);
}

TEST_CASE("a fiscal-only expenditure table never stands for the expenditure table") {
    SeedDocument doc;
    int fiscal = add_code_table(doc, seed_rows("000", "支出决算表"), "expenditure", "财政拨款支出预算表", "元", 2,
                                {"code_hierarchy"}, {"total"});
    // Its layout says it leaves non-fiscal funds out (budget/grant_expenditure: excludes).
    doc.readings[static_cast<std::size_t>(fiscal)].excludes = {"non_fiscal_funds"};
    doc.reprint(fiscal, "208", "total", "758400.15");
    doc.reprint(fiscal, "20805", "total", "758400.15");
    doc.reprint(fiscal, "2080505", "total", "430995.07");
    add_document_000(doc);
    CheckSummary summary = doc.check();
    CHECK(summary.failed == 0);

    // Read as an ordinary expenditure table, the first one stands and 208 disagrees.
    doc.readings[static_cast<std::size_t>(fiscal)].excludes.clear();
    summary = doc.check();
    CHECK(summary.failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0].rfind("cross_summary_expenditure: 类 208 八、社会保障和就业支出 total 758500.15 ≠ "
                                           "expenditure 类 208 758400.15", 0) == 0);
}
