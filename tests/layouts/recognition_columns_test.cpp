// Column meanings recognised by content: the unit printed for a table (and two units that
// contradict each other), columns of another period than the document's fiscal year, the
// carry-over columns that break 上年结转 down by fund, and the 其中 columns singling out a part.
// Rows are modelled on the renwu disclosures (烟台, 西安, 深圳, 无锡, 北京).

#include "layouts/table_reader.h"

#include <doctest/doctest.h>

#include <algorithm>

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

Read read(const Table& table, const std::string& fiscal_year = "") {
    Read r;
    ReadOptions options;
    options.fiscal_year = fiscal_year;
    r.reading = read_table(layouts(), table, 0, r.diagnostics, options);
    return r;
}

// The one amount printed at this row and column (fails the test when there is none).
ReadAmount at(const TableReading& reading, int row, int col) {
    auto it = std::find_if(reading.amounts.begin(), reading.amounts.end(),
                           [&](const ReadAmount& a) { return a.row == row && a.col == col; });
    REQUIRE_MESSAGE(it != reading.amounts.end(), "no amount at row " << row << ", column " << col);
    return *it;
}

int count_of(const Read& r, const std::string& kind) {
    return static_cast<int>(std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                                          [&](const Diagnostic& d) { return d.kind == kind; }));
}

// A header cell spanning `span` columns: the empty cells it covers are dropped.
void widen(Table& table, int row, int col, int span) {
    for (Cell& cell : table.cells)
        if (cell.row == row && cell.col == col) cell.col_span = span;
    table.cells.erase(std::remove_if(table.cells.begin(), table.cells.end(),
                                     [&](const Cell& c) { return c.row == row && c.col > col && c.col < col + span; }),
                      table.cells.end());
}

// A header cell spanning down over `span` rows.
void deepen(Table& table, int row, int col, int span) {
    for (Cell& cell : table.cells)
        if (cell.row == row && cell.col == col) cell.row_span = span;
    table.cells.erase(std::remove_if(table.cells.begin(), table.cells.end(),
                                     [&](const Cell& c) { return c.col == col && c.row > row && c.row < row + span; }),
                      table.cells.end());
}

const std::vector<std::string> code_rows = {"科目编码\t科目名称\t合计", "201\t一般公共服务支出\t2,731.79",
                                            "20108\t审计事务\t2,731.79"};

}  // namespace

TEST_CASE("the unit is the token after 金额单位 or 单位, wherever the line names the organisation too") {
    struct Case {
        const char* unit_line;
        const char* unit;
    };
    const Case cases[] = {
        {"编制单位：烟台市审计局 金额单位：万元", "万元"},
        {"部门（单位）：烟台市审计局 单位：万元", "万元"},
        {"单位名称：广州市统计局 单位：万元", "万元"},
        {"编制单位：元宝山区审计局 单位：元", "元"},  // 元宝山区 is a place, not a unit
        {"金额单位：千元", "千元"},
        {"单位:万元（保留两位小数）", "万元"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.unit_line);
        Read r = read(table_from_lines(code_rows, "支出总体情况表", c.unit_line));
        REQUIRE(r.reading);
        CHECK(r.reading->unit == c.unit);
        CHECK(r.reading->unit_printed);
        CHECK(count_of(r, "unit_conflict") == 0);
    }
    // An organisation line alone names no unit.
    Read none = read(table_from_lines(code_rows, "支出总体情况表", "编制单位：元宝山区审计局"));
    REQUIRE(none.reading);
    CHECK(none.reading->unit.empty());
}

TEST_CASE("two different units printed for one table: unit_conflict, and no unit is taken") {
    // The page line says 万元, a unit row kept inside the grid says 元.
    Table table = table_from_lines({"单位：元\t\t", "科目编码\t科目名称\t合计", "201\t一般公共服务支出\t27,317,900.00"},
                                   "一般公共预算支出情况表", "编制单位：烟台市审计局 金额单位：万元");
    widen(table, 0, 0, 3);
    Read r = read(table);
    REQUIRE(r.reading);
    REQUIRE(count_of(r, "unit_conflict") == 1);
    auto conflict = std::find_if(r.diagnostics.begin(), r.diagnostics.end(),
                                 [](const Diagnostic& d) { return d.kind == "unit_conflict"; });
    CHECK(conflict->severity == Severity::error);
    CHECK(conflict->message.find("万元 and 元") != std::string::npos);
    CHECK(r.reading->unit.empty());
    CHECK_FALSE(r.reading->unit_printed);
    CHECK(at(*r.reading, 2, 2).printed == "27,317,900.00");  // the amounts are still read

    // The same unit printed twice is no conflict.
    Table twice = table_from_lines({"单位：万元\t\t", "科目编码\t科目名称\t合计", "201\t一般公共服务支出\t2,731.79"},
                                   "一般公共预算支出情况表", "金额单位：万元");
    widen(twice, 0, 0, 3);
    Read t = read(twice);
    REQUIRE(t.reading);
    CHECK(count_of(t, "unit_conflict") == 0);
    CHECK(t.reading->unit == "万元");
}

