// Tables from all over China recognised by content: title words (national and provincial
// wordings, titles_exclude), the classification the rows print, codes in their printed forms,
// units, the row hierarchy and breakdown keys, duplicate meanings, forms and the fallback kind
// other. Rows are modelled on the renwu disclosures (烟台, 深圳, 广州, 北京, 西安, 无锡).
// Column groups (periods, carry-over, 其中) are in recognition_columns_test.cpp.

#include "layouts/table_reader.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "seed_table.h"

using namespace budgetpdf;
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

Read read(const Table& table, const LayoutSet& set = layouts()) {
    Read r;
    r.reading = read_table(set, table, 0, r.diagnostics);
    return r;
}

std::vector<ReadAmount> where(const TableReading& reading, const std::function<bool(const ReadAmount&)>& pred) {
    std::vector<ReadAmount> out;
    std::copy_if(reading.amounts.begin(), reading.amounts.end(), std::back_inserter(out), pred);
    return out;
}

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

ReadAmount by_label(const TableReading& reading, const std::string& label, const std::string& measure) {
    auto found = where(reading, [&](const ReadAmount& a) { return a.row_label == label && a.measure == measure; });
    REQUIRE_MESSAGE(found.size() == 1, label << " " << measure << " found " << found.size());
    return found.front();
}

std::vector<Diagnostic> diagnostics_of(const Read& r, const std::string& kind) {
    std::vector<Diagnostic> out;
    std::copy_if(r.diagnostics.begin(), r.diagnostics.end(), std::back_inserter(out),
                 [&](const Diagnostic& d) { return d.kind == kind; });
    return out;
}

// Bodies of the national template's tables (烟台 审计局 2026, 万元).
const std::vector<std::string> two_sided_body = {
    "收入\t\t支出\t", "项目\t预算数\t项目\t预算数", "一、财政拨款收入\t2,776.75\t一、一般公共服务支出\t2,731.79",
    "五、其他收入\t781.60\t七、社会保障和就业支出\t826.56", "本年收入合计\t3,558.35\t本年支出合计\t3,558.35"};
const std::vector<std::string> income_body = {"科目编码\t科目名称\t合计\t一般公共预算\t其他收入",
                                              "201\t一般公共服务支出\t2,731.79\t1,950.19\t781.60",
                                              "20108\t审计事务\t2,731.79\t1,950.19\t781.60",
                                              "2010801\t行政运行\t1,535.86\t1,531.26\t4.60"};
const std::vector<std::string> function_body = {"科目编码\t科目名称\t合计\t基本支出\t项目支出",
                                                "201\t一般公共服务支出\t2,731.79\t1,950.29\t781.50",
                                                "20108\t审计事务\t2,731.79\t1,950.29\t781.50",
                                                "2010801\t行政运行\t1,535.86\t1,535.86\t"};
const std::vector<std::string> economic_body = {"科目编码\t科目名称\t合计\t人员经费\t公用经费",
                                                "301\t工资福利支出\t1,812.81\t1,812.81\t",
                                                "30101\t基本工资\t442.38\t442.38\t",
                                                "302\t商品和服务支出\t319.52\t\t319.52",
                                                "30201\t办公费\t12.60\t\t12.60"};
const std::vector<std::string> gov_fund_body = {"科目编码\t科目名称\t合计\t基本支出\t项目支出",
                                                "212\t城乡社区支出\t830.99\t\t830.99",
                                                "21208\t国有土地使用权出让收入安排的支出\t830.99\t\t830.99",
                                                "2120899\t其他国有土地使用权出让收入安排的支出\t830.99\t\t830.99"};
const std::vector<std::string> state_capital_body = {"科目编码\t科目名称\t合计\t基本支出\t项目支出",
                                                     "223\t国有资本经营预算支出\t60.00\t\t60.00",
                                                     "22301\t解决历史遗留问题及改革成本支出\t60.00\t\t60.00",
                                                     "2230108\t离休干部医药费补助支出\t60.00\t\t60.00"};
const std::vector<std::string> three_public_body = {"项目\t合计\t一般公共预算", "合计\t10.20\t10.20",
                                                    "因公出国（境）费\t0.00\t0.00", "公务接待费\t2.00\t2.00",
                                                    "公务用车购置及运行维护费\t8.20\t8.20"};
const std::vector<std::string> projects_body = {"项目名称\t合计\t一般公共预算\t单位资金",
                                                "审计业务经费\t592.50\t4.50\t588.00",
                                                "其他审计事务经费\t189.00\t\t189.00"};

}  // namespace

