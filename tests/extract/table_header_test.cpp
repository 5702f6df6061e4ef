// Headers of tables whose columns come from text alignment: wrapped headings segmented by
// the body's columns, group headings as merged cells, column-number rows, and runs of
// amounts cut at column edges.

#include "extract/pdf_reader.h"
#include "extract/table_finder.h"
#include "extract/table_header.h"

#include <doctest/doctest.h>

#include "pdf_test_files.h"
#include "table_test_pages.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

// Four body rows from `top`, `step` apart: a label and three amounts right-aligned at
// 240, 300 and 360.
void add_body(std::vector<TextSpan>& spans, double top, double step) {
    const char* labels[] = {"合计", "一般公共服务支出", "教育支出", "科学技术支出"};
    for (int r = 0; r < 4; ++r) {
        double y = top + step * r;
        spans.push_back(span_at(labels[r], 45, y));
        spans.push_back(span_right(std::to_string(100 + r) + ",314.91", 240, y));
        spans.push_back(span_right(std::to_string(r) + ".00", 300, y));
        spans.push_back(span_right(std::to_string(20 + r) + ".50", 360, y));
    }
}

// A table ruled with horizontal rules only: `header` spans above a rule at y = 160, the
// body's rows of 20 pt below it, each closed by a rule. `extra_rules` are drawn too.
Page rule_table(std::vector<TextSpan> header, std::vector<Ruling> extra_rules = {}) {
    std::vector<TextSpan> spans = std::move(header);
    add_body(spans, 165, 20);
    std::vector<Ruling> rules{hline(100, 40, 370), hline(160, 40, 370)};
    for (int r = 0; r < 4; ++r) rules.push_back(hline(180 + 20.0 * r, 40, 370));
    rules.insert(rules.end(), extra_rules.begin(), extra_rules.end());
    return make_page(1, spans, rules);
}

// 单位名称 over both header rows, 财政拨款收入 over the three amount columns, their
// headings under it.
void check_group_header(const Table& t, const std::vector<std::string>& sub_headings) {
    REQUIRE(t.cols == 4);
    CHECK(t.header_rows == 2);
    CHECK(cells_tile(t));
    const Cell* group = cell_at(t, 0, 1);
    REQUIRE(group);
    CHECK(group->text == "财政拨款收入");
    CHECK(group->col_span == 3);
    const Cell* label = cell_at(t, 0, 0);
    REQUIRE(label);
    CHECK(label->text == "单位名称");
    CHECK(label->row_span == 2);
    CHECK(row_texts(t, 1) == sub_headings);
}

Cell text_cell(int row, int col, const std::string& text) {
    Cell c;
    c.row = row;
    c.col = col;
    c.text = text;
    return c;
}

}  // namespace

TEST_CASE("horizontal rules: headings wrapped inside one header band are segmented by the body's columns") {
    // Each heading is centred over its column and wider than its amounts: 政府性基金 starts
    // left of the middle of the white strip between the first two amount columns.
    Page page = rule_table({span_at("单位名称", 50, 120), span_at("一般公共预", 190, 110, 50), span_at("算", 210, 124, 10),
                            span_at("政府性基金", 247, 110, 50), span_at("预算", 262, 124, 20),
                            span_at("国有资本经", 305, 110, 50), span_at("营预算", 315, 124, 30)});
    auto tables = tables_of({page});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.method == GridMethod::horizontal_rules);
    REQUIRE(t.cols == 4);
    CHECK(row_texts(t, 0) == std::vector<std::string>{"单位名称", "一般公共预算", "政府性基金预算", "国有资本经营预算"});
    CHECK(t.header_rows == 1);
    CHECK(row_texts(t, 1) == std::vector<std::string>{"合计", "100,314.91", "0.00", "20.50"});
}

TEST_CASE("horizontal rules: headings printed as one run are cut where each piece lies over its own column") {
    // Three headings of 50 pt each with no gap at all between them (one span of 15
    // characters) over amount columns right-aligned at 235, 285 and 335.
    std::vector<TextSpan> spans{span_at("项目", 50, 120), span_at("一般公共预政府性基金国有资本经", 200, 120, 150)};
    std::vector<Ruling> rules{hline(100, 40, 350), hline(140, 40, 350)};
    for (int r = 0; r < 3; ++r) {
        double y = 145 + 20.0 * r;
        spans.push_back(span_at("支出" + std::to_string(r), 45, y));
        for (double right : {235.0, 285.0, 335.0}) spans.push_back(span_right(std::to_string(r) + ".00", right, y));
        rules.push_back(hline(160 + 20.0 * r, 40, 350));
    }
    auto tables = tables_of({make_page(1, spans, rules)});
    REQUIRE(tables.size() == 1);
    CHECK(row_texts(tables[0], 0) == std::vector<std::string>{"项目", "一般公共预", "政府性基金", "国有资本经"});
}

TEST_CASE("horizontal rules: a group heading above a partial rule spans its columns; the others span both rows") {
    // 财政拨款收入 over the three amount columns, a rule under it from x = 175 to 370 only.
    Page page = rule_table({span_at("单位名称", 50, 125), span_at("财政拨款收入", 240, 108, 60),
                            span_at("一般公共预算", 185, 140, 55), span_at("政府性基金", 250, 140, 50),
                            span_at("国有资本", 320, 140, 40)},
                           {hline(130, 175, 370)});
    auto tables = tables_of({page});
    REQUIRE(tables.size() == 1);
    check_group_header(tables[0], {"一般公共预算", "政府性基金", "国有资本"});
}

