#include "extract/table_finder.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "table_test_pages.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

// A data line: code, name, two right-aligned amounts.
void add_row(std::vector<TextSpan>& spans, double y, const std::string& code, const std::string& name,
             const std::string& a, const std::string& b) {
    spans.push_back(span_at(code, 60, y));
    spans.push_back(span_at(name, 120, y));
    spans.push_back(span_right(a, 360, y));
    spans.push_back(span_right(b, 460, y));
}

}  // namespace

TEST_CASE("a table drawn with horizontal rules only: columns from alignment, rows from records") {
    std::vector<TextSpan> spans{span_at("科目编码", 60, 105), span_at("科目名称", 120, 105),
                                span_at("本年", 330, 101, 0, 8), span_at("合计", 330, 110, 0, 8),
                                span_at("基本支出", 420, 105)};
    add_row(spans, 125, "201", "一般公共服务支出", "2,106.66", "1,503.52");
    add_row(spans, 140, "20106", "财政事务", "2,106.66", "1,503.52");
    add_row(spans, 155, "2010601", "行政运行", "1,511.89", "1,503.52");
    // a wrapped name under the last record
    spans.push_back(span_at("机关事业单位基本养老保险缴", 120, 170));
    add_row(spans, 170, "2080505", "", "160.75", "160.75");
    spans.erase(std::remove_if(spans.begin(), spans.end(), [](const TextSpan& s) { return s.text.empty(); }),
                spans.end());
    spans.push_back(span_at("费支出", 120, 183));
    std::vector<Ruling> rules{hline(100, 55, 470), hline(120, 55, 470), hline(200, 55, 470)};
    auto tables = tables_of({make_page(1, spans, rules)});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.method == GridMethod::horizontal_rules);
    CHECK(t.cols == 4);
    REQUIRE(t.rows == 5);
    CHECK(t.header_rows == 1);
    CHECK(cells_tile(t));
    CHECK(cell_at(t, 0, 2)->text == "本年合计");
    CHECK(cell_at(t, 3, 0)->text == "2010601");
    CHECK(cell_at(t, 3, 3)->text == "1,503.52");
    CHECK(cell_at(t, 4, 1)->text == "机关事业单位基本养老保险缴费支出");
    CHECK(cell_at(t, 4, 2)->text == "160.75");
}

TEST_CASE("a table without rules, between paragraphs; the paragraphs stay text") {
    std::vector<TextSpan> spans{span_at("一、收入支出预算总体情况", 60, 60, 0, 16),
                                span_at("2024年收入预算1,234.56万元，比上年增加12.00万元，主要原因是人员", 60, 90, 420),
                                span_at("经费增加 3.00 万元。", 60, 105, 150)};
    add_row(spans, 150, "201", "一般公共服务支出", "2,106.66", "1,503.52");
    add_row(spans, 165, "208", "社会保障和就业支出", "326.72", "326.72");
    add_row(spans, 180, "210", "卫生健康支出", "112.00", "112.00");
    add_row(spans, 195, "221", "住房保障支出", "187.19", "187.19");
    spans.push_back(span_at("二、其他说明：本部门无政府性基金预算，123 个单位，45 辆车。", 60, 260, 420));
    auto tables = tables_of({make_page(1, spans, {})});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.method == GridMethod::text_alignment);
    CHECK(t.rows == 4);
    CHECK(t.cols == 4);
    CHECK(cell_at(t, 0, 0)->text == "201");
    CHECK(cell_at(t, 3, 3)->text == "187.19");
    CHECK(t.parts[0].bbox.y0 > 110);
    CHECK(t.parts[0].bbox.y1 < 260);
}

TEST_CASE("running text with numbers is never a table") {
    std::vector<TextSpan> spans;
    for (int i = 0; i < 12; ++i)
        spans.push_back(span_at("本年度收入合计1,234.56万元，其中财政拨款收入1,000.00万元，占81%。", 60, 100 + 15.0 * i, 450));
    // short lines with two numbers each: still not three aligned columns
    spans.push_back(span_at("第一项", 60, 400));
    spans.push_back(span_at("12.00", 200, 400));
    spans.push_back(span_at("第二项", 60, 415));
    spans.push_back(span_at("13.00", 200, 415));
    spans.push_back(span_at("第三项", 60, 430));
    spans.push_back(span_at("14.00", 200, 430));
    CHECK(tables_of({make_page(1, spans, {})}).empty());
}

