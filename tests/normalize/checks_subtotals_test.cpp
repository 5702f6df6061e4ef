// Subtotal identities on tables shaped as the real disclosures print them: 江苏 收入预算总表 fund
// groups, 人员经费合计 / 公用经费合计 column blocks, 合计 = 人员经费 + 公用经费, 机关运行经费 by
// 单位. Each holds as published, and one changed amount fails exactly the identity it breaks.

#include <doctest/doctest.h>

#include <algorithm>

#include "checks_fixture.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

struct Line {
    RowRole role;
    std::string key;
    std::string label;
    std::string code;
    std::string amount;
};

RowMeaning meaning_of(const Line& line, CodeSystem system) {
    return RowMeaning{Side::none, line.role, line.key, line.label, line.code,
                      line.code.empty() ? CodeSystem::none : system};
}

// 江苏省人民检察院 2017 二、收入预算总表 (p11, 万元): 项目名称 (fund group | item) | 金额.
int add_jiangsu_income(SeedDocument& doc, const std::vector<std::string>& checks) {
    int t = doc.add_table("income", "二、收入预算总表", "万元", 11, checks);
    const std::vector<Line> lines = {
        {RowRole::total, "grand_total", "收入总计", "", "17,996.68"},
        {RowRole::subtotal, "general_budget", "小计", "", "17,981.68"},
        {RowRole::item, "", "公共财政拨款(补助)资金", "", "17,981.68"},
        {RowRole::item, "", "专项收入", "", ""},
        {RowRole::subtotal, "gov_fund", "小计", "", ""},
        {RowRole::subtotal, "special_account", "小计", "", ""},
        {RowRole::item, "", "专户管理教育收费", "", ""},
        {RowRole::item, "", "其他非税收入", "", ""},
        {RowRole::subtotal, "other_funds", "小计", "", "15.00"},
        {RowRole::item, "", "事业收入", "", ""},
        {RowRole::item, "", "经营收入", "", ""},
        {RowRole::item, "other_income", "其他收入", "", "15.00"},
        {RowRole::item, "", "债务资金(银行贷款)", "", ""},
        {RowRole::subtotal, "opening_balance", "小计", "", ""},
        {RowRole::item, "", "其中:动用上年结转和结余资金", "", ""},
    };
    for (std::size_t r = 0; r < lines.size(); ++r)
        doc.add_amount(t, static_cast<int>(r + 1), 3, meaning_of(lines[r], CodeSystem::none), "total", "金额",
                       lines[r].amount);
    return t;
}

Record& record_at(SeedDocument& doc, int table, int row) {
    auto it = std::find_if(doc.records.begin(), doc.records.end(),
                           [&](const Record& r) { return r.table_index == table && r.row == row; });
    REQUIRE(it != doc.records.end());
    return *it;
}

}  // namespace

TEST_CASE("江苏 收入预算总表: each 小计 = its group's items, 收入总计 = Σ 小计") {
    SeedDocument doc;
    int t = add_jiangsu_income(doc, {"code_hierarchy", "total_is_sum_of_lei", "columns_income_sources",
                                     "group_subtotals"});
    CheckSummary summary = doc.check();
    CHECK(summary.total == 3);  // 一般公共预算资金 小计, 其他资金 小计, 收入总计
    CHECK(summary.failed == 0);
    CHECK(doc.count_check("ok") == static_cast<int>(doc.records.size()));

    doc.reprint(t, "其他收入", "total", "16.00");
    summary = doc.check();
    CHECK(summary.failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0] ==
          "group_subtotals: other_funds 小计 total 150000.00 ≠ Σ group items 160000.00 "
          "(diff -10000.00, tolerance 100.00) [income 二、收入预算总表 p11]");
    CHECK(record_at(doc, t, 1).check == "ok");   // 收入总计 = Σ 小计 still holds
    CHECK(record_at(doc, t, 9).check == "mismatch");
}

