// Forms (绩效目标表, 预算绩效目标申报表): money printed beside labels rather than in amount
// columns, the unit inside a label, and target values that are not money.

#include <doctest/doctest.h>

#include <algorithm>

#include "layouts/table_reader.h"
#include "layouts/text_match.h"
#include "seed_table.h"

using namespace budgetpdf;
using budgetpdf::test::table_from_lines;

namespace {

struct Read {
    std::optional<TableReading> reading;
    std::vector<Diagnostic> diagnostics;
};

Read read(const Table& table) {
    static const LayoutSet set = [] {
        auto loaded = load_layouts(default_layouts_dir());
        if (!loaded.ok()) FAIL(loaded.error().message);
        return loaded.value();
    }();
    Read r;
    r.reading = read_table(set, table, 0, r.diagnostics);
    return r;
}

const ReadAmount* printed(const TableReading& reading, const std::string& text) {
    auto it = std::find_if(reading.amounts.begin(), reading.amounts.end(),
                           [&](const ReadAmount& a) { return a.printed == text; });
    return it == reading.amounts.end() ? nullptr : &*it;
}

bool has_diagnostic(const Read& r, const std::string& kind) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) { return d.kind == kind; });
}

}  // namespace

TEST_CASE("worded values: targets and notes beside digits are not amounts, damaged numbers may be") {
    for (const char* text : {"≥95%", "≤1200", "4次", "10月底前", "执行率分值(10分)", "2,000万元", "≧ 999人", "95%", ">90"})
        CHECK_MESSAGE(worded_value(text), text);
    for (const char* text : {"1,234.00", "-12.50", "—", "－12.50", "1,2O4.00", "12.3.4", "25180591 .33", "合计"})
        CHECK_MESSAGE(!worded_value(text), text);
}

TEST_CASE("a form: amounts beside labels are read, headed by the nearest heading above, unit from the heading") {
    // 部门整体预算绩效目标申报表: text fills most columns, so they are label columns; the money
    // printed in them is still read.
    Table table = table_from_lines(
        {"部门名称\t广州市某局\t\t\t",
         "预算整体情况\t部门预算支出\t预算金额（万元）\t收入来源\t预算金额（万元）",
         "\t基本支出\t12,634.14\t财政拨款\t98,880.78",
         "\t项目支出\t86,246.64\t其他资金\t0.00",
         "总体绩效目标\t坚持以数字化转型为主线，统筹推进数字政府建设，提升政务服务便捷化水平。\t\t\t",
         "年度重点工作任务\t名称\t主要实施内容\t拟投入的资金（万元）\t期望达到的目标（概述）",
         "\t政务热线\t为市民群众提供全方位、多渠道、一体化的热线服务\t12,000.00\t接通率不低于95%"},
        "部门整体预算绩效目标申报表", "");
    Read r = read(table);
    REQUIRE(r.reading);
    CHECK(r.reading->table_kind == "other");
    CHECK(r.reading->unit == "万元");
    const ReadAmount* basic = printed(*r.reading, "12,634.14");
    REQUIRE(basic);
    CHECK(basic->row_label == "基本支出");
    CHECK(basic->measure_label == "预算金额（万元）");
    const ReadAmount* grant = printed(*r.reading, "98,880.78");
    REQUIRE(grant);
    CHECK(grant->row_label == "财政拨款");
    const ReadAmount* hotline = printed(*r.reading, "12,000.00");
    REQUIRE(hotline);
    CHECK(hotline->measure_label == "拟投入的资金（万元）");
    CHECK(r.reading->amounts.size() == 5);
}

TEST_CASE("a form's unit printed in the label of its money rows; a target's unit is not the table's") {
    // 西安 部门专项业务经费绩效目标表: 资金金额（万元） labels the money rows; 人均培训成本（元）
    // labels a target (≤1947), which is no amount and states no unit for the table.
    Table table = table_from_lines({"项目名称\t审计培训\t\t",
                                    "主管部门\t西安市某局\t\t",
                                    "资金金额（万元）\t实施期资金总额：\t15.00\t执行率分值（10分）",
                                    "资金金额（万元）\t其中：财政拨款\t15.00\t",
                                    "产出指标\t人均培训成本（元）\t≤1947\t10",
                                    "产出指标\t课时劳务费（万元）\t≤11.2\t10"},
                                   "部门专项业务经费绩效目标表", "");
    Read r = read(table);
    REQUIRE(r.reading);
    CHECK(r.reading->unit == "万元");
    CHECK_FALSE(has_diagnostic(r, "unit_conflict"));
    CHECK(printed(*r.reading, "15.00"));
    CHECK_FALSE(printed(*r.reading, "≤1947"));
    CHECK_FALSE(has_diagnostic(r, "unreadable_amount"));

    // The same label with 元 over a money row and 万元 over another: two units, nothing recorded.
    Table two = table_from_lines({"项目名称\t审计培训\t",
                                  "资金金额（万元）\t实施期资金总额：\t15.00",
                                  "培训费（元）\t其中：财政拨款\t150,000.00"},
                                 "部门专项业务经费绩效目标表", "");
    Read t = read(two);
    REQUIRE(t.reading);
    CHECK(has_diagnostic(t, "unit_conflict"));
    CHECK(t.reading->unit.empty());
}

TEST_CASE("a unit alone in brackets in a column heading is the table's unit") {
    Table table = table_from_lines({"项目\t预算数（万元）", "合计\t1,774.70", "办公设备\t774.70"}, "2026年资产配置计划表", "");
    Read r = read(table);
    REQUIRE(r.reading);
    CHECK(r.reading->unit == "万元");

    // A unit inside other words (元/人/天) or a place name (元宝山区) states none.
    Table none = table_from_lines({"项目\t标准（元/人/天）", "合计\t1,774.70"}, "2026年资产配置计划表", "编制单位：元宝山区");
    Read n = read(none);
    REQUIRE(n.reading);
    CHECK(n.reading->unit.empty());
}

TEST_CASE("target values in an amount column are skipped with one note, not reported as unreadable") {
    Table table = table_from_lines({"项目名称\t指标\t金额", "审计培训\t资金\t15.00", "审计培训\t完成率\t≥95%",
                                    "审计培训\t完成时限\t10月底前"},
                                   "部门专项业务经费绩效目标表", "单位：万元");
    Read r = read(table);
    REQUIRE(r.reading);
    REQUIRE(r.reading->amounts.size() == 1);
    CHECK(r.reading->amounts[0].printed == "15.00");
    CHECK(has_diagnostic(r, "worded_values"));
}
