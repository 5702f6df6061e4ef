// Two-sided summary tables and “三公” tables, from the seeds.

#include <doctest/doctest.h>

#include <algorithm>

#include "checks_fixture.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

int count_starting(const std::vector<std::string>& messages, const std::string& prefix) {
    return static_cast<int>(std::count_if(messages.begin(), messages.end(),
                                          [&prefix](const std::string& m) { return m.rfind(prefix, 0) == 0; }));
}

// 收入支出决算总表 (公开01, 元): 收入 项目 | 行次 | 决算数 || 支出 项目 | 行次 | 决算数.
int add_summary_000(SeedDocument& doc) {
    auto lei = lei_codes_of(seed_rows("000", "支出决算表"));
    SeedRows rows = seed_rows("000", "收入支出决算总表");
    int t = doc.add_table("summary", "收入支出决算总表", "元", 3, {"summary_sides"});
    add_side(doc, t, rows, SideSpec{Side::income, 0, {{"total", 2}}, {}}, lei);
    add_side(doc, t, rows, SideSpec{Side::expenditure, 3, {{"total", 5}}, {}}, lei);
    return t;
}

// 财政拨款收入支出决算总表 (公开04, 元): 年初财政拨款结转和结余 is itemised by the three rows below it.
int add_grant_summary_000(SeedDocument& doc) {
    auto lei = lei_codes_of(seed_rows("000", "支出决算表"));
    SeedRows rows = seed_rows("000", "财政拨款收入支出决算总表");
    int t = doc.add_table("grant_summary", "财政拨款收入支出决算总表", "元", 7,
                          {"summary_sides", "columns_income_sources"});
    add_side(doc, t, rows, SideSpec{Side::income, 0, {{"total", 2}}, {{"年初财政拨款结转和结余", "opening_balance"}}}, lei);
    add_side(doc, t, rows,
             SideSpec{Side::expenditure, 3,
                      {{"total", 5}, {"general_budget", 6}, {"gov_fund", 7}, {"state_capital", 8}}, {}},
             lei);
    return t;
}

// 2026年预算收支总表 (预算公开表1, 万元): 支出 2026年合计 | 当年预算安排 | 上年结转安排.
int add_summary_002(SeedDocument& doc) {
    auto lei = lei_codes_of(seed_rows("002", "2026年预算支出总表"));
    SeedRows rows = seed_rows("002", "2026年预算收支总表");
    int t = doc.add_table("summary", "2026年预算收支总表", "万元", 3, {"summary_sides", "columns_income_sources"});
    add_side(doc, t, rows, SideSpec{Side::income, 0, {{"total", 1}}, {}}, lei);
    add_side(doc, t, rows,
             SideSpec{Side::expenditure, 2, {{"total", 3}, {"current_year", 4}, {"prior_carryover", 5}}, {}}, lei);
    return t;
}

// 2026年财政拨款收支总表 (万元): 上年财政拨款结转 is itemised by 一、一般公共预算 … below it.
int add_grant_summary_002(SeedDocument& doc) {
    auto lei = lei_codes_of(seed_rows("002", "2026年预算支出总表"));
    SeedRows rows = seed_rows("002", "2026年财政拨款收支总表");
    int t = doc.add_table("grant_summary", "2026年财政拨款收支总表", "万元", 8,
                          {"summary_sides", "columns_income_sources"});
    add_side(doc, t, rows, SideSpec{Side::income, 0, {{"total", 1}}, {{"上年财政拨款结转", "opening_balance"}}}, lei);
    add_side(doc, t, rows,
             SideSpec{Side::expenditure, 2,
                      {{"total", 3}, {"general_budget", 4}, {"gov_fund", 5}, {"state_capital", 6}}, {}},
             lei);
    return t;
}

}  // namespace

TEST_CASE("收入支出决算总表 (元): both sides hold as published") {
    SeedDocument doc;
    int t = add_summary_000(doc);
    CheckSummary summary = doc.check();
    // Per side: subtotal = items above, 总计 = subtotal + rows after; and income 总计 = expenditure 总计.
    CHECK(summary.total == 5);
    CHECK(summary.failed == 0);
    CHECK(doc.count_check("ok") == static_cast<int>(doc.records.size()));
    CHECK(doc.record(t, "208", "total", Side::expenditure).check == "ok");
}