TEST_CASE("group_subtotals: a changed 小计 fails its group and 收入总计") {
    SeedDocument doc;
    int t = add_jiangsu_income(doc, {"group_subtotals"});
    Record& subtotal = record_at(doc, t, 2);
    subtotal.amount_printed = "17,918.68";
    subtotal.amount_yuan = "179186800.00";
    CheckSummary summary = doc.check();
    CHECK(summary.failed == 2);
    auto messages = doc.mismatch_messages();
    CHECK(std::count_if(messages.begin(), messages.end(), [](const std::string& m) {
              return m.rfind("group_subtotals: general_budget 小计 total 179186800.00 ≠ Σ group items 179816800.00", 0) == 0;
          }) == 1);
    CHECK(std::count_if(messages.begin(), messages.end(), [](const std::string& m) {
              return m.rfind("group_subtotals: 收入总计 total 179966800.00 ≠ Σ小计 179336800.00", 0) == 0;
          }) == 1);
}

TEST_CASE("group_subtotals: 其中 rows and tables without subtotals add nothing") {
    SeedDocument doc;
    int t = doc.add_table("income", "收入预算总表", "万元", 2, {"group_subtotals"});
    doc.add_amount(t, 1, 2, RowMeaning{Side::none, RowRole::total, "grand_total", "收入总计", "", CodeSystem::none},
                   "total", "金额", "80.00");
    doc.add_amount(t, 2, 2, RowMeaning{Side::none, RowRole::subtotal, "opening_balance", "小计", "", CodeSystem::none},
                   "total", "金额", "80.00");
    // layouts/ gives 其中 rows the role of_which (vocabulary of_which_prefixes).
    doc.add_amount(t, 3, 2, RowMeaning{Side::none, RowRole::of_which, "", "其中:动用上年结转和结余资金", "", CodeSystem::none},
                   "total", "金额", "50.00");
    CheckSummary summary = doc.check();
    CHECK(summary.total == 1);  // only 收入总计 = Σ 小计: the group has no item of its own
    CHECK(summary.failed == 0);
    CHECK(record_at(doc, t, 3).check == "unchecked");

    SeedDocument codes;
    int c = codes.add_table("income", "预算收入总表", "万元", 5, {"group_subtotals"});
    codes.add_amount(c, 1, 2, RowMeaning{Side::none, RowRole::total, "table_total", "合计", "", CodeSystem::none},
                     "total", "合计", "1,629.62");
    codes.add_amount(c, 2, 2, RowMeaning{Side::none, RowRole::item, "", "一般公共服务支出", "201", CodeSystem::func},
                     "total", "合计", "331.66");
    CHECK(codes.check().total == 0);
}

namespace {

// 上海市普陀区财政局 2024 一般公共预算财政拨款基本支出决算表 (p16–17, 万元): 人员经费 block
// (科目编码 | 科目名称 | 决算数) left, 公用经费 block right; 人员经费合计 | 公用经费合计 on the last row.
int add_putuo_basic_final(SeedDocument& doc, const std::vector<std::string>& checks) {
    int t = doc.add_table("general_budget_basic", "一般公共预算财政拨款基本支出决算表", "万元", 16, checks);
    struct Cell {
        int row, col;
        Line line;
    };
    const std::vector<Cell> cells = {
        {3, 3, {RowRole::item, "", "工资福利支出", "301", "2,082.85"}},
        {3, 7, {RowRole::item, "", "商品和服务支出", "302", "171.07"}},
        {4, 3, {RowRole::item, "", "基本工资", "30101", "262.33"}},
        {4, 7, {RowRole::item, "", "办公费", "30201", "21.21"}},
        {5, 3, {RowRole::item, "", "津贴补贴", "30102", "1,238.58"}},
        {5, 7, {RowRole::item, "", "印刷费", "30202", "7.61"}},
        {7, 7, {RowRole::item, "", "手续费", "30204", "0.09"}},
        {9, 3, {RowRole::item, "", "机关事业单位基本养老保险缴费", "30108", "160.75"}},
        {10, 3, {RowRole::item, "", "职业年金缴费", "30109", "80.38"}},
        {10, 7, {RowRole::item, "", "邮电费", "30207", "4.88"}},
        {11, 3, {RowRole::item, "", "职工基本医疗保险缴费", "30110", "60.99"}},
        {13, 3, {RowRole::item, "", "其他社会保障缴费", "30112", "1.61"}},
        {13, 7, {RowRole::item, "", "差旅费", "30211", "1.20"}},
        {14, 3, {RowRole::item, "", "住房公积金", "30113", "187.19"}},
        {15, 7, {RowRole::item, "", "维修（护）费", "30213", "2.83"}},
        {16, 3, {RowRole::item, "", "其他工资福利支出", "30199", "91.03"}},
        {17, 3, {RowRole::item, "", "对个人和家庭的补助", "303", "69.41"}},
        {18, 7, {RowRole::item, "", "培训费", "30216", "4.05"}},
        {19, 3, {RowRole::item, "", "退休费", "30302", "69.10"}},
        {24, 7, {RowRole::item, "", "劳务费", "30226", "2.01"}},
        {26, 3, {RowRole::item, "", "奖励金", "30309", "0.31"}},
        {26, 7, {RowRole::item, "", "工会经费", "30228", "24.42"}},
        {27, 7, {RowRole::item, "", "福利费", "30229", "42.77"}},
        {29, 7, {RowRole::item, "", "其他交通费用", "30239", "48.49"}},
        {31, 7, {RowRole::item, "", "其他商品和服务支出", "30299", "11.53"}},
        {32, 7, {RowRole::item, "", "资本性支出", "310", "13.58"}},
        {34, 7, {RowRole::item, "", "办公设备购置", "31002", "13.58"}},
        {42, 3, {RowRole::subtotal, "personnel_total", "人员经费合计", "", "2,152.26"}},
        {42, 7, {RowRole::subtotal, "public_funds_total", "公用经费合计", "", "184.65"}},
    };
    for (const Cell& c : cells)
        doc.add_amount(t, c.row, c.col, meaning_of(c.line, CodeSystem::econ), "total", "决算数", c.line.amount);
    return t;
}

}  // namespace

