// Continued tables judged by what the pages print, not by where the table ends alone: a
// repeated title and header, columns drawn at other widths on the next page, a first record
// too tall for the space left, page footers; and tables that share columns but are not one.

#include "extract/table_finder.h"

#include <doctest/doctest.h>

#include "table_test_pages.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

struct Layout {
    std::vector<double> cols{50, 110, 300, 400};
    double top = 100;
    bool header = true;
    int records = 30;
    int first_code = 201;
    double row_height = 20;
};

// A ruled table at layout.top: optional header row, then code rows.
Page ruled_page(int number, const Layout& layout, std::vector<TextSpan> extra = {}) {
    std::vector<TextSpan> spans = std::move(extra);
    const std::vector<double>& cols = layout.cols;
    std::vector<double> rows{layout.top};
    double y = layout.top;
    if (layout.header) {
        spans.push_back(span_at("科目编码", cols[0] + 5, y + 5));
        spans.push_back(span_at("科目名称", cols[1] + 5, y + 5));
        spans.push_back(span_at("金额", cols[2] + 5, y + 5));
        y += layout.row_height;
        rows.push_back(y);
    }
    for (int i = 0; i < layout.records; ++i) {
        spans.push_back(span_at(std::to_string(layout.first_code + i), cols[0] + 5, y + 5));
        spans.push_back(span_at("支出项目", cols[1] + 5, y + 5));
        spans.push_back(span_right(std::to_string(10 + i) + ".00", cols[3] - 5, y + 5));
        y += layout.row_height;
        rows.push_back(y);
    }
    return make_page(number, spans, full_grid(cols, rows));
}

std::vector<TextSpan> title_block(const std::string& title) {
    return {span_at(title, 200, 50, 0, 16), span_at("单位：万元", 340, 80)};
}

// A project form: a 项目名称 row naming the project, then indicator rows.
Page form_page(int number, const std::string& project, std::vector<TextSpan> extra) {
    std::vector<TextSpan> spans = std::move(extra);
    std::vector<double> cols{50, 150, 300, 450};
    std::vector<double> rows{100};
    std::vector<Ruling> rulings;
    double y = 100;
    spans.push_back(span_at("项目名称", 55, y + 5));
    spans.push_back(span_at(project, 155, y + 5));
    y += 20;
    rows.push_back(y);
    for (int i = 0; i < 30; ++i) {
        spans.push_back(span_at("产出指标", 55, y + 5));
        spans.push_back(span_at("数量指标" + std::to_string(i), 155, y + 5));
        spans.push_back(span_at("≥" + std::to_string(90 + i % 10) + "%", 305, y + 5));
        y += 20;
        rows.push_back(y);
    }
    for (double r : rows) rulings.push_back(hline(r, cols.front(), cols.back()));
    rulings.push_back(vline(50, 100, y));
    rulings.push_back(vline(150, 100, y));
    rulings.push_back(vline(450, 100, y));
    rulings.push_back(vline(300, 120, y));  // the 项目名称 row spans the last two columns
    return make_page(number, spans, rulings);
}

}  // namespace

TEST_CASE("a continuation page that repeats the title, unit and header joins the table") {
    Layout first;
    Layout next;
    next.top = 100;
    next.records = 10;
    next.first_code = 301;
    std::vector<Page> pages{ruled_page(1, first, title_block("部门收入预算总表")),
                            ruled_page(2, next, title_block("部门收入预算总表"))};
    auto tables = tables_of(pages);
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    REQUIRE(t.parts.size() == 2);
    CHECK(t.parts[1].repeats_header);
    CHECK(t.rows == 1 + 30 + 10);
    CHECK(t.context.title == "部门收入预算总表");
    CHECK(cell_at(t, 31, 0)->text == "301");
    CHECK(cells_tile(t));
}

TEST_CASE("a repeated header over columns drawn at other widths still joins") {
    Layout next;
    next.top = 60;
    next.records = 8;
    next.first_code = 301;
    next.cols = {50, 130, 330, 400};  // Excel sizes each printed page's columns on its own
    auto tables = tables_of({ruled_page(1, Layout{}), ruled_page(2, next)});
    REQUIRE(tables.size() == 1);
    REQUIRE(tables[0].parts.size() == 2);
    CHECK(tables[0].cols == 3);
    CHECK(cell_at(tables[0], 31, 2)->text == "10.00");

    // Without the repeated header, columns that moved are another table.
    next.header = false;
    CHECK(tables_of({ruled_page(1, Layout{}), ruled_page(2, next)}).size() == 2);
}

TEST_CASE("a table with its own, different title on the next page is not joined, even with the same columns") {
    Layout next;
    next.records = 10;
    auto tables = tables_of({ruled_page(1, Layout{}, title_block("部门收入预算总表")),
                             ruled_page(2, next, title_block("部门支出预算总表"))});
    REQUIRE(tables.size() == 2);
    CHECK(tables[1].context.title == "部门支出预算总表");
}

TEST_CASE("forms of two projects under one repeated title are two tables") {
    auto tables = tables_of({form_page(1, "办公楼物业", title_block("项目支出绩效目标表")),
                             form_page(2, "办公楼租金", title_block("项目支出绩效目标表"))});
    REQUIRE(tables.size() == 2);
    CHECK(tables[1].page == 2);
    // Without any title above the second form the new 项目名称 still starts a new table.
    auto untitled = tables_of({form_page(1, "办公楼物业", title_block("项目支出绩效目标表")),
                               form_page(2, "办公楼租金", {})});
    CHECK(untitled.size() == 2);
}

TEST_CASE("a table ending mid-page continues when its next record would not have fitted there") {
    // Page 1 ends at y = 520 of 842; the next page opens with a record of one tall merged
    // cell spanning 10 rows (200 pt), more than the 178 pt left above the bottom margin.
    Layout first;
    first.records = 20;  // rows end at 100 + 21 * 20 = 520
    std::vector<TextSpan> spans{span_at("2050302", 55, 65), span_right("18.00", 395, 65)};
    std::vector<double> rows;
    for (int r = 0; r <= 10; ++r) rows.push_back(60 + 20 * r);
    std::vector<Ruling> rulings{hline(60, 50, 400), hline(260, 50, 400), vline(50, 60, 260), vline(110, 60, 260),
                                vline(300, 60, 260), vline(400, 60, 260)};
    for (double y : rows) rulings.push_back(hline(y, 300, 400));
    for (int r = 0; r < 10; ++r) spans.push_back(span_right(std::to_string(r + 1) + ".00", 395, 65 + 20 * r));
    spans.erase(spans.begin() + 1);
    auto tables = tables_of({ruled_page(1, first), make_page(2, spans, rulings)});
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].parts.size() == 2);
    CHECK(cells_tile(tables[0]));
}

TEST_CASE("Excel page footers (第 1 页，共 2 页) are no title and do not stop the join") {
    std::vector<TextSpan> first_extra = title_block("2026年执行目录");
    first_extra.push_back(span_at("第 1 页，共 2 页", 250, 810));
    Layout next;
    next.top = 60;
    next.header = false;
    next.records = 5;
    auto tables = tables_of({ruled_page(1, Layout{}, first_extra),
                             ruled_page(2, next, {span_at("第 2 页，共 2 页", 250, 810)})});
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].parts.size() == 2);
    CHECK(tables[0].context.title == "2026年执行目录");
    for (const std::string& line : tables[0].context.other_lines) CHECK(line.find("页") == std::string::npos);
}