TEST_CASE("收入支出决算总表: a changed 年初结转和结余 fails the income 总计 only") {
    SeedDocument doc;
    int t = add_summary_000(doc);
    doc.reprint(t, "年初结转和结余", "total", "2404005.00", Side::income);
    CheckSummary summary = doc.check();
    CHECK(summary.failed == 1);
    auto messages = doc.mismatch_messages();
    REQUIRE(messages.size() == 1);
    CHECK(messages[0] ==
          "summary_sides: income 总计 total 108017375.38 ≠ 本年收入合计 + rows after it 108017376.38 "
          "(diff -1.00, tolerance 0.00) [summary 收入支出决算总表 p3]");
    CHECK(doc.record(t, "总计", "total", Side::income).check == "mismatch");
    CHECK(doc.record(t, "本年收入合计", "total", Side::income).check == "mismatch");
    CHECK(doc.record(t, "一、一般公共预算财政拨款收入", "total", Side::income).check == "ok");
    CHECK(doc.record(t, "总计", "total", Side::expenditure).check == "ok");
}

TEST_CASE("收入支出决算总表: a changed 类 row fails the expenditure subtotal") {
    SeedDocument doc;
    int t = add_summary_000(doc);
    doc.reprint(t, "210", "total", "189417.83", Side::expenditure);
    CHECK(doc.check().failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0].rfind(
              "summary_sides: expenditure 本年支出合计 total 108017375.38 ≠ Σ items above 108017375.48", 0) == 0);
    CHECK(doc.record(t, "210", "total", Side::expenditure).check == "mismatch");
    CHECK(doc.record(t, "本年支出合计", "total", Side::expenditure).check == "mismatch");
    CHECK(doc.record(t, "总计", "total", Side::expenditure).check == "ok");  // 总计 = 本年支出合计 still holds
}

TEST_CASE("财政拨款收入支出决算总表: breakdown rows itemise 年初结转 and stay out of the side sums") {
    SeedDocument doc;
    int t = add_grant_summary_000(doc);
    CheckSummary summary = doc.check();
    CHECK(summary.failed == 0);
    CHECK(doc.record(t, "一般公共预算财政拨款", "total", Side::income).check == "ok");
    CHECK(doc.record(t, "年初财政拨款结转和结余", "total", Side::income).check == "ok");

    doc.reprint(t, "一般公共预算财政拨款", "total", "2404000.00", Side::income);
    CHECK(doc.check().failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0].rfind(
              "summary_sides: income 年初财政拨款结转和结余 total 2404004.00 ≠ Σ its breakdown rows 2404000.00", 0) == 0);
    CHECK(doc.record(t, "收入总计", "total", Side::income).check == "ok");
}

TEST_CASE("财政拨款收支总表 (万元): 上年结转 itemised by ordinal rows; expenditure columns by fund") {
    SeedDocument doc;
    int t = add_grant_summary_002(doc);
    CHECK(doc.check().failed == 0);
    CHECK(doc.record(t, "二、政府性基金预算", "total", Side::income).check == "ok");
    CHECK(doc.record(t, "215", "gov_fund", Side::expenditure).check == "ok");

    doc.reprint(t, "216", "general_budget", "162.88", Side::expenditure);
    CHECK(doc.check().failed == 2);  // 216's columns and 本年支出合计 in general_budget
    auto messages = doc.mismatch_messages();
    CHECK(count_starting(messages, "columns_income_sources: 216 十六、商业服务业等支出 total 1627800.00 ≠ "
                                   "general_budget + gov_fund + state_capital 1628800.00") == 1);
    CHECK(count_starting(messages, "summary_sides: expenditure 本年支出合计 general_budget") == 1);
}

TEST_CASE("预算收支总表 (万元): rounding within tolerance, 合计 = 当年 + 上年结转 per row") {
    SeedDocument doc;
    int t = add_summary_002(doc);
    // 本年支出合计 1629.62 against 类 rows adding up to 1629.63: a rounding tail, so that
    // identity holds only within its tolerance.
    CheckSummary summary = doc.check();
    CHECK(summary.failed == 0);
    CHECK(summary.inexact >= 1);
    CHECK(summary.inexact < summary.total);
    CHECK(doc.record(t, "本年支出合计", "total", Side::expenditure).check == "ok");

    // The published 当年预算安排 类 rows add up to 661.86: the changed one makes it 662.86.
    doc.reprint(t, "216", "current_year", "27.00", Side::expenditure);
    CHECK(doc.check().failed == 2);
    auto messages = doc.mismatch_messages();
    CHECK(count_starting(messages, "columns_income_sources: 216 十六、商业服务业等支出 total 1627800.00 ≠ "
                                   "current_year + prior_carryover 1637800.00") == 1);
    CHECK(count_starting(messages, "summary_sides: expenditure 本年支出合计 current_year 6618500.00 ≠ "
                                   "Σ items above 6628600.00") == 1);
}

