// Titles and page furniture: what the lines printed around a table are, and which one is
// the table's title.

#include "extract/context_lines.h"
#include "extract/table_finder.h"

#include <doctest/doctest.h>

#include "table_test_pages.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

// A small ruled table at y = 200 with the given lines above it.
Table table_under(std::vector<TextSpan> lines, int page_number = 1) {
    std::vector<double> cols{50, 110, 300, 400};
    std::vector<double> rows{200, 220, 240, 260};
    lines.push_back(span_at("科目编码", 55, 205));
    lines.push_back(span_at("科目名称", 115, 205));
    lines.push_back(span_at("金额", 305, 205));
    lines.push_back(span_at("201", 55, 225));
    lines.push_back(span_at("一般公共服务支出", 115, 225));
    lines.push_back(span_right("10.00", 395, 225));
    lines.push_back(span_at("20101", 55, 245));
    lines.push_back(span_at("人大事务", 115, 245));
    lines.push_back(span_right("5.00", 395, 245));
    auto tables = tables_of({make_page(page_number, lines, full_grid(cols, rows))});
    REQUIRE(tables.size() == 1);
    return tables[0];
}

bool among(const std::vector<std::string>& lines, const std::string& text) {
    return std::find(lines.begin(), lines.end(), text) != lines.end();
}

}  // namespace

TEST_CASE("page footers and page numbers are page furniture") {
    for (const char* footer : {"12", "- 12 -", "—3—", "第12页", "第 1 页，共 15 页", "第1页，共15页", "第 1 页 共 3 页",
                               "共3页 第1页", "1/15", "Page 2 of 9", "（5）", "一9一", "一 12 一"})
        CHECK_MESSAGE(is_page_furniture(footer), std::string(footer));
    for (const char* other : {"第二部分", "2026年部门预算表", "1,234.00", "单位：万元", "表1", "第12345页", "一", "一一",
                              "一、12", "12一"})
        CHECK_MESSAGE(!is_page_furniture(other), std::string(other));
}

TEST_CASE("context lines: tags, organisations, units, periods, headings and sentences") {
    CHECK(classify_line("公开01表") == LineKind::tag);
    CHECK(classify_line("预算10表") == LineKind::tag);
    CHECK(classify_line("公开表2") == LineKind::tag);
    CHECK(classify_line("预算表12") == LineKind::tag);
    CHECK(classify_line("表 一") == LineKind::tag);
    CHECK(classify_line("附表1-1") == LineKind::tag);
    CHECK(classify_line("部门（单位）：烟台市交通运输局") == LineKind::organisation);
    CHECK(classify_line("编制单位：某局") == LineKind::organisation);
    CHECK(classify_line("单位：万元") == LineKind::unit);
    CHECK(classify_line("金额单位：元") == LineKind::unit);
    CHECK(classify_line("（2026年度）") == LineKind::period);
    CHECK(classify_line("2026年1-12月") == LineKind::period);
    CHECK(classify_line("2026年执行目录") == LineKind::other);
    CHECK(classify_line("第二部分 2026年部门预算表") == LineKind::part_heading);
    CHECK(classify_line("第七部分 重点项目预算绩效情况说明") == LineKind::part_heading);
    CHECK(classify_line("三、支出预算总表") == LineKind::section_heading);
    CHECK(classify_line("（二）绩效目标表及说明") == LineKind::section_heading);
    CHECK(classify_line("2026年，本部门重点项目绩效目标情况如下：") == LineKind::prose);
    CHECK(classify_line("纳入本部门预算编制范围的单位共有4个，包括：") == LineKind::prose);
    CHECK(classify_line("部门收支总表") == LineKind::other);
    CHECK(classify_line("2026年部门收支总表") == LineKind::other);
    CHECK(classify_line("表格部分") == LineKind::other);

    CHECK(split_context_text("预算10表 政府采购预算明细表") ==
          std::vector<std::string>{"预算10表", "政府采购预算明细表"});
    CHECK(split_context_text("编制单位：某局    金额单位：万元") ==
          std::vector<std::string>{"编制单位：某局", "金额单位：万元"});
    CHECK(split_context_text("单位名称：某局 单位：万元") == std::vector<std::string>{"单位名称：某局", "单位：万元"});
    // A note mentioning 金额单位 stays whole; so does a unit alone.
    CHECK(split_context_text("注：本套报表金额单位转换时可能存在尾数误差。").size() == 1);
    CHECK(split_context_text("金额单位：万元").size() == 1);
}