TEST_CASE("national and provincial title wordings read as the table kind they name") {
    struct Case {
        const char* title;
        const std::vector<std::string>* body;
        const char* layout;
        const char* kind;
    };
    const Case cases[] = {
        {"收支总体情况表", &two_sided_body, "budget/summary", "summary"},
        {"2026年部门收支总表", &two_sided_body, "budget/summary", "summary"},
        {"收支预算总表", &two_sided_body, "budget/summary", "summary"},
        {"表1 部门综合预算收支总表", &two_sided_body, "budget/summary", "summary"},
        {"1. 2026年预算单位财务收支预算总表", &two_sided_body, "budget/summary", "summary"},
        {"收入总体情况表", &income_body, "budget/income", "income"},
        {"2026年部门收入总表", &income_body, "budget/income", "income"},
        {"支出总体情况表", &function_body, "budget/expenditure", "expenditure"},
        {"部门支出总表", &function_body, "budget/expenditure", "expenditure"},
        {"财政拨款收支总体情况表", &two_sided_body, "budget/grant_summary", "grant_summary"},
        {"预算04表 财政拨款收支总表", &two_sided_body, "budget/grant_summary", "grant_summary"},
        {"4. 2026年预算单位财政拨款收支预算总表", &two_sided_body, "budget/grant_summary", "grant_summary"},
        {"一般公共预算支出情况表", &function_body, "budget/general_budget", "general_budget"},
        {"一般公共预算支出情况表（按功能分类科目）", &function_body, "budget/general_budget", "general_budget"},
        {"（七）一般公共预算支出表（按功能分类）", &function_body, "budget/general_budget", "general_budget"},
        {"2026年预算单位一般公共预算支出功能分类预算表", &function_body, "budget/general_budget", "general_budget"},
        {"（八）一般公共预算支出表（按经济分类）", &economic_body, "budget/general_budget_basic", "general_budget_basic"},
        {"一般公共预算基本支出情况表", &economic_body, "budget/general_budget_basic", "general_budget_basic"},
        {"预算06表 一般公共预算基本支出表", &economic_body, "budget/general_budget_basic", "general_budget_basic"},
        {"一般公共预算“三公”经费支出情况表", &three_public_body, "budget/three_public", "three_public"},
        {"财政拨款“三公”经费支出表", &three_public_body, "budget/three_public", "three_public"},
        {"财政拨款安排的行政经费及“三公”经费预算表", &three_public_body, "budget/three_public", "three_public"},
        {"九、一般公共预算“三公”经费、会议费、培训费支出表", &three_public_body, "budget/three_public_meetings", "three_public"},
        {"2026年单位“三公”经费和机关运行经费预算表", &three_public_body, "budget/three_public_operating_costs", "three_public"},
        {"政府性基金预算支出情况表", &gov_fund_body, "budget/gov_fund", "gov_fund"},
        {"政府性基金预算支出表", &gov_fund_body, "budget/gov_fund", "gov_fund"},
        {"国有资本经营预算支出情况表", &state_capital_body, "budget/state_capital", "state_capital"},
        {"项目支出预算情况表", &projects_body, "budget/projects", "projects"},
        {"项目支出表", &projects_body, "budget/projects", "projects"},
        {"（五）项目支出总表", &projects_body, "budget/projects", "projects"},
        {"表10 部门综合预算专项业务经费支出表", &projects_body, "budget/projects", "projects"},
        {"基本支出预算情况表", &economic_body, "other/basic_all_funds", "other"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.title);
        Read r = read(table_from_lines(*c.body, c.title, "部门（单位）：烟台市审计局 单位：万元"));
        REQUIRE(r.reading);
        CHECK(r.reading->layout_id == c.layout);
        CHECK(r.reading->table_kind == c.kind);
        CHECK(r.reading->table_title == c.title);
        CHECK(diagnostics_of(r, "unknown_table").empty());
        CHECK(r.reading->unit == "万元");
        // The body is read, its first amount under a named column.
        REQUIRE(!r.reading->amounts.empty());
        CHECK(!r.reading->amounts.front().measure.empty());
    }
}