TEST_CASE("“三公” column form (决算): 预算数 and 决算数 groups from the headers") {
    SeedDocument doc;
    int t = doc.add_table("three_public", "财政拨款“三公”经费支出决算表", "元", 12, {"three_public_parts"});
    SeedRows rows = seed_rows("000", "财政拨款“三公”经费支出决算表");
    const std::vector<std::string>* data = nullptr;
    for (const auto& cells : rows)
        if (!cells.empty() && cells[0] == "9500.00") data = &cells;
    REQUIRE(data);
    // The parts as layouts/ keys the columns (合计, 因公出国（境）费, 公务用车…/小计, …/购置费,
    // …/运行维护费, 公务接待费), each printed under 预算数 and under 决算数.
    const std::vector<std::pair<std::string, RowRole>> parts = {
        {"three_public_total", RowRole::total}, {"travel_abroad", RowRole::item},    {"vehicles", RowRole::subtotal},
        {"vehicle_purchase", RowRole::item},    {"vehicle_operation", RowRole::item}, {"reception", RowRole::item}};
    for (int group = 0; group < 2; ++group)
        for (std::size_t i = 0; i < parts.size(); ++i) {
            std::size_t col = group * parts.size() + i;
            RowMeaning part;
            part.row_key = parts[i].first;
            part.role = parts[i].second;
            part.part_in_header = true;
            doc.add_amount(t, 0, static_cast<int>(col), part, group == 0 ? "budget" : "final",
                           group == 0 ? "预算数" : "决算数", col < data->size() ? (*data)[col] : "");
        }
    CheckSummary summary = doc.check();
    CHECK(summary.total == 2);  // 合计 = parts, per group (公务用车 parts all blank: not evaluated)
    CHECK(summary.failed == 0);
    CHECK(doc.count_check("ok") == 4);

    for (Record& r : doc.records)
        if (r.measure == "final" && r.col == 6) {  // 决算数/合计 misprinted
            r.amount_printed = "700.00";
            r.amount_yuan = "700.00";
        }
    CHECK(doc.check().failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0] ==
          "three_public_parts: three_public_total final 700.00 ≠ travel_abroad + vehicles + reception "
          "770.00 (diff -70.00, tolerance 0.00) [three_public 财政拨款“三公”经费支出决算表 p12]");
}

TEST_CASE("“三公” column parts under group headers add up within their group and row") {
    // 西安: 上年 | 当年 groups side by side, one row per unit; the rows and groups never mix.
    SeedDocument doc;
    int t = doc.add_table("three_public", "部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表", "元", 35,
                          {"three_public_parts"});
    const std::vector<std::string> keys = {"grand_total", "three_public_total", "reception", "vehicles",
                                           "vehicle_operation", "meetings", "training"};
    const std::vector<std::vector<std::string>> printed = {
        {"526,000.00", "120,000.00", "20,000.00", "100,000.00", "100,000.00", "20,000.00", "386,000.00"},
        {"332,000.00", "102,000.00", "20,000.00", "82,000.00", "82,000.00", "20,000.00", "210,000.00"}};
    for (int row = 0; row < 2; ++row)
        for (int group = 0; group < 2; ++group)
            for (std::size_t i = 0; i < keys.size(); ++i) {
                RowMeaning part;
                part.row_key = keys[i];
                part.role = keys[i] == "grand_total" ? RowRole::total : RowRole::item;
                part.row_label = row == 0 ? "合计" : "西安市审计局";
                part.part_in_header = true;
                part.part_group = group == 0 ? "上年" : "当年";
                doc.add_amount(t, row, static_cast<int>(group * keys.size() + i), part, "total",
                               part.part_group + "/" + keys[i], printed[static_cast<std::size_t>(group)][i]);
            }
    CheckSummary summary = doc.check();
    CHECK(summary.total == 12);  // per row and group: 三公 total, vehicles, grand total
    CHECK(summary.failed == 0);
}