TEST_CASE("人员经费合计 / 公用经费合计 = Σ 类 of their block (普陀 基本支出决算表)") {
    SeedDocument doc;
    int t = add_putuo_basic_final(doc, {"econ_hierarchy", "block_subtotals"});
    CheckSummary summary = doc.check();
    CHECK(summary.failed == 0);
    CHECK(doc.count_check("ok") == static_cast<int>(doc.records.size()));
    CHECK(doc.record(t, "人员经费合计", "total").check == "ok");
    CHECK(doc.record(t, "公用经费合计", "total").check == "ok");

    doc.reprint(t, "公用经费合计", "total", "184.75");
    summary = doc.check();
    CHECK(summary.failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0] ==
          "block_subtotals: 公用经费合计 total 1847500.00 ≠ Σ类 of its block 1846500.00 "
          "(diff 1000.00, tolerance 150.00) [general_budget_basic 一般公共预算财政拨款基本支出决算表 p16]");
    CHECK(doc.record(t, "人员经费合计", "total").check == "ok");
    CHECK(doc.record(t, "302", "total").check == "mismatch");
    CHECK(doc.record(t, "301", "total").check == "ok");
}

TEST_CASE("block_subtotals: a block printed as several code blocks, 公用经费合计 under the last") {
    // 阳泉 公开06 明细表 (元): 人员经费 | 公用经费 (302 …) | 公用经费 (309, 310) | 公用经费 (311, 312 …),
    // each 金额 | 其中：基本支出; 公用经费合计 under the rightmost block.
    SeedDocument doc;
    int t = doc.add_table("general_budget_basic", "一般公共预算财政拨款支出决算明细表", "元", 6, {"block_subtotals"});
    auto add = [&](int row, int col, RowRole role, const std::string& key, const std::string& label,
                   const std::string& code, const std::string& total, const std::string& basic) {
        RowMeaning m{Side::none, role, key, label, code, code.empty() ? CodeSystem::none : CodeSystem::econ};
        doc.add_amount(t, row, col, m, "total", "金额", total);
        doc.add_amount(t, row, col + 1, m, "basic", "其中：基本支出", basic);
    };
    add(2, 2, RowRole::item, "", "工资福利支出", "301", "5433478.58", "5433478.58");
    add(2, 6, RowRole::item, "", "商品和服务支出", "302", "1118098.52", "828199.82");
    add(7, 10, RowRole::item, "", "资本性支出（基本建设）", "309", "", "——");
    add(12, 14, RowRole::item, "", "对企业补助", "312", "97780861.77", "");
    add(16, 2, RowRole::item, "", "对个人和家庭的补助", "303", "3625836.51", "3625836.51");
    add(20, 10, RowRole::item, "", "资本性支出", "310", "59100.00", "59100.00");
    add(30, 2, RowRole::subtotal, "personnel_total", "人员经费合计", "", "9059315.09", "9059315.09");
    add(30, 14, RowRole::subtotal, "public_funds_total", "公用经费合计", "", "98958060.29", "887299.82");
    CheckSummary summary = doc.check();
    CHECK(summary.total == 4);
    CHECK(summary.failed == 0);
    CHECK(doc.count_check("ok") == static_cast<int>(doc.records.size()));

    doc.reprint(t, "312", "total", "97780861.87");
    summary = doc.check();
    CHECK(summary.failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0].rfind(
              "block_subtotals: 公用经费合计 total 98958060.29 ≠ Σ类 of its block 98958060.39 (diff -0.10, tolerance 0.00)",
              0) == 0);
    CHECK(doc.record(t, "公用经费合计", "basic").check == "ok");
}