TEST_CASE("titles_exclude: a 财政拨款收支总体情况表 is no summary although it carries the summary's title words") {
    auto layout_of = [](const LayoutSet& set, const Table& table) {
        const Layout* layout = classify_table(set, table);
        return layout ? layout->id : std::string("(none)");
    };
    Table grant = table_from_lines(two_sided_body, "财政拨款收支总体情况表", "单位：万元");
    CHECK(layout_of(layouts(), table_from_lines(two_sided_body, "收支总体情况表", "单位：万元")) == "budget/summary");
    CHECK(layout_of(layouts(), grant) == "budget/grant_summary");

    // Without the summary's 财政拨款 veto, 收支 总体情况表 and 财政拨款 收支 表 match the title equally
    // well and the summary, listed first, takes it: the veto is what sends it to grant_summary.
    namespace fs = std::filesystem;
    fs::path root = fs::temp_directory_path() / "budgetpdf_layouts_titles_exclude";
    fs::remove_all(root);
    fs::create_directories(root);
    fs::path source = fs::path(default_layouts_dir()).parent_path();
    for (const char* folder : {"templates", "maps", "catalog"})
        fs::copy(source / folder, root / folder, fs::copy_options::recursive);
    fs::path budget = root / "templates" / "budget.yaml";
    std::stringstream text;
    text << std::ifstream(budget).rdbuf();
    std::string yaml = text.str();
    const std::string veto = "titles_exclude: [财政拨款, 政府性基金, 国有资本]\n    two_sided: true\n    name_map: func_lei";
    size_t at = yaml.find(veto);
    REQUIRE(at != std::string::npos);
    yaml.replace(at, veto.size(), "titles_exclude: [政府性基金, 国有资本]\n    two_sided: true\n    name_map: func_lei");
    std::ofstream(budget) << yaml;
    auto patched = load_layouts((root / "templates").string());
    REQUIRE(patched.ok());
    CHECK(layout_of(patched.value(), grant) == "budget/summary");
    fs::remove_all(root);
}

TEST_CASE("the rows' classification picks between layouts sharing a title: 功能分类 → general_budget, 经济分类 → general_budget_basic") {
    Read func = read(table_from_lines(function_body, "一般公共预算支出表", "单位：万元"));
    REQUIRE(func.reading);
    CHECK(func.reading->layout_id == "budget/general_budget");
    CHECK(by_code(*func.reading, "2010801", "basic").code_system == CodeSystem::func);

    Read econ = read(table_from_lines(economic_body, "一般公共预算支出表", "单位：万元"));
    REQUIRE(econ.reading);
    CHECK(econ.reading->layout_id == "budget/general_budget_basic");
    ReadAmount salary = by_code(*econ.reading, "30101", "personnel");
    CHECK(salary.code_system == CodeSystem::econ);
    CHECK(salary.printed == "442.38");
    CHECK(by_code(*econ.reading, "30201", "public_funds").printed == "12.60");

    // Names only, no codes: nothing to go by but the title, and the first layout naming it reads it.
    Read names = read(table_from_lines({"科目名称\t合计", "一般公共服务支出\t2,731.79"}, "一般公共预算支出表", "单位：万元"));
    REQUIRE(names.reading);
    CHECK(names.reading->layout_id == "budget/general_budget");
}

TEST_CASE("the classification with more code rows wins; a row counts by its leftmost code; equal counts leave the title's order") {
    // 北京 预算06表: 政府经济 | 部门经济 codes fused with their names on each row. The leftmost is
    // 50101 (经济分类), and the 经济分类 layout reads the row by its 部门 code.
    Read beijing = read(table_from_lines({"政府支出经济分类科目\t部门支出经济分类科目\t合计\t人员经费\t公用经费",
                                          "50101-工资奖金津补贴\t30101-基本工资\t2,164.528800\t2,164.528800\t",
                                          "50101-工资奖金津补贴\t30102-津贴补贴\t4,924.771872\t4,924.771872\t",
                                          "50201-办公经费\t30201-办公费\t101.000000\t\t101.000000"},
                                         "一般公共预算支出表", "金额单位：万元"));
    REQUIRE(beijing.reading);
    CHECK(beijing.reading->layout_id == "budget/general_budget_basic");
    ReadAmount salary = by_code(*beijing.reading, "30101", "personnel");
    CHECK(salary.row_label == "基本工资");
    CHECK(salary.printed == "2,164.528800");
    CHECK(by_code(*beijing.reading, "30201", "public_funds").printed == "101.000000");

    // 功能分类 rows leftmost (2040601 | 30101): the function layout, which reads the 功能分类 code.
    Read by_function = read(table_from_lines({"支出功能分类科目\t部门支出经济分类科目\t合计\t基本支出\t项目支出",
                                              "2040601-行政运行\t30101-基本工资\t2,164.528800\t2,164.528800\t",
                                              "2040604-基层司法业务\t30227-委托业务费\t63.269000\t\t63.269000"},
                                             "一般公共预算支出表", "金额单位：万元"));
    REQUIRE(by_function.reading);
    CHECK(by_function.reading->layout_id == "budget/general_budget");
    CHECK(by_code(*by_function.reading, "2040604", "project").row_label == "基层司法业务");

    // Four 经济分类 rows against one 功能分类 row: 经济分类.
    std::vector<std::string> mostly_econ = economic_body;
    mostly_econ.push_back("2080505\t机关事业单位基本养老保险缴费支出\t170.61\t170.61\t");
    Read majority = read(table_from_lines(mostly_econ, "一般公共预算支出表", "单位：万元"));
    REQUIRE(majority.reading);
    CHECK(majority.reading->layout_id == "budget/general_budget_basic");

    // Two of each: neither layout gives way, and the one listed first for the title reads it.
    Read tie = read(table_from_lines({"科目编码\t科目名称\t合计", "201\t一般公共服务支出\t2,731.79", "20108\t审计事务\t2,731.79",
                                      "301\t工资福利支出\t1,812.81", "30101\t基本工资\t442.38"},
                                     "一般公共预算支出表", "单位：万元"));
    REQUIRE(tie.reading);
    CHECK(tie.reading->layout_id == "budget/general_budget");
}