TEST_CASE("two tables stacked on one page get their own context; notes stay with the upper table") {
    std::vector<double> cols{50, 150, 300};
    std::vector<TextSpan> spans{span_at("公开01表", 480, 40), span_at("收入支出决算总表", 220, 60, 0, 18),
                                span_at("部门名称：上海市普陀区财政局", 50, 85), span_at("金额单位：万元", 420, 85),
                                span_at("项目", 60, 105), span_at("金额", 160, 105), span_at("一般公共预算", 60, 125),
                                span_right("1.00", 295, 125), span_at("注：本表反映部门本年度的总收支。", 50, 165),
                                span_at("2022年度", 250, 200), span_at("收入决算表", 230, 220, 0, 18),
                                span_at("单位：万元", 420, 245), span_at("项目", 60, 265), span_at("金额", 160, 265),
                                span_at("合计", 60, 285), span_right("2.00", 295, 285)};
    std::vector<Ruling> rulings = full_grid(cols, {100, 120, 140});
    for (const Ruling& r : full_grid(cols, {260, 280, 300})) rulings.push_back(r);
    auto tables = tables_of({make_page(3, spans, rulings)});
    REQUIRE(tables.size() == 2);
    const TableContext& a = tables[0].context;
    CHECK(a.title == "收入支出决算总表");
    CHECK(a.tag == "公开01表");
    CHECK(a.organisation == "部门名称：上海市普陀区财政局");
    CHECK(a.unit == "金额单位：万元");
    REQUIRE(a.notes.size() == 1);
    CHECK(a.notes[0] == "注：本表反映部门本年度的总收支。");
    const TableContext& b = tables[1].context;
    CHECK(b.title == "收入决算表");
    CHECK(b.unit == "单位：万元");
    CHECK(b.period == "2022年度");
    CHECK(b.tag.empty());
    CHECK(tables[0].order_on_page == 0);
    CHECK(tables[1].order_on_page == 1);
    CHECK(tables[1].page == 3);
}

TEST_CASE("header rows: label rows and the 栏次 row come before the first data row") {
    std::vector<double> cols{50, 150, 250, 350};
    std::vector<TextSpan> spans{span_at("项目", 60, 105), span_at("本年收入", 160, 105), span_at("本年支出", 260, 105),
                                span_at("栏次", 60, 125), span_at("1", 160, 125), span_at("2", 260, 125),
                                span_at("合计", 60, 145), span_right("5.00", 245, 145), span_right("6.00", 345, 145)};
    auto tables = tables_of({make_page(1, spans, full_grid(cols, {100, 120, 140, 160}))});
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].header_rows == 2);
}

TEST_CASE("header rows of an empty table (本表无数据) end at the last heading row") {
    std::vector<double> cols{50, 80, 110, 250, 350};
    std::vector<TextSpan> spans{span_at("功能分类科目编码", 55, 105, 80), span_at("科目名称", 115, 105),
                                span_at("合计", 255, 105), span_at("类", 55, 125), span_at("款", 85, 125),
                                span_at("本表无数据", 115, 145)};
    std::vector<Ruling> rulings{hline(100, 50, 350), hline(120, 50, 110), hline(140, 50, 350), hline(160, 50, 350),
                                vline(50, 100, 160), vline(110, 100, 160), vline(250, 100, 160), vline(350, 100, 160),
                                vline(80, 120, 160)};
    auto tables = tables_of({make_page(1, spans, rulings)});
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].rows == 3);
    CHECK(tables[0].header_rows == 2);
    CHECK(cell_at(tables[0], 0, 0)->col_span == 2);
    CHECK(cell_at(tables[0], 0, 2)->row_span == 2);
}

TEST_CASE("rule tables: two headings read as one run are cut at the column edge; a column aligned two ways stays one") {
    // 行次 holds "1.00" right-aligned in some rows and "27" left of it in others; the
    // headings 合计 and 决算数 are close enough to come out as one span.
    std::vector<TextSpan> spans{span_at("项目", 60, 105), span_at("行次", 206, 105, 12, 6),
                                span_at("合计决算数", 258, 105, 58, 10)};
    const char* labels[] = {"一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "本年收入合计", "总计"};
    const char* line_numbers[] = {"1.00", "2.00", "27", "31.00"};
    const double line_x0[] = {214, 214, 199.5, 211};
    for (int i = 0; i < 4; ++i) {
        double y = 125 + 20.0 * i;
        spans.push_back(span_at(labels[i], 50, y, 0, 6));
        spans.push_back(span_at(line_numbers[i], line_x0[i], y, 225.5 - line_x0[i] - (i == 2 ? 19.6 : 0), 6));
        spans.push_back(span_right("1" + std::to_string(i) + "5.00", 272, y, 6));
        spans.push_back(span_right("2" + std::to_string(i) + "5.00", 320, y, 6));
    }
    std::vector<Ruling> rules;
    for (int i = 0; i <= 5; ++i) rules.push_back(hline(100 + 20.0 * i, 45, 330));
    auto tables = tables_of({make_page(1, spans, rules)});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.method == GridMethod::horizontal_rules);
    REQUIRE(t.cols == 4);
    CHECK(cell_at(t, 0, 1)->text == "行次");
    CHECK(cell_at(t, 0, 2)->text == "合计");
    CHECK(cell_at(t, 0, 3)->text == "决算数");
    CHECK(cell_at(t, 1, 1)->text == "1.00");
    CHECK(cell_at(t, 3, 1)->text == "27");
    CHECK(cell_at(t, 3, 2)->text == "125.00");
}