namespace {

// 上海市普陀区商务委员会 2025 一般公共预算基本支出部门预算经济分类预算表 (p19–20, 元): 类 rows and
// the 合计 row × 合计 | 人员经费 | 公用经费 (款 rows left out).
int add_putuo_basic_budget(SeedDocument& doc, const std::vector<std::string>& checks) {
    int t = doc.add_table("general_budget_basic", "2025年部门一般公共预算基本支出部门预算经济分类预算表", "元", 19,
                          checks);
    struct Row {
        Line line;
        std::string personnel, public_funds;
    };
    const std::vector<Row> rows = {
        {{RowRole::item, "", "工资福利支出", "301", "16,671,057.00"}, "16,671,057.00", ""},
        {{RowRole::item, "", "商品和服务支出", "302", "1,632,062.00"}, "", "1,632,062.00"},
        {{RowRole::item, "", "对个人和家庭的补助", "303", "1,449,536.00"}, "1,449,536.00", ""},
        {{RowRole::item, "", "资本性支出", "310", "78,000.00"}, "", "78,000.00"},
        {{RowRole::total, "table_total", "合计", "", "19,830,655.00"}, "18,120,593.00", "1,710,062.00"},
    };
    for (std::size_t r = 0; r < rows.size(); ++r) {
        RowMeaning m = meaning_of(rows[r].line, CodeSystem::econ);
        int row = static_cast<int>(r + 3);
        doc.add_amount(t, row, 3, m, "total", "一般公共预算基本支出/合计", rows[r].line.amount);
        doc.add_amount(t, row, 4, m, "personnel", "一般公共预算基本支出/人员经费", rows[r].personnel);
        doc.add_amount(t, row, 5, m, "public_funds", "一般公共预算基本支出/公用经费", rows[r].public_funds);
    }
    return t;
}

}  // namespace

TEST_CASE("一般公共预算基本支出 by 经济分类: 合计 = 人员经费 + 公用经费 and 合计 row = Σ 类") {
    SeedDocument doc;
    int t = add_putuo_basic_budget(doc, {"econ_hierarchy", "total_is_sum_of_lei", "personnel_public"});
    CheckSummary summary = doc.check();
    CHECK(summary.total == 8);  // personnel_public on 5 rows, total_is_sum_of_lei in 3 measures
    CHECK(summary.failed == 0);
    CHECK(doc.count_check("ok") == static_cast<int>(doc.records.size()));
    CHECK(doc.record(t, "合计", "personnel").check == "ok");
}

TEST_CASE("personnel_public: a changed 人员经费 fails 合计 = 人员经费 + 公用经费 of its row") {
    SeedDocument doc;
    int t = add_putuo_basic_budget(doc, {"personnel_public"});
    doc.reprint(t, "303", "personnel", "1,449,563.00");
    CheckSummary summary = doc.check();
    CHECK(summary.failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0].rfind(
              "personnel_public: 303 对个人和家庭的补助 total 1449536.00 ≠ personnel + public_funds 1449563.00", 0) == 0);
    CHECK(doc.record(t, "301", "personnel").check == "ok");
}