TEST_CASE("“三公” row form (预算, 万元): 公务用车 = 购置 + 运行维护 per fund column") {
    SeedDocument doc;
    int t = doc.add_table("three_public", "2026年财政拨款安排“三公”经费支出预算表", "万元", 14,
                          {"three_public_parts"});
    struct PartRow {
        std::string label, key, amount;
        RowRole role;
    };
    const std::vector<PartRow> rows = {{"因公出国（境）费", "travel_abroad", "2.00", RowRole::item},
                                       {"公务接待费", "reception", "1.50", RowRole::item},
                                       {"公务用车购置及运行费", "vehicles", "3.25", RowRole::subtotal},
                                       {"①公务用车购置费", "vehicle_purchase", "3.00", RowRole::item},
                                       {"②公务用车运行维护费", "vehicle_operation", "0.25", RowRole::item},
                                       {"合计", "three_public_total", "6.75", RowRole::total}};
    for (std::size_t r = 0; r < rows.size(); ++r) {
        RowMeaning meaning;
        meaning.row_label = rows[r].label;
        meaning.row_key = rows[r].key;
        meaning.role = rows[r].role;
        doc.add_amount(t, static_cast<int>(r), 1, meaning, "total", "2026年预算数/合计", rows[r].amount);
        doc.add_amount(t, static_cast<int>(r), 2, meaning, "general_budget", "2026年预算数/一般公共预算", rows[r].amount);
        doc.add_amount(t, static_cast<int>(r), 3, meaning, "gov_fund", "2026年预算数/政府性基金预算", "");
    }
    CheckSummary summary = doc.check();
    CHECK(summary.total == 4);
    CHECK(summary.failed == 0);

    doc.reprint(t, "②公务用车运行维护费", "general_budget", "0.35");
    CHECK(doc.check().failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0].rfind(
              "three_public_parts: vehicles general_budget 32500.00 ≠ vehicle_purchase + vehicle_operation "
              "33500.00 (diff -1000.00, tolerance 150.00)", 0) == 0);
    CHECK(doc.record(t, "合计", "general_budget").check == "ok");
    CHECK(doc.record(t, "②公务用车运行维护费", "total").check == "ok");
}

TEST_CASE("“三公” table with nothing printed (本表无数据) evaluates nothing") {
    SeedDocument doc;
    int t = doc.add_table("three_public", "2026年财政拨款安排“三公”经费支出预算表", "万元", 14, {"three_public_parts"});
    SeedRows rows = seed_rows("002", "2026年财政拨款安排“三公”经费支出预算表");
    int r = 0;
    for (const auto& cells : rows) {
        if (cells.empty() || cells[0].empty() || cells[0] == "项目") continue;
        RowMeaning meaning;
        meaning.row_label = cells[0];
        doc.add_amount(t, r++, 1, meaning, "total", "2026年预算数/合计", cells.size() > 1 ? cells[1] : "");
    }
    CHECK(r == 6);
    CheckSummary summary = doc.check();
    CHECK(summary.total == 0);
    CHECK(doc.records.empty());
}

TEST_CASE("“三公” parts keyed the way layouts/ keys them (column parts as row keys)") {
    // 公开07表 read by final/three_public: one printed row, each part a column group with 预算数
    // and 决算数; row_key = the part, measure = budget or final.
    SeedDocument doc;
    int t = doc.add_table("three_public", "财政拨款“三公”经费支出决算表", "元", 12, {"three_public_parts"});
    const std::vector<std::pair<std::string, RowRole>> parts = {
        {"three_public_total", RowRole::total}, {"travel_abroad", RowRole::item}, {"vehicles", RowRole::subtotal},
        {"vehicle_purchase", RowRole::item},    {"vehicle_operation", RowRole::item}, {"reception", RowRole::item}};
    const std::vector<std::string> budget = {"9,500.00", "", "3,000.00", "2,000.00", "1,000.00", "6,500.00"};
    const std::vector<std::string> final = {"770.00", "", "", "", "", "770.00"};
    for (std::size_t i = 0; i < parts.size(); ++i) {
        RowMeaning meaning;
        meaning.role = parts[i].second;
        meaning.row_key = parts[i].first;
        doc.add_amount(t, 4, static_cast<int>(i), meaning, "budget", "预算数", budget[i]);
        doc.add_amount(t, 4, static_cast<int>(i + 6), meaning, "final", "决算数", final[i]);
    }
    CheckSummary summary = doc.check();
    CHECK(summary.total == 3);  // budget: total and vehicles; final: total (vehicle parts blank)
    CHECK(summary.failed == 0);

    // The 小计 of 公务用车 disagrees with its parts: only the vehicles identity of 预算数 fails.
    for (Record& r : doc.records)
        if (r.col == 2) {
            r.amount_printed = "3,100.00";
            r.amount_yuan = "3100.00";
        }
    summary = doc.check();
    CHECK(summary.failed == 2);  // vehicles ≠ purchase + operation, and 合计 ≠ parts
    auto messages = doc.mismatch_messages();
    CHECK(count_starting(messages, "three_public_parts: vehicles budget 3100.00 ≠ vehicle_purchase + "
                                   "vehicle_operation 3000.00 (diff 100.00, tolerance 0.00)") == 1);
    CHECK(count_starting(messages, "three_public_parts: three_public_total budget 9500.00 ≠ travel_abroad + vehicles + "
                                   "reception 9600.00") == 1);
    for (const Record& r : doc.records)
        if (r.measure == "final") CHECK(r.check == "ok");
}

