#include "layouts/table_reader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include "layouts/text_match.h"
#include "seed_table.h"

using namespace budgetpdf;
using budgetpdf::test::seed_table;
using budgetpdf::test::SeedTableOptions;
using budgetpdf::test::table_from_lines;

namespace {

const LayoutSet& layouts() {
    static const LayoutSet set = [] {
        auto loaded = load_layouts(default_layouts_dir());
        if (!loaded.ok()) FAIL(loaded.error().message);
        return loaded.value();
    }();
    return set;
}

struct Read {
    std::optional<TableReading> reading;
    std::vector<Diagnostic> diagnostics;
};

Read read(const Table& table) {
    Read r;
    r.reading = read_table(layouts(), table, 3, r.diagnostics);
    return r;
}

std::vector<ReadAmount> where(const TableReading& reading, const std::function<bool(const ReadAmount&)>& pred) {
    std::vector<ReadAmount> out;
    std::copy_if(reading.amounts.begin(), reading.amounts.end(), std::back_inserter(out), pred);
    return out;
}

// The one amount with this code and measure (fails the test when not exactly one).
ReadAmount by_code(const TableReading& reading, const std::string& code, const std::string& measure) {
    auto found = where(reading, [&](const ReadAmount& a) { return a.code == code && a.measure == measure; });
    REQUIRE_MESSAGE(found.size() == 1, code << " " << measure << " found " << found.size());
    return found.front();
}

ReadAmount by_key(const TableReading& reading, const std::string& key, const std::string& measure, Side side = Side::none) {
    auto found = where(reading, [&](const ReadAmount& a) {
        return a.row_key == key && a.measure == measure && (side == Side::none || a.side == side);
    });
    REQUIRE_MESSAGE(found.size() == 1, key << " " << measure << " found " << found.size());
    return found.front();
}

bool has_diagnostic(const Read& r, const std::string& kind) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) { return d.kind == kind; });
}

const char* final_seed = "000_12dfeb3a6a1bd21b.txt";
const char* yq_budget_seed = "002_886bd96bd1902dfa.txt";
const char* jc_budget_seed = "003_7ffc7d1a0ad10ac2.txt";

}  // namespace