TEST_CASE("a table with a missing or unknown title keeps its codes and their classification, as kind other") {
    Read untitled = read(table_from_lines({"科目编码\t科目名称\t合计", "201\t一般公共服务支出\t2,731.79", "20108\t审计事务\t2,731.79",
                                           "2010801\t行政运行\t1,535.86"},
                                          "", ""));
    REQUIRE(untitled.reading);
    CHECK(untitled.reading->table_kind == "other");
    CHECK(untitled.reading->checks.empty());
    CHECK(diagnostics_of(untitled, "unknown_table").size() == 1);
    for (const char* code : {"201", "20108", "2010801"}) {
        CAPTURE(code);
        CHECK(by_code(*untitled.reading, code, "total").code_system == CodeSystem::func);
    }
    CHECK(by_code(*untitled.reading, "2010801", "total").printed == "1,535.86");

    Read unknown = read(table_from_lines({"科目编码\t科目名称\t合计", "301\t工资福利支出\t1,812.81", "30101\t基本工资\t442.38",
                                          "30239\t其他交通费用\t21.60"},
                                         "2026年部门重点支出安排表", "单位：万元"));
    REQUIRE(unknown.reading);
    CHECK(unknown.reading->table_kind == "other");
    auto unknown_table = diagnostics_of(unknown, "unknown_table");
    REQUIRE(unknown_table.size() == 1);
    CHECK(unknown_table[0].message.find("2026年部门重点支出安排表") != std::string::npos);
    ReadAmount salary = by_code(*unknown.reading, "30101", "total");
    CHECK(salary.code_system == CodeSystem::econ);
    CHECK(salary.row_label == "基本工资");
    CHECK(by_code(*unknown.reading, "30239", "total").printed == "21.60");
}

TEST_CASE("split 类 | 款 | 项 columns carry the 类 and 款 of the rows above (烟台 支出总体情况表)") {
    Table table = table_from_lines({"科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出", "类\t款\t项\t\t\t\t",
                                    "\t\t\t合计\t3,558.35\t2,776.85\t781.50",
                                    "201\t\t\t一般公共服务支出\t2,731.79\t1,950.29\t781.50",
                                    "\t08\t\t审计事务\t2,731.79\t1,950.29\t781.50",
                                    "\t\t01\t行政运行\t1,535.86\t1,535.86\t",
                                    "\t\t04\t审计业务\t592.50\t4.50\t588.00",
                                    "208\t\t\t社会保障和就业支出\t469.90\t469.90\t",
                                    "\t05\t\t行政事业单位养老支出\t469.90\t469.90\t",
                                    "\t\t01\t行政单位离退休\t199.48\t199.48\t",
                                    "\t\t5\t机关事业单位基本养老保险缴费支出\t221.01\t221.01\t"},
                                   "支出总体情况表", "部门（单位）：烟台市审计局 单位：万元");
    table.cells[0].col_span = 3;  // 科目编码 heads 类 | 款 | 项
    table.cells.erase(table.cells.begin() + 1, table.cells.begin() + 3);
    Read r = read(table);
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/expenditure");
    CHECK(by_code(t, "201", "project").printed == "781.50");
    ReadAmount kuan = by_code(t, "20108", "basic");
    CHECK(kuan.row_label == "审计事务");
    CHECK(kuan.code_system == CodeSystem::func);
    CHECK(by_code(t, "2010801", "total").row_label == "行政运行");
    CHECK(by_code(t, "2010804", "project").printed == "588.00");
    // A new 类 resets the 款: 05 is 208's, and its 项 are 20805xx.
    CHECK(by_code(t, "20805", "total").printed == "469.90");
    CHECK(by_code(t, "2080501", "total").printed == "199.48");
    CHECK(by_code(t, "2080505", "total").row_label == "机关事业单位基本养老保险缴费支出");  // 项 printed as 5
    std::set<std::string> codes;
    for (const ReadAmount& a : t.amounts) codes.insert(a.code);
    CHECK(codes == std::set<std::string>{"", "201", "20108", "2010801", "2010804", "208", "20805", "2080501", "2080505"});
    CHECK(by_key(t, "table_total", "total").printed == "3,558.35");
    CHECK(t.amounts.size() == 3 + 3 + 3 + 2 + 3 + 2 + 2 + 2 + 2);
}

