// Header bands printed without rules inside (tables ruled by horizontal lines only, the
// header between two rules): rows and merged heading cells from where the headings stand.
// The pages are built by hand, so every expected cell is known exactly.

#include "extract/pdf_reader.h"
#include "extract/table_finder.h"

#include <doctest/doctest.h>

#include "pdf_test_files.h"
#include "table_test_pages.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

// Three body rows under a rule at y = 170, each closed by a rule: a label at 45 and three
// amounts right-aligned at 220, 280 and 340 (columns about [40, 150], [150, 228],
// [228, 288], [288, 350]). The header spans stand between the rules at 100 and 170.
Page header_band_table(std::vector<TextSpan> header) {
    std::vector<TextSpan> spans = std::move(header);
    const char* labels[] = {"一般公共服务支出", "教育支出", "科学技术支出"};
    for (int r = 0; r < 3; ++r) {
        double y = 175 + 20.0 * r;
        spans.push_back(span_at(labels[r], 45, y));
        spans.push_back(span_right("1,234.5" + std::to_string(r), 220, y));
        spans.push_back(span_right("2,000.0" + std::to_string(r), 280, y));
        spans.push_back(span_right("3,100.0" + std::to_string(r), 340, y));
    }
    std::vector<Ruling> rules{hline(100, 40, 350), hline(170, 40, 350)};
    for (int r = 1; r <= 3; ++r) rules.push_back(hline(170 + 20.0 * r, 40, 350));
    return make_page(1, spans, rules);
}

}  // namespace

TEST_CASE("header band without inner rules: group headings span the columns they head, wrapped headings stay one cell") {
    // Printed as a generator centres headings in their cells: 支出 over the whole table
    // (row 0, 100–116), 项目 over rows 1–2 (116–170), 预算数 over the three amount columns
    // in row 1 (116–136) although its text lies inside the middle column, and row 2
    // (136–170) with 合计 and two headings wrapped over two lines.
    Page page = header_band_table({
        span_at("支出", 185, 103),
        span_at("项目", 85.25, 138),
        span_at("预算数", 235.25, 121),
        span_at("合计", 179.25, 148),
        span_at("当年预算", 238, 142.5), span_at("安排", 248, 153.5),
        span_at("上年结转", 299, 142.5), span_at("安排", 309, 153.5),
    });
    auto tables = tables_of({page});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.method == GridMethod::horizontal_rules);
    REQUIRE(t.cols == 4);
    CHECK(t.header_rows == 3);
    CHECK(t.rows == 6);
    CHECK(cells_tile(t));
    const Cell* top = cell_at(t, 0, 0);
    REQUIRE(top);
    CHECK(top->text == "支出");
    CHECK(top->col_span == 4);
    const Cell* item = cell_at(t, 1, 0);
    REQUIRE(item);
    CHECK(item->text == "项目");
    CHECK(item->row_span == 2);
    const Cell* group = cell_at(t, 1, 1);
    REQUIRE(group);
    CHECK(group->text == "预算数");
    CHECK(group->col_span == 3);
    CHECK(group->row_span == 1);
    CHECK(row_texts(t, 2) == std::vector<std::string>{"合计", "当年预算安排", "上年结转安排"});
    CHECK(row_texts(t, 3) == std::vector<std::string>{"一般公共服务支出", "1,234.50", "2,000.00", "3,100.00"});
}

TEST_CASE("header band without inner rules: two group headings side by side share the columns by centring") {
    // 收入 centred over the label and the first amount column, 支出 over the other two
    // (row 0, 100–120); one heading per column in row 1 (120–170), centred.
    Page page = header_band_table({
        span_at("收入", 124, 105),
        span_at("支出", 279, 105),
        span_at("项目", 85.25, 140),
        span_at("预算数", 174.25, 140),
        span_at("合计", 248, 140),
        span_at("结转", 309, 140),
    });
    auto tables = tables_of({page});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    REQUIRE(t.cols == 4);
    CHECK(t.header_rows == 2);
    CHECK(cells_tile(t));
    REQUIRE(cell_at(t, 0, 0));
    CHECK(cell_at(t, 0, 0)->text == "收入");
    CHECK(cell_at(t, 0, 0)->col_span == 2);
    REQUIRE(cell_at(t, 0, 2));
    CHECK(cell_at(t, 0, 2)->text == "支出");
    CHECK(cell_at(t, 0, 2)->col_span == 2);
    CHECK(row_texts(t, 1) == std::vector<std::string>{"项目", "预算数", "合计", "结转"});
}

TEST_CASE("header band without inner rules: one line of headings stays one header row") {
    Page page = header_band_table({
        span_at("项目", 85.25, 130),
        span_at("合计", 179.25, 130),
        span_at("基本支出", 238, 130),
        span_at("项目支出", 299, 130),
    });
    auto tables = tables_of({page});
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].header_rows == 1);
    CHECK(row_texts(tables[0], 0) == std::vector<std::string>{"项目", "合计", "基本支出", "项目支出"});
}

TEST_CASE("renwu without rulings: amounts ending close to the next column's labels part columns; label rows are rows (西安 审计局 收支总表, page 22)") {
    auto read = read_pdf_pages(shared_file("real/renwu/西安__2026年西安市审计局部门预算__a8fb0ecd.pdf"), {22, 22});
    REQUIRE(read.ok());
    std::vector<Page> pages = read.value().pages;
    pages[0].rulings.clear();
    auto tables = tables_of(pages);
    REQUIRE(!tables.empty());
    const Table& t = tables[0];
    CHECK(t.method == GridMethod::text_alignment);
    CHECK(t.cols == 8);  // 收入项目 | 预算数 | three pairs of expenditure item | 预算数
    CHECK(row_of(t, "1、财政拨款") == std::vector<std::string>{"1、财政拨款", "40,052,896.08", "1、一般公共服务支出",
                                                              "31,722,917.00", "1、人员经费和公用经费支出",
                                                              "33,544,216.08", "1、机关工资福利支出", "29,812,828.40"});
    // Rows without an amount in the busiest column stay rows of their own.
    CHECK(row_of(t, "3、事业收入").size() == 8);
    CHECK(contains(row_of(t, "3、事业收入"), "7、文化旅游体育与传媒支出"));
    CHECK(contains(row_of(t, "6、其他收入"), "1,000,000.00"));
    // Label rows under the last amounts keep to the columns and stay in the table.
    CHECK(row_of(t, "24、其他支出").size() == 8);
}

TEST_CASE("renwu without rulings: a header line reaching beyond the body (备注 over an empty column) is the table's header (西安 审计局 page 26)") {
    auto read = read_pdf_pages(shared_file("real/renwu/西安__2026年西安市审计局部门预算__a8fb0ecd.pdf"), {26, 26});
    REQUIRE(read.ok());
    std::vector<Page> pages = read.value().pages;
    pages[0].rulings.clear();
    auto tables = tables_of(pages);
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.header_rows == 1);
    CHECK(row_texts(t, 0) == std::vector<std::string>{"功能科目编码", "功能科目名称", "合计", "人员经费支出", "公用经费支出",
                                                      "专项业务经费支出", "备注"});
    CHECK(contains(row_of(t, "行政运行"), "23,382,409.50"));
}