TEST_CASE("with fiscal year 2026, 2025年预算数 columns keep an empty measure and 2026年预算数 columns theirs (烟台 三公)") {
    Table table = table_from_lines({"2025年预算数\t\t\t2026年预算数\t\t", "合计\t因公出国（境）经费\t公务接待费\t合计\t因公出国（境）经费\t公务接待费",
                                    "11.90\t8.50\t3.40\t3.40\t0.00\t3.40"},
                                   "一般公共预算“三公”经费支出情况表", "部门（单位）：烟台市审计局 单位：万元");
    widen(table, 0, 0, 3);
    widen(table, 0, 3, 3);
    Read r = read(table, "2026");
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/three_public");
    REQUIRE(t.amounts.size() == 6);
    for (int col = 0; col < 3; ++col) {
        CAPTURE(col);
        ReadAmount last_year = at(t, 2, col);
        ReadAmount this_year = at(t, 2, col + 3);
        CHECK(last_year.measure.empty());
        CHECK(last_year.measure_label.rfind("2025年预算数/", 0) == 0);
        CHECK(this_year.measure == "total");
        CHECK(this_year.row_key == last_year.row_key);  // the part is still known
        CHECK(this_year.part_group == "2026年预算数");
    }
    CHECK(at(t, 2, 3).row_key == "three_public_total");
    CHECK(at(t, 2, 4).row_key == "travel_abroad");
    CHECK(at(t, 2, 5).printed == "3.40");
    CHECK(count_of(r, "duplicate_meaning") == 0);

    // Without the fiscal year a year cannot be told from another: both keep their measure.
    Read unknown_year = read(table);
    REQUIRE(unknown_year.reading);
    CHECK(at(*unknown_year.reading, 2, 0).measure == "total");
    CHECK(at(*unknown_year.reading, 2, 3).measure == "total");

    // In a 2025 document it is the other way round.
    Read in_2025 = read(table, "2025");
    REQUIRE(in_2025.reading);
    CHECK(at(*in_2025.reading, 2, 0).measure == "total");
    CHECK(at(*in_2025.reading, 2, 3).measure.empty());
}

TEST_CASE("上年 and 增减变化情况 column groups keep an empty measure, 当年 keeps its own (西安 三公及会议费、培训费表)") {
    Table table = table_from_lines({"单位名称\t上年\t\t当年\t\t增减变化情况\t", "\t合计\t公务接待费\t合计\t公务接待费\t合计\t公务接待费",
                                    "西安市审计局\t526,000.00\t20,000.00\t332,000.00\t20,000.00\t-194,000.00\t0.00"},
                                   "部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表", "单位：元");
    widen(table, 0, 5, 2);
    widen(table, 0, 3, 2);
    widen(table, 0, 1, 2);
    deepen(table, 0, 0, 2);
    for (const std::string year : {"2026", ""}) {
        CAPTURE(year);
        Read r = read(table, year);
        REQUIRE(r.reading);
        const TableReading& t = *r.reading;
        CHECK(t.layout_id == "budget/three_public_meetings");
        REQUIRE(t.amounts.size() == 6);
        CHECK(at(t, 2, 1).measure.empty());
        CHECK(at(t, 2, 2).measure.empty());
        CHECK(at(t, 2, 5).measure.empty());
        CHECK(at(t, 2, 6).measure.empty());
        CHECK(at(t, 2, 5).measure_label == "增减变化情况/合计");
        ReadAmount total = at(t, 2, 3);
        CHECK(total.measure == "total");
        CHECK(total.row_key == "grand_total");
        CHECK(total.current_year_only);
        CHECK(at(t, 2, 4).row_key == "reception");
        CHECK(at(t, 2, 4).measure == "total");
        CHECK(count_of(r, "duplicate_meaning") == 0);
    }
}