TEST_CASE("total_is_sum_of_lei on 经济分类 rows: a changed 合计 fails Σ类 only") {
    SeedDocument doc;
    int t = add_putuo_basic_budget(doc, {"total_is_sum_of_lei"});
    doc.reprint(t, "合计", "public_funds", "1,710,026.00");
    CheckSummary summary = doc.check();
    CHECK(summary.failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0].rfind(
              "total_is_sum_of_lei: 合计 public_funds 1710026.00 ≠ Σ类 1710062.00 (diff -36.00", 0) == 0);
    CHECK(doc.record(t, "合计", "total").check == "ok");
}

namespace {

// 机关运行经费预算财政拨款情况统计表 (阳泉 2026, 万元): rows by 单位 × 合计 | 一般公共预算.
int add_operating_costs(SeedDocument& doc, const std::vector<std::string>& checks) {
    int t = doc.add_table("operating_costs", "2026年财政拨款安排机关运行经费预算表", "万元", 2, checks);
    const std::vector<Line> rows = {
        {RowRole::total, "table_total", "部门合计", "", "57.82"},
        {RowRole::item, "", "阳泉市商务局", "", "57.82"},
    };
    for (std::size_t r = 0; r < rows.size(); ++r) {
        RowMeaning m = meaning_of(rows[r], CodeSystem::none);
        doc.add_amount(t, static_cast<int>(r + 2), 1, m, "total", "2026预算数/合计", rows[r].amount);
        doc.add_amount(t, static_cast<int>(r + 2), 2, m, "general_budget", "2026预算数/一般公共预算", rows[r].amount);
        doc.add_amount(t, static_cast<int>(r + 2), 3, m, "gov_fund", "2026预算数/政府性基金预算", "");
    }
    return t;
}

}  // namespace

TEST_CASE("机关运行经费 by 单位: 部门合计 = Σ 单位, 合计 = Σ fund columns") {
    SeedDocument doc;
    int t = add_operating_costs(doc, {"econ_hierarchy", "total_is_sum_of_lei", "total_is_sum_of_items",
                                      "columns_income_sources"});
    CheckSummary summary = doc.check();
    CHECK(summary.total == 4);  // 部门合计 in 2 measures, 合计 = 一般公共预算 + 政府性基金 on 2 rows
    CHECK(summary.failed == 0);
    CHECK(doc.count_check("ok") == static_cast<int>(doc.records.size()));
    CHECK(doc.record(t, "部门合计", "general_budget").check == "ok");

    SeedDocument alone;
    int a = add_operating_costs(alone, {"total_is_sum_of_items"});
    alone.reprint(a, "阳泉市商务局", "general_budget", "57.92");
    summary = alone.check();
    CHECK(summary.failed == 1);
    REQUIRE(alone.mismatch_messages().size() == 1);
    CHECK(alone.mismatch_messages()[0] ==
          "total_is_sum_of_items: 部门合计 general_budget 578200.00 ≠ Σ items 579200.00 "
          "(diff -1000.00, tolerance 100.00) [operating_costs 2026年财政拨款安排机关运行经费预算表 p2]");
    CHECK(alone.record(a, "部门合计", "total").check == "ok");
}

TEST_CASE("total_is_sum_of_items leaves tables with code rows to total_is_sum_of_lei") {
    // 江苏 一般公共预算机关运行经费支出预算表 (万元): 经济分类 code rows × 机关运行经费支出.
    SeedDocument doc;
    int t = doc.add_table("operating_costs", "一般公共预算机关运行经费支出预算表", "万元", 19,
                          {"econ_hierarchy", "total_is_sum_of_lei", "total_is_sum_of_items"});
    const std::vector<Line> rows = {
        {RowRole::total, "table_total", "合计", "", "5,619.31"},
        {RowRole::item, "", "商品和服务支出", "302", "5,560.31"},
        {RowRole::item, "", "其他资本性支出", "310", "59.00"},
        {RowRole::item, "", "办公设备购置", "31002", "59.00"},
    };
    for (std::size_t r = 0; r < rows.size(); ++r)
        doc.add_amount(t, static_cast<int>(r + 1), 2, meaning_of(rows[r], CodeSystem::econ), "total", "机关运行经费支出",
                       rows[r].amount);
    CheckSummary summary = doc.check();
    CHECK(summary.total == 2);  // 合计 = Σ类, 310 = Σ款
    CHECK(summary.failed == 0);

    doc.reprint(t, "合计", "total", "5,691.31");
    summary = doc.check();
    CHECK(summary.failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0].rfind("total_is_sum_of_lei: 合计 total 56913100.00 ≠ Σ类 56193100.00", 0) == 0);
}

