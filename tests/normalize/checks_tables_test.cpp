// Identity checks inside one code table, on the seed tables: they hold as published, and one
// changed amount fails exactly the identities it takes part in.

#include <doctest/doctest.h>

#include <algorithm>

#include "checks_fixture.h"
#include "normalize/checks_grid.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

const std::vector<std::string> code_table_checks = {"code_hierarchy", "total_is_sum_of_lei",
                                                    "columns_basic_project"};

// 支出决算表 (公开03, 元): 合计 / 基本支出 / 项目支出 / 上缴上级 / 经营 / 对附属单位补助.
int add_expenditure_000(SeedDocument& doc) {
    return add_code_table(doc, seed_rows("000", "支出决算表"), "expenditure", "支出决算表", "元", 6,
                          code_table_checks,
                          {"total", "basic", "project", "remit_upper", "operating_exp", "subsidiary_grant"});
}

// 2026年预算支出总表 (预算公开表3, 万元).
int add_expenditure_002(SeedDocument& doc) {
    return add_code_table(doc, seed_rows("002", "2026年预算支出总表"), "expenditure", "2026年预算支出总表", "万元",
                          7, code_table_checks, {"total", "basic", "project"});
}

int count_starting(const std::vector<std::string>& messages, const std::string& prefix) {
    return static_cast<int>(std::count_if(messages.begin(), messages.end(),
                                          [&prefix](const std::string& m) { return m.rfind(prefix, 0) == 0; }));
}