TEST_CASE("a part heading above the title is never the title") {
    Table t = table_under({span_at("第二部分 2026年部门预算表", 150, 80, 0, 20), span_at("收支总体情况表", 190, 140, 0, 16),
                           span_at("单位：万元", 340, 180)});
    CHECK(t.context.title == "收支总体情况表");
    CHECK(t.context.unit == "单位：万元");
    for (const std::string& line : t.context.other_lines) CHECK(line.find("部分") == std::string::npos);
}

TEST_CASE("a sentence introducing a table is never its title") {
    Table t = table_under({span_at("2026年，本部门重点项目绩效目标情况如下：", 50, 170, 0, 12)});
    CHECK(t.context.title.empty());
    CHECK(among(t.context.other_lines, "2026年，本部门重点项目绩效目标情况如下："));
}

TEST_CASE("a section heading yields to the table's own title; a tag on the title's line is cut off") {
    Table headed = table_under({span_at("三、支出预算总表", 50, 120, 0, 14), span_at("2026年度支出预算总表", 180, 150, 0, 14)});
    CHECK(headed.context.title == "2026年度支出预算总表");
    CHECK(among(headed.context.other_lines, "三、支出预算总表"));

    Table tagged = table_under({span_at("预算10表 政府采购预算明细表", 150, 150, 0, 14),
                                span_at("编制单位：某局    金额单位：万元", 50, 180, 0, 10)});
    CHECK(tagged.context.tag == "预算10表");
    CHECK(tagged.context.title == "政府采购预算明细表");
    CHECK(tagged.context.organisation == "编制单位：某局");
    CHECK(tagged.context.unit == "金额单位：万元");

    // The text after a tag on its line is the title, left-aligned and naming no table.
    Table after_tag = table_under({span_at("表4   2025年物流业投资完成额分季度增速", 50, 150, 0, 10),
                                   span_at("计量单位：%", 330, 180)});
    CHECK(after_tag.context.tag == "表4");
    CHECK(after_tag.context.title == "2025年物流业投资完成额分季度增速");
    CHECK(after_tag.context.unit == "计量单位：%");

    // A section heading naming a table is the title when nothing plainer stands above it.
    Table alone = table_under({span_at("一、收支预算总表", 180, 150, 0, 14)});
    CHECK(alone.context.title == "一、收支预算总表");
}

TEST_CASE("a running header printed on the neighbouring pages leaves the context") {
    auto page_with_table = [](int number, const std::string& title) {
        std::vector<double> cols{50, 110, 300, 400};
        std::vector<double> rows{200, 220, 240};
        std::vector<TextSpan> spans{span_at("某市教育局2026年度部门预算公开", 200, 30), span_at(title, 200, 150, 0, 16),
                                    span_at("201", 55, 205),  span_at("支出", 115, 205),
                                    span_right("1.00", 395, 205), span_at("202", 55, 225),
                                    span_at("支出", 115, 225), span_right("2.00", 395, 225)};
        return make_page(number, spans, full_grid(cols, rows));
    };
    auto tables = tables_of({page_with_table(1, "收支总表"), page_with_table(2, "收入总表")});
    REQUIRE(tables.size() == 2);
    for (const Table& t : tables) CHECK_FALSE(among(t.context.other_lines, "某市教育局2026年度部门预算公开"));
    CHECK(tables[1].context.title == "收入总表");
}