namespace {

// 部门决算公开相关信息统计表 (公开10表, 阳泉 2022, 元): 政府采购 合计 | 货物 | 工程 | 服务, then
// 机关运行经费 by kind of unit (no total printed for them).
int add_info_stats(SeedDocument& doc) {
    int t = doc.add_table("info_stats", "部门决算公开相关信息统计表", "元", 15, {"keyed_parts"});
    const std::vector<Line> rows = {
        {RowRole::total, "procurement_total", "合计", "", "99270.50"},
        {RowRole::item, "procurement_goods", "货物", "", "66800.00"},
        {RowRole::item, "procurement_works", "工程", "", ""},
        {RowRole::item, "procurement_services", "服务", "", "32470.50"},
        {RowRole::item, "operating_costs_admin", "(一)行政单位", "", "840414.26"},
        {RowRole::item, "operating_costs_civil_service_units", "(二)参照公务员法管理事业单位", "", ""},
    };
    for (std::size_t r = 0; r < rows.size(); ++r)
        doc.add_amount(t, static_cast<int>(r + 2), 2, meaning_of(rows[r], CodeSystem::none), "total", "采购金额",
                       rows[r].amount);
    return t;
}

}  // namespace

TEST_CASE("公开10表: 政府采购 合计 = 货物 + 工程 + 服务; 机关运行经费 rows take part in none") {
    SeedDocument doc;
    int t = add_info_stats(doc);
    CheckSummary summary = doc.check();
    CHECK(summary.total == 1);
    CHECK(summary.failed == 0);
    CHECK(doc.record(t, "合计", "total").check == "ok");
    CHECK(doc.record(t, "服务", "total").check == "ok");
    CHECK(doc.record(t, "(一)行政单位", "total").check == "unchecked");

    doc.reprint(t, "货物", "total", "68600.00");
    summary = doc.check();
    CHECK(summary.failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0] ==
          "keyed_parts: procurement_total 合计 total 99270.50 ≠ Σ procurement_* 101070.50 "
          "(diff -1800.00, tolerance 0.00) [info_stats 部门决算公开相关信息统计表 p15]");
}

namespace {

// 长沙 2025年度普惠金融发展专项资金下达情况表 (万元): 县市区/单位 × 中央 | 省级 | 合计, the
// 长沙市本级及所辖区合计 row above the units; no column named by a canonical measure but 合计.
int add_allocation(SeedDocument& doc) {
    int t = doc.add_table("other", "2025年度普惠金融发展专项资金下达情况表", "万元", 3,
                          {"total_is_sum_of_items", "group_subtotals", "columns_total_of_parts"});
    const std::vector<std::vector<std::string>> rows = {
        {"长沙市本级及所辖区合计", "367", "31", "398"}, {"市创业指导中心", "33.0", "2.8", "35.8"},
        {"岳麓区（湘江新区）", "73.0", "6.1", "79.1"},   {"芙蓉区", "21.0", "1.8", "22.8"},
        {"天心区", "7.0", "0.7", "7.7"},                 {"开福区", "23.0", "1.9", "24.9"},
        {"雨花区", "48.0", "4.0", "52.0"},               {"望城区", "31.0", "2.6", "33.6"},
        {"长沙县", "131.0", "11.1", "142.1"},
    };
    for (std::size_t r = 0; r < rows.size(); ++r) {
        RowMeaning m;
        m.row_label = rows[r][0];
        if (r == 0) {
            m.role = RowRole::subtotal;
            m.row_key = "subtotal";
        }
        int row = static_cast<int>(r + 1);
        doc.add_amount(t, row, 1, m, "", "中央创业担保贷款贴息资金", rows[r][1]);
        doc.add_amount(t, row, 2, m, "", "省级创业担保贷款贴息资金", rows[r][2]);
        doc.add_amount(t, row, 3, m, "total", "合计", rows[r][3]);
    }
    return t;
}

}  // namespace