TEST_CASE("rows of another year (深圳 三公: 2025 年 | 2026 年 | 增减变化金额) keep an empty measure") {
    Table table = table_from_lines({"预算单位\t年度\t总计\t因公出国(境)费\t公务接待费",
                                    "深圳市统计局（本级）\t2025 年\t59.62\t43.87\t11.56",
                                    "\t2026 年\t32.56\t16.80\t11.56", "\t增减变化金额\t-27.07\t-27.07\t0.00"},
                                   "财政拨款“三公”经费支出表", "部门名称：深圳市统计局（本级） 单位：万元");
    Read r = read(table, "2026");
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/three_public");
    REQUIRE(t.amounts.size() == 9);
    for (int col = 2; col <= 4; ++col) {
        CAPTURE(col);
        CHECK(at(t, 1, col).measure.empty());
        CHECK(at(t, 2, col).measure == "total");
        CHECK(at(t, 3, col).measure.empty());
    }
    CHECK(at(t, 2, 2).row_key == "three_public_total");
    CHECK(at(t, 2, 3).row_key == "travel_abroad");
    CHECK(at(t, 2, 3).printed == "16.80");
}

TEST_CASE("columns under 上年结转结余 break the carry-over down: empty measure; its 小计 is the carry-over (无锡 收入总表)") {
    Table table = table_from_lines({"部门代码\t部门名称\t合计\t本年收入\t\t\t上年结转结余\t\t",
                                    "\t\t\t小计\t一般公共预算\t政府性基金预算\t小计\t一般公共预算\t政府性基金预算",
                                    "\t合计\t512,434.34\t512,191.34\t475,631.69\t243.00\t243.00\t0.00\t243.00",
                                    "305001\t无锡市教育局（本级）\t131,349.60\t131,149.60\t105,814.60\t200.00\t200.00\t\t200.00"},
                                   "收入总表", "部门：无锡市教育局 单位：万元");
    widen(table, 0, 6, 3);
    widen(table, 0, 3, 3);
    deepen(table, 0, 2, 2);
    deepen(table, 0, 1, 2);
    deepen(table, 0, 0, 2);
    Read r = read(table);
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/income");
    ReadAmount total = at(t, 2, 2);
    CHECK(total.measure == "total");
    CHECK(total.row_key == "table_total");
    ReadAmount current = at(t, 2, 3);
    CHECK(current.measure == "current_year");
    CHECK(current.current_year_only);
    CHECK(at(t, 2, 4).measure == "general_budget");
    CHECK(at(t, 2, 5).measure == "gov_fund");
    ReadAmount carried = at(t, 2, 6);
    CHECK(carried.measure == "opening_balance");
    CHECK(carried.measure_label == "上年结转结余/小计");
    CHECK_FALSE(carried.current_year_only);
    for (int col : {7, 8}) {
        CAPTURE(col);
        ReadAmount part = at(t, 2, col);
        CHECK(part.measure.empty());
        CHECK(part.measure_label.rfind("上年结转结余/", 0) == 0);
    }
    CHECK(at(t, 3, 8).printed == "200.00");
    CHECK(at(t, 3, 8).measure.empty());
    // The header names these columns (a fund of the carry-over): no unmapped_column.
    CHECK(count_of(r, "unmapped_column") == 0);
    CHECK(at(t, 3, 5).measure == "gov_fund");

    // 上年结转 (烟台) over its funds reads the same way.
    Table yantai = table_from_lines({"科目编码\t科目名称\t合计\t上年结转\t", "\t\t\t一般公共预算\t政府性基金预算",
                                     "2120899\t其他国有土地使用权出让收入安排的支出\t830.99\t\t830.99"},
                                    "收入总体情况表", "单位：万元");
    widen(yantai, 0, 3, 2);
    deepen(yantai, 0, 2, 2);
    deepen(yantai, 0, 1, 2);
    deepen(yantai, 0, 0, 2);
    Read y = read(yantai);
    REQUIRE(y.reading);
    CHECK(at(*y.reading, 2, 2).measure == "total");
    CHECK(at(*y.reading, 2, 4).measure.empty());
    CHECK(at(*y.reading, 2, 4).code == "2120899");
}