TEST_CASE("horizontal rules: amounts printed as one run are cut between words at the column edges") {
    Page page = rule_table({span_at("项目", 50, 120), span_at("合计", 210, 120), span_at("基本", 270, 120),
                            span_at("项目", 330, 120)});
    // One more body row whose three amounts came out as one span (922.00 922.00 0.00).
    page.spans.push_back(span_at("其他支出", 45, 245));
    page.spans.push_back(span_at("922.00 922.00 0.00", 206, 245, 154));
    page.rulings.push_back(hline(260, 40, 370));
    auto tables = tables_of({page});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    REQUIRE(t.cols == 4);
    CHECK(row_texts(t, t.rows - 1) == std::vector<std::string>{"其他支出", "922.00", "922.00", "0.00"});
}

TEST_CASE("column-number rows (栏次 | 1 | 2, ** | 1 | 2, 甲 | 乙 | 1 | 2) belong to the header") {
    auto header_of = [](std::vector<std::string> numbers_row) {
        std::vector<Cell> cells{text_cell(0, 0, "项目"), text_cell(0, 1, "合计"), text_cell(0, 2, "基本支出")};
        for (size_t c = 0; c < numbers_row.size(); ++c) cells.push_back(text_cell(1, static_cast<int>(c), numbers_row[c]));
        cells.push_back(text_cell(2, 0, "201"));
        cells.push_back(text_cell(2, 1, "10.00"));
        return count_header_rows(cells, 3);
    };
    CHECK(header_of({"栏次", "1", "2"}) == 2);
    CHECK(header_of({"**", "1", "2"}) == 2);
    CHECK(header_of({"甲", "乙", "1", "2"}) == 2);
    CHECK(header_of({"1", "2", "3"}) == 2);
    CHECK(header_of({"合计", "1", "2"}) == 1);  // a data row with small amounts is data
    // An empty table (本表无数据): the column-number row still closes the header.
    std::vector<Cell> empty{text_cell(0, 0, "项目"), text_cell(0, 1, "合计"), text_cell(1, 0, "**"),
                            text_cell(1, 1, "1"), text_cell(1, 2, "2")};
    CHECK(count_header_rows(empty, 3) == 2);
}

TEST_CASE("renwu pages without their vertical rulings keep their headers (广州 卫健委 page 9, 上海 商务委 page 11)") {
    auto without_verticals = [](const std::string& file, int page_number) {
        auto read = read_pdf_pages(shared_file("real/renwu/" + file), {page_number, page_number});
        REQUIRE(read.ok());
        std::vector<Page> pages = read.value().pages;
        std::erase_if(pages[0].rulings, [](const Ruling& r) { return r.orientation == Orientation::vertical; });
        return tables_of(pages);
    };
    auto guangzhou = without_verticals("广州__2026年广州市卫生健康委员会部门预算__45689a98.pdf", 9);
    REQUIRE(guangzhou.size() == 1);
    const Table& g = guangzhou[0];
    CHECK(g.method == GridMethod::horizontal_rules);
    CHECK(g.header_rows == 2);
    CHECK(row_texts(g, 0) == std::vector<std::string>{"单位名称", "合计", "财政拨款收入", "财政专户拨款收入", "其他资金收入",
                                                      "上级补助收入", "附属单位上缴收入", "上年结转结余"});
    CHECK(cell_at(g, 0, 2)->col_span == 3);
    CHECK(row_texts(g, 1) == std::vector<std::string>{"一般公共预算", "政府性基金预算", "国有资本经营预算", "教育收费",
                                                      "其他专户收入拨款", "事业收入", "事业单位经营收入", "其他收入"});

    auto shanghai = without_verticals("上海__2026年上海市商务局_部门预算__e259e5ad.pdf", 11);
    REQUIRE(shanghai.size() == 1);
    const Table& s = shanghai[0];
    CHECK(s.header_rows == 3);
    const Cell* code_heading = cell_at(s, 1, 0);
    REQUIRE(code_heading);
    CHECK(code_heading->text == "功能分类科目编码");
    CHECK(code_heading->col_span == 3);
    CHECK(row_texts(s, 2) == std::vector<std::string>{"类", "款", "项", "人员经费", "公用经费"});
    CHECK(contains(row_of(s, "行政运行"), "6,513,536"));
}

TEST_CASE("no rules at all: the header's lines above the body form the header; a line of group headings is a row of its own") {
    // Group headings over the amount columns, then wrapped column headings, then the body
    // (amounts right-aligned at 240, 300, 360) a little further down.
    std::vector<TextSpan> spans{span_at("财政拨款收入", 240, 100, 60), span_at("单位名称", 50, 120),
                                span_at("一般公共预", 190, 112, 50),   span_at("算", 210, 124, 10),
                                span_at("政府性基金", 247, 112, 50),   span_at("预算", 262, 124, 20),
                                span_at("国有资本经", 305, 112, 50),   span_at("营预算", 315, 124, 30)};
    add_body(spans, 160, 14);
    auto tables = tables_of({make_page(1, spans, {})});
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].method == GridMethod::text_alignment);
    check_group_header(tables[0], {"一般公共预算", "政府性基金预算", "国有资本经营预算"});
    CHECK(row_texts(tables[0], 2) == std::vector<std::string>{"合计", "100,314.91", "0.00", "20.50"});
}