TEST_CASE("资金下达情况表: 合计 = Σ the unnamed fund columns, and each column's 合计 row = Σ units") {
    SeedDocument doc;
    int t = add_allocation(doc);
    CheckSummary summary = doc.check();
    CHECK(summary.total == 12);  // 合计 = Σ columns on 9 rows; the group row = Σ units in 3 columns (each unnamed column its own)
    CHECK(summary.failed == 0);
    CHECK(doc.count_check("ok") == static_cast<int>(doc.records.size()));

    // A misread in the second unnamed column fails its row and its column, nothing else.
    SeedDocument misread;
    t = add_allocation(misread);
    misread.reprint(t, "天心区", "省级创业担保贷款贴息资金", "7.0");  // its point lost
    summary = misread.check();
    CHECK(summary.failed == 2);
    const auto messages = misread.mismatch_messages();
    REQUIRE(messages.size() == 2);
    CHECK(std::count_if(messages.begin(), messages.end(), [](const std::string& m) {
              return m.rfind("columns_total_of_parts: 天心区 合计", 0) == 0;
          }) == 1);
    CHECK(std::count_if(messages.begin(), messages.end(), [](const std::string& m) {
              return m.rfind("group_subtotals: subtotal 长沙市本级及所辖区合计 省级创业担保贷款贴息资金", 0) == 0;
          }) == 1);
    CHECK(misread.record(t, "天心区", "省级创业担保贷款贴息资金").check == "mismatch");
    CHECK(misread.record(t, "开福区", "中央创业担保贷款贴息资金").check == "ok");
}

TEST_CASE("columns_total_of_parts is not evaluated beside another period's column") {
    SeedDocument doc;
    int t = doc.add_table("other", "专项资金分配表", "万元", 1, {"columns_total_of_parts"});
    RowMeaning m;
    m.row_label = "某区";
    doc.add_amount(t, 1, 1, m, "total", "合计", "10");
    doc.add_amount(t, 1, 2, m, "", "上年", "8");
    doc.readings[0].amounts.back().other_period = true;
    doc.add_amount(t, 1, 3, m, "", "中央资金", "6");
    CHECK(doc.check().total == 0);
}

TEST_CASE("total_is_sum_of_items over code rows at one level (资金安排表: a 经济分类 款 per project)") {
    SeedDocument doc;
    int t = doc.add_table("other", "2025年文化和旅游项目资金安排表", "万元", 2, {"total_is_sum_of_items"});
    const std::vector<Line> rows = {
        {RowRole::item, "", "委托业务费", "30227", "258.7907"},
        {RowRole::item, "", "委托业务费", "30227", "5.13"},
        {RowRole::item, "", "劳务费", "30226", "0.17"},
        {RowRole::total, "table_total", "合计", "", "264.0907"},
    };
    for (std::size_t r = 0; r < rows.size(); ++r)
        doc.add_amount(t, static_cast<int>(r + 1), 6, meaning_of(rows[r], CodeSystem::econ), "total", "金额",
                       rows[r].amount);
    CheckSummary summary = doc.check();
    CHECK(summary.total == 1);
    CHECK(summary.failed == 0);

    // Codes at two levels (302 over 30227): a hierarchy, left to the code identities.
    SeedDocument nested;
    t = nested.add_table("other", "资金安排表", "万元", 2, {"total_is_sum_of_items"});
    const std::vector<Line> tree = {
        {RowRole::item, "", "商品和服务支出", "302", "5.30"},
        {RowRole::item, "", "委托业务费", "30227", "5.13"},
        {RowRole::item, "", "劳务费", "30226", "0.17"},
        {RowRole::total, "table_total", "合计", "", "5.30"},
    };
    for (std::size_t r = 0; r < tree.size(); ++r)
        nested.add_amount(t, static_cast<int>(r + 1), 6, meaning_of(tree[r], CodeSystem::econ), "total", "金额",
                          tree[r].amount);
    CHECK(nested.check().total == 0);
}