TEST_CASE("columns under a 其中 group are of_which columns with their own measure (北京 支出总表)") {
    Table table = table_from_lines({"科目编码\t科目名称\t合计\t基本支出\t项目支出\t其中\t\t",
                                    "\t\t\t\t\t事业单位经营支出\t上缴上级支出\t对附属单位补助支出",
                                    "2040601\t行政运行\t12,482.549431\t12,333.173431\t149.376000\t\t\t",
                                    "2040650\t事业运行\t1,304.738115\t1,240.998675\t63.739440\t12.000000\t\t"},
                                   "预算03表 支出总表", "金额单位：万元");
    widen(table, 0, 5, 3);
    for (int col = 4; col >= 0; --col) deepen(table, 0, col, 2);
    Read r = read(table);
    REQUIRE(r.reading);
    const TableReading& t = *r.reading;
    CHECK(t.layout_id == "budget/expenditure");
    ReadAmount operating = at(t, 3, 5);
    CHECK(operating.of_which_column);
    CHECK(operating.measure == "operating_exp");
    CHECK(operating.measure_label == "其中/事业单位经营支出");
    CHECK(operating.code == "2040650");
    for (int col = 2; col <= 4; ++col) {
        CAPTURE(col);
        CHECK_FALSE(at(t, 3, col).of_which_column);
    }
    CHECK(at(t, 2, 3).measure == "basic");
    CHECK(at(t, 2, 4).measure == "project");

    // A header that only starts with 其中 (广州 其中：基本支出) is the column's own name, no group.
    Table guangzhou = table_from_lines({"功能科目名称\t小计\t其中：基本支出\t项目支出", "[201]一般公共服务支出\t8,295.28\t7,263.23\t1,032.05"},
                                       "一般公共预算支出情况表", "单位：万元");
    Read g = read(guangzhou);
    REQUIRE(g.reading);
    CHECK(at(*g.reading, 1, 2).measure == "basic");
    CHECK_FALSE(at(*g.reading, 1, 2).of_which_column);
}

TEST_CASE("a row printing its 部门 and its 政府 economic code: the 部门 code is the row's, the 政府 one its cross code (西安 基本支出表)") {
    Table table = table_from_lines({"部门经济科目编码\t部门经济科目名称\t政府经济科目编码\t政府经济科目名称\t合计\t人员经费支出",
                                    "301\t工资福利支出\t\t\t1,049.74\t1,049.74",
                                    "30101\t基本工资\t50101\t工资奖金津补贴\t220.98\t220.98",
                                    "30101\t基本工资\t50501\t工资福利支出\t8.75\t8.75"},
                                   "一般公共预算基本支出表", "单位：万元");
    Read r = read(table);
    REQUIRE(r.reading);
    CHECK(at(*r.reading, 1, 4).code == "301");
    CHECK(at(*r.reading, 1, 4).cross_code.empty());
    ReadAmount wage = at(*r.reading, 2, 4);
    CHECK(wage.code == "30101");
    CHECK(wage.code_system == CodeSystem::econ);
    CHECK(wage.row_label == "基本工资");
    CHECK(wage.cross_code == "50101");
    CHECK(wage.cross_code_system == CodeSystem::econ_gov);
    CHECK(wage.cross_label == "工资奖金津补贴");
    CHECK(at(*r.reading, 3, 5).cross_code == "50501");
}

TEST_CASE("split 类 | 款 groups of two economic classifications in one block (烟台 基本支出表)") {
    Table table = table_from_lines({"科目编码\t\t部门预算支出经济分类科目名称\t科目编码\t\t政府预算支出经济分类科目名称\t小计",
                                    "类\t款\t\t类\t款\t\t",
                                    "301\t\t工资福利支出\t501\t\t机关工资福利支出\t1,478.92",
                                    "301\t01\t基本工资\t501\t01\t工资奖金津补贴\t369.90",
                                    "301\t08\t机关事业单位基本养老保险缴费\t501\t02\t社会保障缴费\t142.33"},
                                   "一般公共预算基本支出表", "单位：万元");
    widen(table, 0, 0, 2);
    widen(table, 0, 3, 2);
    Read r = read(table);
    REQUIRE(r.reading);
    ReadAmount lei = at(*r.reading, 2, 6);
    CHECK(lei.code == "301");
    CHECK(lei.cross_code == "501");
    ReadAmount pension = at(*r.reading, 4, 6);
    CHECK(pension.code == "30108");
    CHECK(pension.row_label == "机关事业单位基本养老保险缴费");
    CHECK(pension.cross_code == "50102");
}