TEST_CASE("a 项 continued on the next page, under a repeated header, takes the 款 of the previous page (烟台 收入总体情况表)") {
    Read r = read(table_from_lines({"科目编码\t\t\t科目名称\t合计\t一般公共预算", "类\t款\t项\t\t\t",
                                    "210\t\t\t卫生健康支出\t151.80\t151.80", "\t11\t\t行政事业单位医疗\t151.80\t151.80",
                                    "\t\t01\t行政单位医疗\t78.51\t78.51", "科目编码\t\t\t科目名称\t合计\t一般公共预算",
                                    "类\t款\t项\t\t\t", "\t\t02\t事业单位医疗\t22.75\t22.75",
                                    "\t\t03\t公务员医疗补助\t42.86\t42.86", "221\t\t\t住房保障支出\t204.86\t204.86"},
                                   "收入总体情况表", "部门（单位）：烟台市审计局 单位：万元"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/income");
    CHECK(by_code(t, "2101102", "general_budget").printed == "22.75");
    CHECK(by_code(t, "2101103", "total").row_label == "公务员医疗补助");
    CHECK(by_code(t, "221", "total").printed == "204.86");
    CHECK(t.amounts.size() == 12);  // the repeated header rows are no data
}

TEST_CASE("codes in brackets, with a dash or in spaced groups are split from their names") {
    // 广州 一般公共预算支出情况表（按功能分类科目）: [201]一般公共服务支出, indented by spaces.
    Table guangzhou = table_from_lines({"功能科目名称\t一般公共预算支出\t\t", "\t小计\t其中：基本支出\t项目支出",
                                        "合计\t9,433.72\t8,401.67\t1,032.05",
                                        "[201]一般公共服务支出\t8,295.28\t7,263.23\t1,032.05",
                                        " [20105]统计信息事务\t8,295.28\t7,263.23\t1,032.05",
                                        "  [2010501]行政运行\t6,453.03\t6,453.03\t0.00",
                                        "【2010505】专项统计业务\t388.56\t0.00\t388.56",
                                        "2080505-机关事业单位基本养老保险缴费支出\t175.83\t175.83\t0.00",
                                        "208 05 06 机关事业单位职业年金缴费支出\t87.91\t87.91\t0.00"},
                                       "一般公共预算支出情况表（按功能分类科目）", "单位名称：广州市统计局 单位：万元");
    guangzhou.cells[1].col_span = 3;  // 一般公共预算支出 heads its three columns
    guangzhou.cells.erase(guangzhou.cells.begin() + 2, guangzhou.cells.begin() + 4);
    Read r = read(guangzhou);
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/general_budget");
    ReadAmount lei = by_code(t, "201", "total");
    CHECK(lei.row_label == "一般公共服务支出");
    CHECK(lei.measure_label == "一般公共预算支出/小计");
    CHECK(by_code(t, "20105", "basic").row_label == "统计信息事务");
    CHECK(by_code(t, "2010501", "total").printed == "6,453.03");
    CHECK(by_code(t, "2010505", "project").row_label == "专项统计业务");
    CHECK(by_code(t, "2080505", "total").row_label == "机关事业单位基本养老保险缴费支出");
    CHECK(by_code(t, "2080506", "basic").row_label == "机关事业单位职业年金缴费支出");
    CHECK(by_key(t, "table_total", "total").printed == "9,433.72");
    for (const ReadAmount& a : t.amounts)
        if (a.role == RowRole::item) CHECK_MESSAGE(a.code_system == CodeSystem::func, a.row_label);

    // 北京: a 7-digit 经济分类 code with a dash (3021101-差旅费).
    Read beijing = read(table_from_lines({"部门支出经济分类科目\t合计\t公用经费", "3021101-差旅费\t72.860000\t72.860000"},
                                         "一般公共预算基本支出表", "金额单位：万元"));
    REQUIRE(beijing.reading);
    CHECK(by_code(*beijing.reading, "3021101", "public_funds").row_label == "差旅费");

    // A project whose name starts with its years is no code.
    Read project = read(table_from_lines({"项目名称\t合计\t一般公共预算", "2025-2026年信息化运维项目\t5.35\t5.35"}, "项目支出表", "单位：万元"));
    REQUIRE(project.reading);
    ReadAmount it = by_label(*project.reading, "2025-2026年信息化运维项目", "total");
    CHECK(it.code.empty());
}

TEST_CASE("a printed code whose name the catalogue does not list for it is reported, the code kept") {
    Read r = read(table_from_lines({"科目编码\t科目名称\t合计", "2010801\t行政运行\t1,535.86", "2010804\t行政运行\t592.50"},
                                   "支出总体情况表", "单位：万元"));
    REQUIRE(r.reading);
    auto mismatches = diagnostics_of(r, "code_name_mismatch");
    REQUIRE(mismatches.size() == 1);
    CHECK(mismatches[0].message.find("2010804") != std::string::npos);
    CHECK(mismatches[0].severity == Severity::info);
    CHECK(by_code(*r.reading, "2010804", "total").printed == "592.50");
}

TEST_CASE("a 款 and 项 printed by name only take their catalogue codes under the row above (深圳 收支总表)") {
    Read r = read(table_from_lines({"收入\t\t支出\t", "项目\t2026年预算数\t项目\t2026年预算数",
                                    "一、财政拨款\t5,417.80\t一、一般公共服务支出\t3,478.72",
                                    "1.一般公共预算拨款\t5,417.80\t统计信息事务\t3,478.72",
                                    "2.政府性基金预算拨款\t0.00\t行政运行\t2,357.92",
                                    "3.国有资本经营预算拨款\t0.00\t专项统计业务\t701.80",
                                    "二、财政专户管理资金\t0.00\t二、教育支出\t193.00",
                                    "三、单位资金\t0.00\t进修及培训\t193.00", "1.事业收入\t0.00\t培训支出\t193.00",
                                    "本年收入合计\t5,417.80\t本年支出合计\t5,417.80", "收入总计\t5,417.80\t支出总计\t5,417.80"},
                                   "收支总表", "部门名称：深圳市统计局（本级） 单位：万元"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/summary");
    ReadAmount lei = by_code(t, "201", "total");  // the 类 by the 类 name map
    CHECK(lei.side == Side::expenditure);
    ReadAmount kuan = by_code(t, "20105", "total");
    CHECK(kuan.row_label == "统计信息事务");
    CHECK(kuan.code_system == CodeSystem::func);
    CHECK(kuan.side == Side::expenditure);
    // 行政运行 is a 项 of dozens of 款: the 款 above says which.
    CHECK(by_code(t, "2010501", "total").printed == "2,357.92");
    CHECK(by_code(t, "2010505", "total").row_label == "专项统计业务");
    CHECK(by_code(t, "205", "total").printed == "193.00");
    CHECK(by_code(t, "20508", "total").row_label == "进修及培训");
    CHECK(by_code(t, "2050803", "total").row_label == "培训支出");
    // Income rows are keyed, not coded.
    for (const ReadAmount& a : t.amounts)
        if (a.side == Side::income) CHECK_MESSAGE(a.code.empty(), a.row_label);
}

TEST_CASE("一、 （一） 1. rows of a summary: parent_row, sums_children and breakdown keys under keyed items") {
    // 广州 收支总体情况表 wording, one more level on the income side.
    Read r = read(table_from_lines({"收入\t\t支出\t", "项目\t预算数\t项目\t预算数",
                                    "一、本年收入\t9,483.72\t一、一般公共服务支出\t8,295.28",
                                    "（一）财政拨款收入\t9,433.72\t二、社会保障和就业支出\t370.17",
                                    "1.一般公共预算\t9,433.72\t三、卫生健康支出\t4.15",
                                    "2.政府性基金预算\t0.00\t四、住房保障支出\t764.12",
                                    "（二）其他收入\t50.00\t五、其他支出\t50.00", "二、上年结转\t0.00\t\t",
                                    "1.一般公共预算拨款\t0.00\t\t", "收入总计\t9,483.72\t支出总计\t9,483.72"},
                                   "部门收支总表", "单位：万元"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    auto income_row = [&](const std::string& label) { return by_label(t, label, "total"); };
    ReadAmount current = income_row("一、本年收入");
    ReadAmount grant = income_row("（一）财政拨款收入");
    ReadAmount general = income_row("1.一般公共预算");
    ReadAmount fund = income_row("2.政府性基金预算");
    ReadAmount other = income_row("（二）其他收入");
    CHECK(current.parent_row == -1);
    CHECK(current.sums_children);  // （一）（二）: one rank
    CHECK(current.row_key.empty());
    CHECK(grant.parent_row == current.row);
    CHECK(grant.sums_children);
    // Under an unkeyed row a keyed row keeps its own key; under a keyed item it itemises it.
    CHECK(grant.row_key == "fiscal_grant");
    CHECK(general.parent_row == grant.row);
    CHECK(general.row_key == "fiscal_grant.general_budget");
    CHECK(fund.row_key == "fiscal_grant.gov_fund");
    CHECK_FALSE(general.sums_children);
    CHECK(other.parent_row == current.row);
    CHECK(other.row_key == "other_income");
    // 上年结转 opens a section at the top level; the rows under it are its fund breakdown.
    ReadAmount carried = income_row("二、上年结转");
    CHECK(carried.parent_row == -1);
    CHECK(carried.row_key == "opening_balance");
    ReadAmount carried_general = income_row("1.一般公共预算拨款");
    CHECK(carried_general.row_key == "opening_balance.general_budget");
    CHECK(carried_general.parent_row == carried.row);
    // A total closes every open row.
    ReadAmount grand = by_key(t, "grand_total", "total", Side::income);
    CHECK(grand.parent_row == -1);
    CHECK(grand.role == RowRole::total);
    // 类 rows printed by name (一、…五、) are siblings.
    for (const char* code : {"201", "208", "210", "221", "229"}) {
        CAPTURE(code);
        ReadAmount lei = by_code(t, code, "total");
        CHECK(lei.parent_row == -1);
        CHECK_FALSE(lei.sums_children);
    }
}

TEST_CASE("parts under a subtotal keep their own keys; 其中 rows are of_which (广州 行政经费及“三公”经费预算表)") {
    Read r = read(table_from_lines({"项目\t合计\t一般公共预算\t政府性基金预算", "行政经费\t839.21\t839.21\t0.00",
                                    "“三公”经费\t19.86\t19.86\t0.00", "其中：（一）因公出国（境）支出\t5.00\t5.00\t0.00",
                                    "（二）公务用车购置及运行维护支出\t6.70\t6.70\t0.00", "1.公务用车购置费\t0.00\t0.00\t0.00",
                                    "2.公务用车运行维护费\t6.70\t6.70\t0.00", "（三）公务接待费支出\t8.16\t8.16\t0.00"},
                                   "财政拨款安排的行政经费及“三公”经费预算表", "单位名称：广州市统计局 单位：万元"));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/three_public");
    CHECK(by_key(t, "operating_costs", "total").printed == "839.21");
    CHECK(by_key(t, "three_public_total", "total").role == RowRole::total);
    ReadAmount abroad = by_key(t, "travel_abroad", "total");
    CHECK(abroad.role == RowRole::of_which);
    CHECK(abroad.printed == "5.00");
    CHECK(by_key(t, "vehicles", "general_budget").role == RowRole::subtotal);
    CHECK(by_key(t, "vehicle_purchase", "total").printed == "0.00");
    CHECK(by_key(t, "vehicle_operation", "total").printed == "6.70");
    CHECK(by_key(t, "reception", "gov_fund").printed == "0.00");
    CHECK(where(t, [](const ReadAmount& a) { return a.row_key.find('.') != std::string::npos; }).empty());
}

TEST_CASE("duplicate_meaning: a row printed twice is reported; repeated project names are not; at most five reports") {
    // The 款 row printed at the foot of one page and again at the head of the next.
    Read twice = read(table_from_lines({"科目编码\t科目名称\t合计\t基本支出\t项目支出",
                                        "201\t一般公共服务支出\t2,731.79\t1,950.29\t781.50",
                                        "20108\t审计事务\t2,731.79\t1,950.29\t781.50",
                                        "20108\t审计事务\t2,731.79\t1,950.29\t781.50",
                                        "2010801\t行政运行\t1,535.86\t1,535.86\t"},
                                       "支出总体情况表", "单位：万元"));
    REQUIRE(twice.reading);
    auto duplicates = diagnostics_of(twice, "duplicate_meaning");
    REQUIRE(duplicates.size() == 3);  // one per measure
    CHECK(duplicates[0].severity == Severity::warning);
    CHECK(duplicates[0].message.find("row 3 (20108, total) has the same meaning as row 2") != std::string::npos);
    CHECK(twice.reading->amounts.size() == 3 + 3 + 3 + 2);  // both printings are still read

    // Two 合计 rows (a keyed row) likewise.
    Read totals = read(table_from_lines({"项目名称\t合计\t一般公共预算", "合计\t781.50\t4.50", "审计业务经费\t592.50\t4.50",
                                         "其他审计事务经费\t189.00\t", "合计\t781.50\t4.50"},
                                        "项目支出预算情况表", "单位：万元"));
    REQUIRE(totals.reading);
    auto total_duplicates = diagnostics_of(totals, "duplicate_meaning");
    REQUIRE(total_duplicates.size() == 2);
    CHECK(total_duplicates[0].message.find("key:table_total") != std::string::npos);

    // The same project in two units (无锡 项目支出表: units one under the other) is no duplicate.
    Read projects = read(table_from_lines({"项目名称\t合计\t一般公共预算", "无锡市教育局（本级）\t31.00\t31.00",
                                           "信息化运维经费\t31.00\t31.00", "无锡市教育考试院\t40.00\t40.00",
                                           "信息化运维经费\t40.00\t40.00"},
                                          "项目支出预算情况表", "单位：万元"));
    REQUIRE(projects.reading);
    CHECK(diagnostics_of(projects, "duplicate_meaning").empty());

    // Many repeated rows: five reports at most.
    std::vector<std::string> lines = {"科目编码\t科目名称\t合计\t基本支出\t项目支出"};
    for (int i = 0; i < 4; ++i) lines.push_back("2010801\t行政运行\t1,535.86\t1,535.86\t4.60");
    Read many = read(table_from_lines(lines, "支出总体情况表", "单位：万元"));
    REQUIRE(many.reading);
    CHECK(diagnostics_of(many, "duplicate_meaning").size() == 5);
}

TEST_CASE("a 绩效目标表 form: amounts beside their labels are read without a measure, indicator values are not") {
    // 烟台 政策和项目预算绩效目标表.
    Read r = read(table_from_lines({"项目名称\t审计业务经费\t\t", "主管部门及代码\t231_烟台市审计局\t实施单位\t烟台市审计局",
                                    "项目资金（万元）\t年度预算资金总额：\t31.00\t", "\t其中：财政拨款\t0.00\t",
                                    "\t其他资金\t31.00\t",
                                    "总体目标\t按照审计署及山东省审计相关审计计划安排，完成指定审计项目\t\t",
                                    "一级指标\t二级指标\t三级指标\t指标值", "绩效指标\t成本指标\t项目总成本\t≤31万元",
                                    "绩效指标\t产出指标\t审计项目报告合格率\t≥95%",
                                    "绩效指标\t效益指标\t促进增收节支金额\t≥100万元"},
                                   "政策和项目预算绩效目标表", ""));
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "other/performance");
    CHECK(t.table_kind == "other");
    CHECK(diagnostics_of(r, "unknown_table").empty());
    REQUIRE(t.amounts.size() == 3);
    CHECK(t.amounts[0].row_label == "年度预算资金总额：");
    CHECK(t.amounts[0].printed == "31.00");
    CHECK(t.amounts[1].row_label == "其中：财政拨款");
    CHECK(t.amounts[1].printed == "0.00");
    CHECK(t.amounts[2].row_label == "其他资金");
    for (const ReadAmount& a : t.amounts) {
        CHECK(a.measure.empty());
        CHECK(a.col == 2);
    }
}

TEST_CASE("fallback kind other: purchase tables are claimed, counts alone are no amounts") {
    // 烟台 政府采购预算表: claimed by its own layout, no warning, codes kept.
    Read procurement = read(table_from_lines({"科目编码\t科目名称\t合计\t单位资金", "\t合计\t5.80\t5.80",
                                              "201\t一般公共服务支出\t5.80\t5.80", "2010804\t审计业务\t5.80\t5.80"},
                                             "政府采购预算表", "部门（单位）：烟台市审计局 单位：万元"));
    REQUIRE(procurement.reading);
    CHECK(procurement.reading->layout_id == "other/procurement");
    CHECK(procurement.reading->table_kind == "other");
    CHECK(diagnostics_of(procurement, "unknown_table").empty());
    CHECK(by_code(*procurement.reading, "2010804", "unit_funds").printed == "5.80");

    // 西安 会议费明细表 (no layout): its 金额 column is money, 人数 a count that is not read.
    Table meetings = table_from_lines({"序号\t会议名称\t时间\t人数\t金额", "1\t全市审计业务会\t2026-3-26\t100\t2.00",
                                       "2\t审计工作务虚会\t2026-7-15\t60\t1.20"},
                                      "会议费明细表", "单位：万元");
    CHECK(prints_amounts(meetings));
    Read m = read(meetings);
    REQUIRE(m.reading);
    CHECK(m.reading->table_kind == "other");
    CHECK(m.reading->amounts.size() == 2);
    CHECK(by_label(*m.reading, "全市审计业务会", "total").printed == "2.00");
    CHECK(diagnostics_of(m, "unknown_table").size() == 1);

    // Only counts and ordinal numbers: nothing a layout reads, no reading.
    Table staff = table_from_lines({"序号\t单位名称\t编制人数\t实有人数", "1\t西安市审计局\t45\t43", "2\t西安市审计信息中心\t12\t11"},
                                   "人员编制情况表", "");
    CHECK_FALSE(prints_amounts(staff));
    Read s = read(staff);
    CHECK_FALSE(s.reading);
    CHECK(diagnostics_of(s, "unknown_table").size() == 1);
}