bool any_contains(const std::vector<std::string>& messages, const std::string& part) {
    return std::any_of(messages.begin(), messages.end(),
                       [&part](const std::string& m) { return m.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("half a printed unit, in 元") {
    CHECK(half_unit_yuan("325.77", "万元").to_string(2) == "50.00");
    CHECK(half_unit_yuan("1,629.6", "万元").to_string(2) == "500.00");
    CHECK(half_unit_yuan("12", "元").to_string(1) == "0.5");
    CHECK(half_unit_yuan("12.3", "元").to_string(2) == "0.05");
    CHECK(half_unit_yuan("1.5", "千元").to_string(2) == "50.00");
    CHECK(half_unit_yuan("8,611,494.83", "元").is_zero());     // printed to the 分: exact
    CHECK(half_unit_yuan("0.123", "元").is_zero());
    CHECK(half_unit_yuan("-", "万元").is_zero());               // a printed zero without digits
}

TEST_CASE("支出决算表 (元) holds as published") {
    SeedDocument doc;
    add_expenditure_000(doc);
    CheckSummary summary = doc.check();
    CHECK(summary.total > 0);
    CHECK(summary.failed == 0);
    CHECK(doc.mismatch_messages().empty());
    CHECK(doc.count_check("ok") == static_cast<int>(doc.records.size()));
}

TEST_CASE("a changed 类 amount fails its hierarchy, the total row and its columns") {
    SeedDocument doc;
    int t = add_expenditure_000(doc);
    CheckSummary before = doc.check();
    doc.reprint(t, "201", "total", "8,611,494.93");
    CheckSummary after = doc.check();
    CHECK(after.total == before.total);
    CHECK(after.failed == 3);
    auto messages = doc.mismatch_messages();
    REQUIRE(messages.size() == 3);
    CHECK(count_starting(messages, "code_hierarchy: 类 201 一般公共服务支出 total 8611494.93 ≠ Σ款 8611494.83") == 1);
    CHECK(count_starting(messages, "total_is_sum_of_lei: 合计 total 108017375.38 ≠ Σ类 108017375.48") == 1);
    CHECK(count_starting(messages, "columns_basic_project: 201 一般公共服务支出 total 8611494.93") == 1);
    CHECK(any_contains(messages, "(diff 0.10, tolerance 0.00) [expenditure 支出决算表 p6]"));
    CHECK(doc.diagnostics.front().severity == Severity::warning);
    CHECK(doc.diagnostics.front().kind == "identity_mismatch");
    CHECK(doc.diagnostics.front().page == 6);

    for (const char* involved : {"201", "20113", "20132", "208", "210", "216", "221", "合计"})
        CHECK_MESSAGE(doc.record(t, involved, "total").check == "mismatch", involved);
    CHECK(doc.record(t, "201", "basic").check == "mismatch");
    CHECK(doc.record(t, "201", "project").check == "mismatch");
    CHECK(doc.record(t, "2011301", "total").check == "ok");
    CHECK(doc.record(t, "20113", "basic").check == "ok");
    CHECK(doc.record(t, "合计", "basic").check == "ok");
    // The misprint is reported, never corrected.
    CHECK(doc.record(t, "201", "total").amount_yuan == "8611494.93");
}

TEST_CASE("元 amounts printed to the 分 must add up exactly") {
    SeedDocument doc;
    int t = add_expenditure_000(doc);
    doc.reprint(t, "2011301", "basic", "7,951,029.60");
    CheckSummary summary = doc.check();
    CHECK(summary.failed == 2);
    auto messages = doc.mismatch_messages();
    CHECK(count_starting(messages, "columns_basic_project: 2011301 行政运行 total") == 1);
    CHECK(count_starting(messages, "code_hierarchy: 款 20113 商贸事务 basic 8530408.53 ≠ Σ项 8530408.54") == 1);
    CHECK(doc.record(t, "2011303", "basic").check == "mismatch");
    CHECK(doc.record(t, "2011303", "total").check == "ok");
}

TEST_CASE("a document's own error surfaces: 行政运行 合计 ≠ 基本 + 项目") {
    // 上海市普陀区司法局 2026 单位预算 prints 行政运行 (204 06 01) with a 合计 that is not 基本 + 项目.
    SeedDocument doc;
    int t = doc.add_table("expenditure", "部门支出预算表", "元", 3, {"columns_basic_project", "code_hierarchy"});
    RowMeaning row{Side::none, RowRole::item, "", "行政运行", "2040601", CodeSystem::func};
    doc.add_amount(t, 0, 2, row, "total", "合计", "5,234,100.00");
    doc.add_amount(t, 0, 3, row, "basic", "基本支出", "5,034,100.00");
    doc.add_amount(t, 0, 4, row, "project", "项目支出", "100,000.00");
    CheckSummary summary = doc.check();
    CHECK(summary.total == 1);
    CHECK(summary.failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0] ==
          "columns_basic_project: 2040601 行政运行 total 5234100.00 ≠ basic + project 5134100.00 "
          "(diff 100000.00, tolerance 0.00) [expenditure 部门支出预算表 p3]");
    CHECK(doc.count_check("mismatch") == 3);
}

TEST_CASE("万元 rounding: within (n + 1) half-units passes, beyond fails") {
    SeedDocument doc;
    int t = add_expenditure_002(doc);
    CheckSummary published = doc.check();
    // 201: 331.66 ≠ 326.59 + 5.08 = 331.67, and 合计 1629.62 ≠ Σ类 1629.63: rounding, not errors.
    CHECK(published.failed == 0);
    CHECK(doc.record(t, "201", "total").check == "ok");
    CHECK(doc.record(t, "合计", "total").check == "ok");

    doc.reprint(t, "20113", "total", "330.86");  // 100元 off: within 150元 (3 half-units)
    CHECK(doc.check().failed == 0);

    doc.reprint(t, "20113", "total", "330.95");  // 1000元 off
    CheckSummary changed = doc.check();
    CHECK(changed.failed == 3);
    auto messages = doc.mismatch_messages();
    CHECK(count_starting(messages, "code_hierarchy: 类 201 一般公共服务支出 total 3316600.00 ≠ Σ款 3317600.00 "
                                   "(diff -1000.00, tolerance 150.00)") == 1);
    CHECK(count_starting(messages, "code_hierarchy: 款 20113 商贸事务 total 3309500.00 ≠ Σ项 3308500.00") == 1);
    CHECK(count_starting(messages, "columns_basic_project: 20113 商贸事务 total") == 1);
    CHECK(doc.record(t, "2011399", "total").check == "mismatch");
    CHECK(doc.record(t, "208", "total").check == "ok");
}

TEST_CASE("收入决算表: income sources per row, hierarchy and total") {
    SeedDocument doc;
    int t = add_code_table(doc, seed_rows("000", "收入决算表"), "income", "收入决算表", "元", 5,
                           {"code_hierarchy", "total_is_sum_of_lei", "columns_income_sources"},
                           {"total", "fiscal_grant", "upper_subsidy", "business_income", "operating_income",
                            "subsidiary_remit", "other_income"});
    CHECK(doc.check().failed == 0);
    CHECK(doc.count_check("ok") == static_cast<int>(doc.records.size()));

    doc.reprint(t, "2160299", "fiscal_grant", "95,301,618.28");
    CHECK(doc.check().failed == 2);
    auto messages = doc.mismatch_messages();
    CHECK(count_starting(messages, "columns_income_sources: 2160299 其他商业流通事务支出 total 95301618.27 ≠ "
                                   "fiscal_grant + upper_subsidy") == 1);
    CHECK(count_starting(messages, "code_hierarchy: 款 21602 商业流通事务 fiscal_grant") == 1);
}

TEST_CASE("预算收入总表 (万元): 本年收入/合计 leaves 上年结转 out") {
    SeedDocument doc;
    int t = add_code_table(doc, seed_rows("002", "2026年预算收入总表"), "income", "2026年预算收入总表", "万元", 5,
                           {"code_hierarchy", "total_is_sum_of_lei", "columns_income_sources"},
                           {"total", "general_budget", "gov_fund", "state_capital", "special_account", "unit_funds",
                            "prior_carryover"});
    // layouts/ marks a total headed 本年收入/合计 as this year's only (current_year_markers).
    for (ReadAmount& a : doc.readings[0].amounts)
        if (a.measure == "total") {
            a.measure_label = "本年收入/合计";
            a.current_year_only = true;
        }
    CHECK(doc.check().failed == 0);
    CHECK(doc.record(t, "216", "prior_carryover").check == "ok");

    // Headed plain 合计, the same total would have to include 上年结转.
    for (ReadAmount& a : doc.readings[0].amounts)
        if (a.measure == "total") {
            a.measure_label = "合计";
            a.current_year_only = false;
        }
    CheckSummary summary = doc.check();
    CHECK(summary.failed > 0);
    CHECK(count_starting(doc.mismatch_messages(), "columns_income_sources: 合计 total 6618500.00 ≠ "
                                                  "general_budget + gov_fund + state_capital + special_account + "
                                                  "unit_funds + prior_carryover 16296200.00") == 1);
}

TEST_CASE("经济分类 blocks side by side: econ_hierarchy per block") {
    // 一般公共预算财政拨款支出决算明细表 (公开06): four blocks of 科目编码 | 科目名称 | 金额 | 其中：基本支出.
    SeedRows rows = seed_rows("000", "一般公共预算财政拨款支出决算明细表");
    SeedDocument doc;
    int t = doc.add_table("general_budget_basic", "一般公共预算财政拨款支出决算明细表", "元", 10, {"econ_hierarchy"});
    int row = 0;
    for (const auto& cells : rows) {
        bool any = false;
        for (std::size_t c = 0; c < cells.size(); c += 4) {
            if (cells[c].empty() ||
                !std::all_of(cells[c].begin(), cells[c].end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
                continue;
            RowMeaning meaning{Side::none, RowRole::item, "", cells[c + 1], cells[c], CodeSystem::econ};
            doc.add_amount(t, row, static_cast<int>(c + 2), meaning, "total", "金额", c + 2 < cells.size() ? cells[c + 2] : "");
            doc.add_amount(t, row, static_cast<int>(c + 3), meaning, "basic", "其中：基本支出",
                           c + 3 < cells.size() ? cells[c + 3] : "");
            any = true;
        }
        if (any) ++row;
    }
    CheckSummary summary = doc.check();
    CHECK(summary.total > 0);
    CHECK(summary.failed == 0);
    CHECK(doc.record(t, "30101", "total").check == "ok");
    CHECK(doc.record(t, "31299", "total").check == "ok");

    doc.reprint(t, "30101", "total", "1,414,399.00");
    CHECK(doc.check().failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0].rfind("econ_hierarchy: 类 301 工资福利支出 total 5433478.58 ≠ Σ款 5433478.24", 0) == 0);
    CHECK(doc.record(t, "30101", "basic").check == "ok");
    CHECK(doc.record(t, "30201", "total").check == "ok");
}

TEST_CASE("amounts that take part in no identity stay unchecked") {
    SeedDocument doc;
    int plain = doc.add_table("operating_costs", "机关运行经费预算表", "万元", 15, {});
    doc.add_amount(plain, 0, 1, RowMeaning{Side::none, RowRole::total, "", "部门合计", "", CodeSystem::none},
                   "total", "合计", "57.82");
    int lone = doc.add_table("expenditure", "支出表", "万元", 7, code_table_checks);
    doc.add_amount(lone, 0, 2, RowMeaning{Side::none, RowRole::item, "", "行政运行", "2011301", CodeSystem::func},
                   "total", "合计", "325.77");
    // A 类 row with a value and no 款 rows at all: nothing to compare with.
    doc.add_amount(lone, 1, 2, RowMeaning{Side::none, RowRole::item, "", "住房保障支出", "221", CodeSystem::func},
                   "total", "合计", "35.43");
    Record stray;
    stray.table_index = 99;
    stray.amount_yuan = "1.00";
    stray.amount_printed = "1.00";
    doc.records.push_back(stray);

    CheckSummary summary = doc.check();
    CHECK(summary.failed == 0);
    CHECK(doc.record(plain, "部门合计", "total").check == "unchecked");
    CHECK(doc.record(lone, "2011301", "total").check == "unchecked");
    CHECK(doc.record(lone, "221", "total").check == "unchecked");
    CHECK(doc.records.back().check == "unchecked");
    CHECK(doc.count_check("unchecked") == static_cast<int>(doc.records.size()));
}

TEST_CASE("a 类 with children rows that are all blank in a measure must be 0") {
    SeedDocument doc;
    int t = doc.add_table("expenditure", "支出表", "元", 7, {"code_hierarchy"});
    doc.add_amount(t, 0, 2, RowMeaning{Side::none, RowRole::item, "", "住房保障支出", "221", CodeSystem::func},
                   "total", "合计", "451,385.00");
    doc.add_amount(t, 1, 2, RowMeaning{Side::none, RowRole::item, "", "住房改革支出", "22102", CodeSystem::func},
                   "total", "合计", "");
    CheckSummary summary = doc.check();
    CHECK(summary.total == 1);
    CHECK(summary.failed == 1);
    CHECK(doc.record(t, "221", "total").check == "mismatch");
}