TEST_CASE("a 功能 row with 部门 and 政府 economic codes keeps its 功能 code (西安 政府采购预算表)") {
    Table table = table_from_lines({"科目编码\t\t\t采购项目\t部门预算支出经济科目编码\t\t政府预算支出经济科目编码\t\t预算金额",
                                    "类\t款\t项\t\t类\t款\t类\t款\t",
                                    "204\t06\t01\t车辆运行维护费\t302\t31\t502\t08\t100,000.00"},
                                   "部门综合预算政府采购预算表", "单位：元");
    widen(table, 0, 0, 3);
    widen(table, 0, 4, 2);
    widen(table, 0, 6, 2);
    Read r = read(table);
    REQUIRE(r.reading);
    ReadAmount a = at(*r.reading, 2, 8);
    CHECK(a.code == "2040601");
    CHECK(a.code_system == CodeSystem::func);
    CHECK(a.cross_code.empty());
}

TEST_CASE("“三公”经费 over its 小计 and parts, beside 合计 | 会议费 | 培训费: the 小计 is the 三公 total (江苏 2017)") {
    Table table = table_from_lines({"合计\t“三公”经费\t\t\t\t\t\t会议费\t培训费",
                                    "\t小计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t\t",
                                    "\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t",
                                    "2,542.60\t833.60\t222.50\t183.60\t0\t183.60\t427.50\t1,305.25\t403.75"},
                                   "“三公”经费、会议费、培训费支出预算表", "单位：万元");
    widen(table, 0, 1, 6);
    widen(table, 1, 3, 3);
    deepen(table, 0, 0, 3);
    deepen(table, 0, 7, 3);
    deepen(table, 0, 8, 3);
    deepen(table, 1, 1, 2);
    deepen(table, 1, 2, 2);
    deepen(table, 1, 6, 2);
    Read r = read(table);
    REQUIRE(r.reading);
    CHECK(r.reading->table_kind == "three_public");
    CHECK(at(*r.reading, 3, 0).row_key == "grand_total");
    ReadAmount subtotal = at(*r.reading, 3, 1);
    CHECK(subtotal.measure_label == "“三公”经费/小计");
    CHECK(subtotal.row_key == "three_public_total");
    CHECK(at(*r.reading, 3, 3).row_key == "vehicles");
    CHECK(at(*r.reading, 3, 8).row_key == "training");
    // “三公”经费 names a part itself: it does not set the parts under it apart from 会议费 and 培训费.
    CHECK(at(*r.reading, 3, 2).part_group == at(*r.reading, 3, 7).part_group);
}

TEST_CASE("a number leading a project's name is no code unless a classification begins so (12320卫生热线服务项目)") {
    Table table = table_from_lines({"项目名称\t合计", "12320卫生热线服务项目\t612.00", "95128助老服务热线\t100.00",
                                    "2010101行政运行\t50.00"},
                                   "项目支出预算表", "单位：万元");
    Read r = read(table);
    REQUIRE(r.reading);
    CHECK(at(*r.reading, 1, 1).code.empty());
    CHECK(at(*r.reading, 1, 1).row_label == "12320卫生热线服务项目");
    CHECK(at(*r.reading, 2, 1).code.empty());
    CHECK(at(*r.reading, 3, 1).code == "2010101");
}

TEST_CASE("codes leading the names of both economic classifications (北京 一般公共预算基本支出表: 50101-… | 30101-…)") {
    Table table = table_from_lines({"政府支出经济分类科目\t部门支出经济分类科目\t合计\t人员经费",
                                    "50101-工资奖金津补贴\t30101-基本工资\t51,905.159400\t51,905.159400",
                                    "50501-工资福利支出\t30101-基本工资\t3,457.107900\t3,457.107900"},
                                   "一般公共预算基本支出表", "金额单位：万元");
    Read r = read(table);
    REQUIRE(r.reading);
    ReadAmount office = at(*r.reading, 1, 2);
    CHECK(office.code == "30101");
    CHECK(office.row_label == "基本工资");
    CHECK(office.cross_code == "50101");
    CHECK(office.cross_label == "工资奖金津补贴");
    CHECK(at(*r.reading, 2, 2).cross_code == "50501");
    // One 部门 code beside two 政府 codes: two meanings, no duplicate.
    CHECK(count_of(r, "duplicate_meaning") == 0);
}