TEST_CASE("江苏 三公、会议费、培训费: 合计 = 三公小计 + 会议费 + 培训费") {
    SeedDocument doc;
    int t = doc.add_table("three_public", "“三公”经费、会议费、培训费支出预算表", "万元", 20, {"three_public_parts"});
    const std::vector<std::pair<std::string, std::string>> parts = {
        {"grand_total", "120.50"}, {"three_public_total", "80.00"}, {"travel_abroad", "30.00"},
        {"vehicles", "40.00"},     {"vehicle_purchase", ""},        {"vehicle_operation", "40.00"},
        {"reception", "10.00"},    {"meetings", "25.50"},           {"training", "15.00"}};
    for (std::size_t i = 0; i < parts.size(); ++i) {
        RowMeaning meaning;
        meaning.row_key = parts[i].first;
        if (parts[i].first == "grand_total") meaning.role = RowRole::total;
        doc.add_amount(t, 3, static_cast<int>(i), meaning, "total", "合计", parts[i].second);
    }
    CheckSummary summary = doc.check();
    CHECK(summary.total == 3);
    CHECK(summary.failed == 0);
    CHECK(doc.count_check("ok") == 8);
}

TEST_CASE("江苏 收支预算总表: 类 rows and the 支出用途 block each add up to 当年支出小计") {
    // 江苏省人大办公厅 2017 (万元): 201 + 208 + 221 and 基本 + 项目 + 单位预留机动经费 both give 13,649.07.
    SeedDocument doc;
    int t = doc.add_table("summary", "收支预算总表", "万元", 7, {"summary_sides"});
    struct Row {
        std::string label, key, code, amount;
        RowRole role;
    };
    const std::vector<Row> rows = {
        {"一、一般公共服务支出", "", "201", "10,528.33", RowRole::item},
        {"一、基本支出", "basic", "", "7,666.68", RowRole::item},
        {"二、项目支出", "project", "", "5,853.96", RowRole::item},
        {"三、单位预留机动经费", "reserve", "", "128.43", RowRole::item},
        {"八、社会保障和就业支出", "", "208", "1,608.51", RowRole::item},
        {"十八、住房保障支出", "", "221", "1,512.23", RowRole::item},
        {"当年支出小计", "expenditure_total", "", "13,649.07", RowRole::subtotal},
        {"支出合计", "grand_total", "", "13,649.07", RowRole::total}};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowMeaning m{Side::expenditure, rows[i].role, rows[i].key, rows[i].label, rows[i].code,
                     rows[i].code.empty() ? CodeSystem::none : CodeSystem::func};
        doc.add_amount(t, static_cast<int>(i), 3, m, "total", "金额", rows[i].amount);
    }
    CheckSummary summary = doc.check();
    CHECK(summary.total == 3);
    CHECK(summary.failed == 0);

    doc.reprint(t, "二、项目支出", "total", "5,863.96", Side::expenditure);
    CHECK(doc.check().failed == 1);
    REQUIRE(doc.mismatch_messages().size() == 1);
    CHECK(doc.mismatch_messages()[0].rfind(
              "summary_sides: expenditure 当年支出小计 total 136490700.00 ≠ Σ items above (by use) 136590700.00", 0) == 0);
    CHECK(doc.record(t, "201", "total", Side::expenditure).check == "ok");
}

TEST_CASE("“三公” column parts read with one measure: each half is its own group") {
    // The 预算数/决算数 header lost: all twelve cells come as measure final, parts in column order.
    SeedDocument doc;
    int t = doc.add_table("three_public", "财政拨款“三公”经费支出决算表", "元", 12, {"three_public_parts"});
    const std::vector<std::string> keys = {"three_public_total", "travel_abroad", "vehicles",
                                           "vehicle_purchase",   "vehicle_operation", "reception"};
    const std::vector<std::string> printed = {"9500.00", "", "", "", "", "9500.00", "770.00", "", "", "", "", "770.00"};
    for (std::size_t col = 0; col < printed.size(); ++col) {
        RowMeaning meaning;
        meaning.row_key = keys[col % keys.size()];
        doc.add_amount(t, 4, static_cast<int>(col), meaning, "final", "决算数", printed[col]);
    }
    CheckSummary summary = doc.check();
    CHECK(summary.total == 2);
    CHECK(summary.failed == 0);
}