TEST_CASE("支出决算表: code rows, five measures, 合计 row, checks") {
    Read r = read(seed_table(final_seed, "支出决算表"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "final/expenditure");
    CHECK(t.table_kind == "expenditure");
    CHECK(t.unit == "元");
    CHECK(t.table_index == 3);
    CHECK(std::find(t.checks.begin(), t.checks.end(), "code_hierarchy") != t.checks.end());
    ReadAmount a = by_code(t, "2011301", "total");
    CHECK(a.printed == "7951029.59");
    CHECK(a.row_label == "行政运行");
    CHECK(a.code_system == CodeSystem::func);
    CHECK(a.measure_label == "本年支出合计");
    CHECK(by_code(t, "2011399", "project").printed == "64182.80");
    CHECK(by_code(t, "216", "project").printed == "98006577.67");
    auto totals = where(t, [](const ReadAmount& a) { return a.role == RowRole::total; });
    REQUIRE(totals.size() == 3);
    CHECK(totals[0].printed == "108017375.38");
    CHECK(totals[0].code.empty());
    CHECK(totals[0].row_key == "table_total");
    // 23 code rows + 合计: 24 rows with total, 18 with basic, 9 with project.
    CHECK(t.amounts.size() == 24 + 18 + 9);
    // Column headers with spaces inside CJK text still map.
    for (const auto& amount : t.amounts) CHECK(!amount.measure.empty());
    CHECK(where(t, [](const ReadAmount& a) { return a.printed == "1" || a.printed == "2"; }).empty());
}

TEST_CASE("收入支出决算总表: two sides, 类 rows mapped by name, 行次 ignored, keyed rows") {
    Read r = read(seed_table(final_seed, "收入支出决算总表"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "final/summary");
    CHECK(t.checks == std::vector<std::string>{"summary_sides", "row_hierarchy", "code_hierarchy"});
    ReadAmount gpb = by_key(t, "general_budget", "total", Side::income);
    CHECK(gpb.printed == "105613371.38");
    CHECK(gpb.row_label == "一、一般公共预算财政拨款收入");
    ReadAmount gps = by_code(t, "201", "total");
    CHECK(gps.side == Side::expenditure);
    CHECK(gps.printed == "8611494.83");
    CHECK(gps.row_label == "一、一般公共服务支出");
    CHECK(by_code(t, "216", "total").printed == "98006577.67");
    CHECK(by_code(t, "221", "total").printed == "451385.00");
    ReadAmount income_total = by_key(t, "income_total", "total", Side::income);
    CHECK(income_total.role == RowRole::subtotal);
    CHECK(by_key(t, "expenditure_total", "total", Side::expenditure).printed == "108017375.38");
    CHECK(by_key(t, "opening_balance", "total", Side::income).printed == "2404004.00");
    ReadAmount grand_in = by_key(t, "grand_total", "total", Side::income);
    ReadAmount grand_out = by_key(t, "grand_total", "total", Side::expenditure);
    CHECK(grand_in.role == RowRole::total);
    CHECK(grand_in.printed == grand_out.printed);
    // Only 决算数 columns are read: 行次 (1.00, 32.00 …) never.
    for (const auto& a : t.amounts) CHECK(a.measure == "total");
    // Income: 4 keyed rows; expenditure: 5 类 rows, 本年支出合计, 总计.
    CHECK(t.amounts.size() == 4 + 5 + 2);
}

TEST_CASE("财政拨款收入支出决算总表: breakdown rows under 年初财政拨款结转和结余") {
    Read r = read(seed_table(final_seed, "财政拨款收入支出决算总表"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "final/grant_summary");
    CHECK(by_key(t, "opening_balance", "total", Side::income).printed == "2404004.00");
    CHECK(by_key(t, "opening_balance.general_budget", "total", Side::income).printed == "2404004.00");
    CHECK(by_key(t, "general_budget", "total", Side::income).printed == "105613371.38");
    CHECK(by_code(t, "201", "general_budget").printed == "8611494.83");
    CHECK(by_key(t, "grand_total", "general_budget", Side::expenditure).printed == "108017375.38");
}

TEST_CASE("一般公共预算财政拨款支出决算表: 本年支出/小计 header path") {
    Read r = read(seed_table(final_seed, "一般公共预算财政拨款支出决算表"));
    REQUIRE(r.reading);
    ReadAmount a = by_code(*r.reading, "2080505", "total");
    CHECK(a.measure_label == "本年支出/小计");
    CHECK(a.printed == "431095.07");
    CHECK(by_code(*r.reading, "2080505", "basic").measure_label == "本年支出/基本支出");
}

TEST_CASE("决算明细表: four 经济分类 blocks side by side, 公用经费合计 printed left of its amounts") {
    Read r = read(seed_table(final_seed, "一般公共预算财政拨款支出决算明细表"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "final/general_budget_basic");
    ReadAmount salary = by_code(t, "30101", "total");
    CHECK(salary.code_system == CodeSystem::econ);
    CHECK(salary.printed == "1414399.34");
    CHECK(salary.measure_label == "人员经费/金额");
    CHECK(by_code(t, "30101", "basic").printed == "1414399.34");
    CHECK(by_code(t, "30211", "total").printed == "207733.40");
    CHECK(by_code(t, "31002", "basic").printed == "59100.00");
    CHECK(by_code(t, "31299", "total").printed == "97780861.77");
    ReadAmount personnel = by_key(t, "personnel_total", "total");
    CHECK(personnel.role == RowRole::subtotal);
    CHECK(personnel.printed == "9059315.09");
    ReadAmount public_funds = by_key(t, "public_funds_total", "total");
    CHECK(public_funds.printed == "98958060.29");
    CHECK(public_funds.row_label == "公用经费合计");
    CHECK(by_key(t, "public_funds_total", "basic").printed == "887299.82");
}

TEST_CASE("“三公”经费支出决算表: budget/final × parts printed as columns") {
    Read r = read(seed_table(final_seed, "财政拨款“三公”经费支出决算表", {.merge_header_rows = 2}));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "final/three_public");
    REQUIRE(t.amounts.size() == 4);
    ReadAmount total_budget = by_key(t, "three_public_total", "budget");
    CHECK(total_budget.printed == "9500.00");
    CHECK(total_budget.role == RowRole::total);
    CHECK(total_budget.measure_label == "预算数/合计");
    CHECK(by_key(t, "reception", "budget").printed == "9500.00");
    CHECK(by_key(t, "three_public_total", "final").printed == "770.00");
    ReadAmount reception = by_key(t, "reception", "final");
    CHECK(reception.printed == "770.00");
    CHECK(reception.row_label == "公务接待费");
    CHECK(t.checks == std::vector<std::string>{"three_public_parts"});
}

TEST_CASE("empty tables: 本表无数据 and a body without amounts give readings without amounts") {
    Read gov = read(seed_table(final_seed, "政府性基金预算财政拨款收入支出决算表"));
    REQUIRE(gov.reading);
    CHECK(gov.reading->table_kind == "gov_fund");
    CHECK(gov.reading->amounts.empty());
    CHECK(has_diagnostic(gov, "empty_table"));

    Table marked = seed_table(yq_budget_seed, "2026年政府性基金预算收入表（不含上年结转）");
    marked.context.title += "（本表无数据）";
    Read m = read(marked);
    REQUIRE(m.reading);
    CHECK(m.reading->amounts.empty());
    CHECK(m.reading->unit == "万元");
}

TEST_CASE("部门决算公开相关信息统计表: keyed rows, counts not read") {
    Read r = read(seed_table(final_seed, "部门决算公开相关信息统计表"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.table_kind == "info_stats");
    CHECK(by_key(t, "procurement_total", "total").printed == "99270.50");
    CHECK(by_key(t, "procurement_goods", "total").printed == "66800.00");
    CHECK(by_key(t, "procurement_services", "total").printed == "32470.50");
    CHECK(by_key(t, "operating_costs_admin", "total").printed == "840414.26");
    CHECK(t.amounts.size() == 4);
    CHECK(has_diagnostic(r, "not_amount_rows"));
}

TEST_CASE("预算收支总表 (万元): 当年预算安排 / 上年结转安排 columns and 上年结转") {
    Read r = read(seed_table(yq_budget_seed, "2026年预算收支总表"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/summary");
    CHECK(t.unit == "万元");
    CHECK(by_key(t, "general_budget", "total", Side::income).printed == "661.85");
    CHECK(by_code(t, "215", "prior_carryover").printed == "830.99");
    CHECK(by_code(t, "216", "current_year").printed == "26.00");
    CHECK(by_code(t, "216", "total").measure_label == "支出/2026年合计");
    CHECK(by_key(t, "opening_balance", "total", Side::income).printed == "967.77");
    CHECK(by_key(t, "grand_total", "prior_carryover", Side::expenditure).printed == "967.77");
}

TEST_CASE("财政拨款收支总表 (预算): rows under 上年财政拨款结转 keep their fund") {
    Read r = read(seed_table(yq_budget_seed, "2026年财政拨款收支总表", {.merge_header_rows = 2}));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/grant_summary");
    CHECK(by_key(t, "opening_balance.general_budget", "total", Side::income).printed == "136.78");
    CHECK(by_key(t, "opening_balance.gov_fund", "total", Side::income).printed == "830.99");
    CHECK(by_code(t, "215", "gov_fund").printed == "830.99");
}

TEST_CASE("预算收入总表: 本年收入/一般公共预算 and 上年结转") {
    Read r = read(seed_table(yq_budget_seed, "2026年预算收入总表"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/income");
    CHECK(by_code(t, "2011301", "general_budget").printed == "325.77");
    CHECK(by_code(t, "2159802", "prior_carryover").printed == "830.99");
    CHECK(by_key(t, "table_total", "prior_carryover").printed == "967.77");
}

TEST_CASE("基本支出分经济科目表: names only, codes from the 经济分类 map") {
    Read r = read(seed_table(yq_budget_seed, "2026年一般公共预算安排基本支出分经济科目表（不含上年结转）"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/general_budget_basic");
    ReadAmount salary = by_code(t, "30101", "personnel");
    CHECK(salary.row_label == "基本工资");
    CHECK(salary.code_system == CodeSystem::econ);
    CHECK(salary.printed == "137.80");
    CHECK(by_code(t, "301", "total").printed == "388.94");
    CHECK(by_code(t, "30113", "total").printed == "35.43");
    CHECK(by_code(t, "30239", "public_funds").printed == "23.88");
    CHECK(by_code(t, "30309", "total").printed == "0.06");
    for (const auto& a : t.amounts)
        if (a.role == RowRole::item) CHECK_MESSAGE(!a.code.empty(), a.row_label);
}

TEST_CASE("三公 预算表 with parts as rows") {
    Read r = read(seed_table(jc_budget_seed, "2023年一般公共预算“三公”经费支出预算表"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/three_public");
    CHECK(by_key(t, "reception", "total").printed == "0.50");
    CHECK(by_key(t, "vehicle_operation", "general_budget").printed == "2.55");
    CHECK(by_key(t, "vehicles", "total").role == RowRole::subtotal);
    CHECK(by_key(t, "three_public_total", "total").printed == "3.05");
}

TEST_CASE("项目支出预算表: named rows × fund columns, column-number row skipped") {
    Read r = read(seed_table(jc_budget_seed, "2023年项目支出预算表（本年预算）"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.table_kind == "projects");
    auto rows = where(t, [](const ReadAmount& a) { return a.row_label == "支持夜间经济发展专项资金"; });
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].measure == "total");
    CHECK(rows[1].measure == "general_budget");
    CHECK(rows[1].measure_label == "2023年财政拨款/一般公共预算");
    CHECK(where(t, [](const ReadAmount& a) { return a.printed == "7"; }).empty());
}

TEST_CASE("机关运行经费 table and a title found only in other_lines") {
    Read r = read(seed_table(jc_budget_seed, "2023年机关运行经费预算财政拨款情况统计表", {.title_in_context = false}));
    REQUIRE(r.reading);
    CHECK(r.reading->table_kind == "operating_costs");
    CHECK(r.reading->table_title == "2023年机关运行经费预算财政拨款情况统计表");
    CHECK(by_key(*r.reading, "table_total", "total").printed == "154.25");
}

TEST_CASE("a table no layout claims is read as kind other and says why") {
    Table table = table_from_lines({"采购品目大类\t专项名称\t总计", "合计\t\t1,774.70", "货物\t办公设备\t774.70"},
                                   "2017年资产配置计划表", "单位：万元");
    Read r = read(table);
    REQUIRE(r.reading);
    CHECK(r.reading->table_kind == "other");
    CHECK(r.reading->checks.empty());  // nothing says what such a table adds up to
    REQUIRE(has_diagnostic(r, "unknown_table"));
    CHECK(r.diagnostics.front().message.find("资产配置计划表") != std::string::npos);
    CHECK(r.reading->unit == "万元");
    ReadAmount total = by_key(*r.reading, "table_total", "total");
    CHECK(total.printed == "1,774.70");
    auto goods = where(*r.reading, [](const ReadAmount& a) { return a.row_label == "办公设备"; });
    REQUIRE(goods.size() == 1);
    CHECK(goods[0].printed == "774.70");

    // No title at all: still read, with the header's measure.
    Table untitled = table_from_lines({"项目\t合计", "合计\t1.00"}, "", "");
    Read u = read(untitled);
    REQUIRE(u.reading);
    CHECK(u.reading->table_kind == "other");
    CHECK(has_diagnostic(u, "unknown_table"));

    // A table without amounts that no layout claims gives no reading.
    Table text_only = table_from_lines({"项目名称\t工作目标", "信息化建设\t系统可用率不低于99%"}, "2026年重点工作安排表", "");
    Read t = read(text_only);
    CHECK_FALSE(t.reading);
    CHECK(has_diagnostic(t, "unknown_table"));
}

TEST_CASE("an amount column whose header matches no measure is read with an empty measure") {
    Table table = table_from_lines({"科目编码\t科目名称\t支出总计\t政府采购项目预留份额",
                                    "201\t一般公共服务支出\t3,478.72\t94.28",
                                    "20105\t统计信息事务\t3,478.72\t94.28"},
                                   "2026年支出总表", "单位：万元");
    Read r = read(table);
    REQUIRE(r.reading);
    CHECK(r.reading->table_kind == "expenditure");
    CHECK(by_code(*r.reading, "201", "total").printed == "3,478.72");
    ReadAmount share = by_code(*r.reading, "20105", "");
    CHECK(share.printed == "94.28");
    CHECK(share.measure_label == "政府采购项目预留份额");
    CHECK(has_diagnostic(r, "unmapped_column"));
}

TEST_CASE("code printed in 类 | 款 | 项 columns, fused with the name, or with a space") {
    Table split = table_from_lines(
        {"项目\t\t\t\t支出预算\t\t", "功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出",
         "类\t款\t项\t\t\t\t", "201\t\t\t一般公共服务支出\t21,601,733.00\t12,291,733.00\t9,310,000.00",
         "201\t13\t\t商贸事务\t21,601,733.00\t12,291,733.00\t9,310,000.00",
         "201\t13\t01\t行政运行\t9,389,913.00\t9,389,913.00\t", "201\t13\t2\t一般行政管理事务\t4,545,000.00\t\t4,545,000.00", "合计\t\t\t\t371,514,655.00\t19,830,655.00\t351,684,000.00"},
        "2025年部门支出预算总表", "单位：元");
    Read r = read(split);
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/expenditure");
    CHECK(t.unit == "元");
    CHECK(by_code(t, "201", "total").printed == "21,601,733.00");
    CHECK(by_code(t, "20113", "basic").printed == "12,291,733.00");
    ReadAmount item = by_code(t, "2011301", "total");
    CHECK(item.row_label == "行政运行");
    CHECK(where(t, [](const ReadAmount& a) { return a.code == "2011301"; }).size() == 2);
    CHECK(by_code(t, "2011302", "project").printed == "4,545,000.00");  // 项 printed as "2"
    CHECK(by_key(t, "table_total", "project").role == RowRole::total);

    Table fused = table_from_lines({"科目编码\t科目名称\t合计", "2011301行政运行\t\t325.77", "2011399 其他商贸事务支出\t\t5.08",
                                    "2080505\t机关事业单位基本养老保险缴费支出\t41.54"},
                                   "2026年一般公共预算支出表", "单位:万元");
    Read f = read(fused);
    REQUIRE(f.reading);
    CHECK(by_code(*f.reading, "2011301", "total").row_label == "行政运行");
    CHECK(by_code(*f.reading, "2011399", "total").row_label == "其他商贸事务支出");
    CHECK(by_code(*f.reading, "2080505", "total").printed == "41.54");
}

TEST_CASE("title and unit inside the first rows of the grid; a repeated header on a continuation page") {
    Table table = table_from_lines({"上海市普陀区商务委员会2025年部门收入预算总表\t\t", "编制部门：上海市普陀区商务委员会\t\t单位：元",
                                    "科目编码\t科目名称\t合计", "201\t一般公共服务支出\t100.00", "科目编码\t科目名称\t合计",
                                    "20113\t商贸事务\t100.00"},
                                   "", "");
    table.cells[0].col_span = 3;
    table.cells.erase(table.cells.begin() + 1, table.cells.begin() + 3);
    Read r = read(table);
    REQUIRE(r.reading);
    CHECK(r.reading->layout_id == "budget/income");
    CHECK(r.reading->unit == "元");
    CHECK(r.reading->amounts.size() == 2);
    CHECK(by_code(*r.reading, "20113", "total").printed == "100.00");
}

TEST_CASE("Jiangsu 2017 layouts: three-block summary, grouped income rows, 支出预算总表 columns") {
    Table summary = table_from_lines(
        {"收入\t\t支出\t\t\t", "\t\t功能分类\t\t支出用途\t", "项目名称\t金额\t功能科目名称\t金额\t项目名称\t金额",
         "一、财政拨款\t9,066.79\t一、一般公共服务支出\t6,543.55\t一、基本支出\t5,916.27",
         " 1.一般公共预算\t9,066.79\t二、外交支出\t\t二、项目支出\t3,123.68",
         "三、其他资金\t80.00\t九、医疗卫生与计划生育支出\t\t三、单位预留机动经费\t106.84",
         "当年收入小计\t9,146.79\t当年支出小计\t\t\t9,146.79", "收入合计\t9,146.79\t支出合计\t\t\t9,146.79"},
        "收支预算总表", "单位：万元");
    // 收入 spans two columns, 支出 four; 功能分类 and 支出用途 two each.
    Read r = read(summary);
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/summary");
    CHECK(by_key(t, "fiscal_grant", "total", Side::income).printed == "9,066.79");
    CHECK(by_key(t, "fiscal_grant.general_budget", "total", Side::income).printed == "9,066.79");
    CHECK(by_code(t, "201", "total").side == Side::expenditure);
    CHECK(by_key(t, "reserve", "total", Side::expenditure).printed == "106.84");
    CHECK(by_key(t, "expenditure_total", "total", Side::expenditure).printed == "9,146.79");
    CHECK(by_key(t, "grand_total", "total", Side::expenditure).role == RowRole::total);

    Table income = table_from_lines({"项目名称\t\t金额", "收入总计\t\t9,146.79", "一般公共预算资金\t小计\t9,066.79",
                                     "\t公共财政拨款(补助)资金\t9,066.79", "其他资金\t小计\t80.00", "\t其他收入\t80.00"},
                                    "收入预算总表", "单位：万元");
    // The group cells span the rows below them, as a lattice table gives them.
    for (auto& cell : income.cells)
        if ((cell.row == 2 || cell.row == 4) && cell.col == 0) cell.row_span = 2;
    income.cells.erase(std::remove_if(income.cells.begin(), income.cells.end(),
                                      [](const Cell& c) { return (c.row == 3 || c.row == 5) && c.col == 0; }),
                       income.cells.end());
    // 项目名称 spans both label columns.
    income.cells[0].col_span = 2;
    income.cells.erase(income.cells.begin() + 1);
    Read in = read(income);
    REQUIRE(in.reading);
    CHECK(by_key(*in.reading, "grand_total", "total").printed == "9,146.79");
    CHECK(by_key(*in.reading, "general_budget", "total").printed == "9,066.79");
    CHECK(by_key(*in.reading, "other_funds", "total").printed == "80.00");
    auto other = where(*in.reading, [](const ReadAmount& a) { return a.row_label == "其他收入"; });
    REQUIRE(other.size() == 1);

    Table spending = table_from_lines({"合计\t基本支出\t项目支出\t单位预留机动经费\t结转下年资金", "9,146.79\t5,916.27\t3,123.68\t106.84\t"},
                                      "支出预算总表", "单位：万元");
    Read s = read(spending);
    REQUIRE(s.reading);
    CHECK(s.reading->layout_id == "budget/expenditure_jiangsu");
    CHECK(s.reading->amounts.size() == 4);
    CHECK(where(*s.reading, [](const ReadAmount& a) { return a.measure == "reserve" && a.printed == "106.84"; }).size() == 1);
}

TEST_CASE("a label wrapped onto the next row is joined only when the joined text means something") {
    Table table = table_from_lines({"收入\t\t支出\t", "项目\t金额\t项目\t金额", "一、一般公共预算\t10.00\t八、社会保障和就\t10.00",
                                    "\t\t业支出\t", "当年收入\t10.00\t其他事项\t", "小计\t\t说明\t", "收入合计\t10.00\t支出合计\t10.00"},
                                   "收支预算总表", "单位：万元");
    Read r = read(table);
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    ReadAmount social = by_code(t, "208", "total");
    CHECK(social.row_label == "八、社会保障和就业支出");
    ReadAmount income = by_key(t, "income_total", "total", Side::income);
    CHECK(income.row_label == "当年收入小计");
    // 其他事项 + 说明 means nothing: both stay as printed, neither gets a key.
    CHECK(where(t, [](const ReadAmount& a) { return a.row_label.find("其他事项") != std::string::npos; }).empty());
    CHECK(t.amounts.size() == 5);
}

TEST_CASE("a known table without recognisable headers is reported, its amounts read without a measure") {
    Table table = table_from_lines({"201\t一般公共服务支出\t100.00", "科目编码\t科目名称\t合计", "20113\t商贸事务\t100.00"},
                                   "2026年预算支出总表", "单位：万元");
    Read r = read(table);
    REQUIRE(r.reading);
    CHECK(r.reading->table_kind == "expenditure");
    CHECK(has_diagnostic(r, "header_not_found"));
    // Nothing names the column: the amounts keep their codes, their measure stays empty.
    REQUIRE(r.reading->amounts.size() == 2);
    for (const ReadAmount& a : r.reading->amounts) CHECK(a.measure.empty());
    CHECK(by_code(*r.reading, "20113", "").printed == "100.00");
}

TEST_CASE("grids that draw every cell: group headers widen over the columns they head") {
    Read r = read(seed_table(final_seed, "财政拨款“三公”经费支出决算表", {.merge_header_rows = 0}));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(by_key(t, "three_public_total", "budget").printed == "9500.00");
    CHECK(by_key(t, "reception", "budget").printed == "9500.00");
    CHECK(by_key(t, "reception", "final").printed == "770.00");
    CHECK(by_key(t, "reception", "final").measure_label == "决算数/公务接待费");

    Read s = read(seed_table(final_seed, "收入支出决算总表", {.merge_header_rows = 0}));
    REQUIRE(s.reading);
    CHECK(by_key(*s.reading, "general_budget", "total", Side::income).measure_label == "收入/决算数");
    CHECK(by_code(*s.reading, "201", "total").measure_label == "支出/决算数");
}

TEST_CASE("a 栏次 row under header cells spanning down into it is not data") {
    Table table = table_from_lines({"收入\t\t\t支出\t\t", "项目\t行次\t决算数\t项目\t行次\t决算数", "栏次\t\t1\t栏次\t\t2",
                                    "一、一般公共预算财政拨款收入\t1.00\t100.00\t一、一般公共服务支出\t32.00\t100.00",
                                    "总计\t31.00\t100.00\t总计\t62.00\t100.00"},
                                   "收入支出决算总表", "金额单位：元");
    // 收入 and 支出 span three columns; 行次 spans down into the 栏次 row.
    for (auto& cell : table.cells) {
        if (cell.row == 0 && (cell.col == 0 || cell.col == 3)) cell.col_span = 3;
        if (cell.row == 1 && (cell.col == 1 || cell.col == 4)) cell.row_span = 2;
    }
    table.cells.erase(std::remove_if(table.cells.begin(), table.cells.end(),
                                     [](const Cell& c) {
                                         return (c.row == 0 && c.col != 0 && c.col != 3) ||
                                                (c.row == 2 && (c.col == 1 || c.col == 4));
                                     }),
                      table.cells.end());
    Read r = read(table);
    REQUIRE(r.reading);
    CHECK(r.reading->amounts.size() == 4);
    for (const auto& a : r.reading->amounts) CHECK(a.printed == "100.00");
}

TEST_CASE("degenerate tables never crash: no cells, only a title row, stray bytes") {
    Table empty;
    empty.context.title = "支出决算表";
    Read e = read(empty);
    REQUIRE(e.reading);
    CHECK(e.reading->amounts.empty());
    CHECK(has_diagnostic(e, "header_not_found"));

    Table odd = table_from_lines({"\xff\xfe\t\x80", "科目编码\t合计", "201\t\xe4\xb8"}, "支出决算表", "单位：元");
    Read o = read(odd);
    REQUIRE(o.reading);
    CHECK(o.reading->amounts.empty());

    Table none;
    Read n = read(none);
    CHECK_FALSE(n.reading);
    CHECK(has_diagnostic(n, "unknown_table"));
}

namespace {

Table read_by_ocr(Table table) {
    for (Cell& cell : table.cells) cell.read_by_ocr = true;
    return table;
}

}  // namespace

TEST_CASE("OCR headers a character off an alias take it when the column's body agrees; printed text does not") {
    const std::vector<std::string> lines{"科目编码\t科目名称\t合计\t财政发款收入\t人金额\t项目编号",
                                         "201\t一般公共服务支出\t3,478.72\t3,000.00\t478.72\t14030021000000012345",
                                         "20105\t统计信息事务\t3,478.72\t3,000.00\t478.72\t14030021000000012346"};
    Read r = read(read_by_ocr(table_from_lines(lines, "2026年收入总表", "单位：万元")));
    REQUIRE(r.reading);
    CHECK(by_code(*r.reading, "201", "fiscal_grant").printed == "3,000.00");  // 财政发款收入: 拨 misread
    CHECK(by_code(*r.reading, "20105", "fiscal_grant").measure_label == "财政拨款收入");
    // 人金额: a speck read beside 金额; 金额 is a total, beside 合计
    CHECK(where(*r.reading, [](const ReadAmount& a) { return a.printed == "478.72" && a.measure_label == "金额"; }).size() == 2);
    // 项目编号 is a character from the code header 科目编号, but prints no classification codes
    CHECK(where(*r.reading, [](const ReadAmount& a) { return a.measure_label == "科目编号"; }).empty());
    const auto mended = std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                                      [](const Diagnostic& d) { return d.kind == "ocr_header"; });
    CHECK(mended == 2);

    Read printed = read(table_from_lines(lines, "2026年收入总表", "单位：万元"));  // the same text layer-printed
    REQUIRE(printed.reading);
    CHECK_FALSE(has_diagnostic(printed, "ocr_header"));
    CHECK(where(*printed.reading, [](const ReadAmount& a) { return a.measure == "fiscal_grant"; }).empty());
}

TEST_CASE("a label column printing codes under a name header is the code column") {
    // 项目 spans 科目编码 | 科目名称; the code header misread (功能分类科上编码) names nothing, so
    // both columns take 项目's role; the first prints codes (and the 合计 row's label).
    Table table = table_from_lines({"项目\t项目\t本年支出",
                                    "功能分类科上编码\t科目名称\t小计",
                                    "合计\t\t3,478.72",
                                    "201\t一般公共服务支出\t3,478.72",
                                    "20105\t统计信息事务\t3,000.00",
                                    "2010501\t行政运行\t478.72"},
                                   "一般公共预算支出表", "单位：万元");
    Read r = read(table);
    REQUIRE(r.reading);
    CHECK(by_code(*r.reading, "20105", "total").printed == "3,000.00");
    CHECK(by_code(*r.reading, "2010501", "total").printed == "478.72");
}

TEST_CASE("an OCR header naming nothing is read again: the one header its readings print, where the body agrees") {
    const Table table = read_by_ocr(table_from_lines({"科目编码\t科目名称\t余赢", "201\t一般公共服务支出\t3,478.72",
                                                      "20105\t统计信息事务\t3,478.72"},
                                                     "2026年支出总表", "单位：万元"));
    std::vector<std::string> asked;
    ReadOptions options;
    options.reread_ocr_cells = [&](const std::vector<const Cell*>& cells) {
        for (const Cell* cell : cells) asked.push_back(cell->text);
        // 项目 names labels: no amounts under it
        return std::vector<std::vector<std::string>>(cells.size(), {"全葡", "项目", "金额"});
    };
    Read r;
    r.reading = read_table(layouts(), table, 3, r.diagnostics, options);
    REQUIRE(r.reading);
    CHECK(asked == std::vector<std::string>{"余赢"});  // only the header that names nothing
    CHECK(by_code(*r.reading, "201", "total").measure_label == "金额");
    CHECK(has_diagnostic(r, "ocr_header"));

    // Readings naming two headers: no guess, the column stays without a measure.
    options.reread_ocr_cells = [](const std::vector<const Cell*>& cells) {
        return std::vector<std::vector<std::string>>(cells.size(), {"金额", "小计额", "合计"});
    };
    Read two;
    two.reading = read_table(layouts(), table, 3, two.diagnostics, options);
    REQUIRE(two.reading);
    CHECK(by_code(*two.reading, "201", "").measure_label == "余赢");
    CHECK_FALSE(has_diagnostic(two, "ocr_header"));
}

TEST_CASE("an OCR header naming nothing takes the header its twins print in the table's other column groups") {
    // Two 经济分类 blocks side by side; the second block's 金额 read 全效 and not settled by a
    // second reading.
    const std::vector<std::string> lines{"科目编码\t科目名称\t金额\t科目编码\t科目名称\t全效",
                                         "301\t工资福利支出\t5,433.48\t310\t资本性支出\t59.10",
                                         "30101\t基本工资\t1,414.40\t31002\t办公设备购置\t59.10"};
    Read r = read(read_by_ocr(table_from_lines(lines, "一般公共预算财政拨款支出决算明细表", "单位：万元")));
    REQUIRE(r.reading);
    CHECK(by_code(*r.reading, "31002", "total").measure_label == "金额");
    CHECK(has_diagnostic(r, "ocr_header"));

    // A twin whose left neighbour differs is no twin: the column stays without a measure.
    std::vector<std::string> other = lines;
    other[0] = "科目编码\t科目名称\t金额\t科目编码\t项目\t全效";
    Read o = read(read_by_ocr(table_from_lines(other, "一般公共预算财政拨款支出决算明细表", "单位：万元")));
    REQUIRE(o.reading);
    CHECK(where(*o.reading, [](const ReadAmount& a) { return a.code == "31002" && a.measure == "total"; }).empty());

    // Printed, the header is as printed.
    Read printed = read(table_from_lines(lines, "一般公共预算财政拨款支出决算明细表", "单位：万元"));
    REQUIRE(printed.reading);
    CHECK_FALSE(has_diagnostic(printed, "ocr_header"));
}

TEST_CASE("an OCR amount with a speck's mark beside it is a damaged amount; printed, a value with words") {
    const Table printed = table_from_lines({"科目编码\t科目名称\t合计", "201\t一般公共服务支出\t。248.61",
                                            "20105\t统计信息事务\t248.61"},
                                           "2026年支出总表", "单位：万元");
    Read ocr = read(read_by_ocr(printed));
    REQUIRE(ocr.reading);
    CHECK(by_code(*ocr.reading, "201", "total").printed == "。248.61");  // read, to be found unreadable
    CHECK_FALSE(has_diagnostic(ocr, "worded_values"));
    Read text = read(printed);
    REQUIRE(text.reading);
    CHECK(where(*text.reading, [](const ReadAmount& a) { return a.code == "201"; }).empty());
    CHECK(has_diagnostic(text, "worded_values"));
    CHECK(amount_with_stray_marks("248.61、"));
    CHECK_FALSE(amount_with_stray_marks("≥95%"));
    CHECK_FALSE(amount_with_stray_marks("248.61"));
}
