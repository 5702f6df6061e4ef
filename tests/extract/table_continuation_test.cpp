#include "extract/table_finder.h"

#include <doctest/doctest.h>

#include "table_test_pages.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

const std::vector<double> cols{50, 110, 300, 400};

// A page holding a ruled table from `top` with an optional header row and `records`
// code rows; returns the rows' bottom edge through `bottom`.
Page table_page(int number, double top, bool header, int records, int first_code,
                std::vector<TextSpan> extra = {}) {
    std::vector<TextSpan> spans = std::move(extra);
    std::vector<double> rows{top};
    double y = top;
    if (header) {
        spans.push_back(span_at("科目编码", 55, y + 5));
        spans.push_back(span_at("科目名称", 115, y + 5));
        spans.push_back(span_at("金额", 305, y + 5));
        y += 20;
        rows.push_back(y);
    }
    for (int i = 0; i < records; ++i) {
        spans.push_back(span_at(std::to_string(first_code + i), 55, y + 5));
        spans.push_back(span_at("支出项目", 115, y + 5));
        spans.push_back(span_right(std::to_string(10 + i) + ".00", 395, y + 5));
        y += 20;
        rows.push_back(y);
    }
    return make_page(number, spans, full_grid(cols, rows));
}

int count_code_rows(const Table& t) {
    int n = 0;
    for (const Cell& c : t.cells)
        if (c.col == 0 && c.text.size() == 3 && c.text.find_first_not_of("0123456789") == std::string::npos) ++n;
    return n;
}

}  // namespace

TEST_CASE("a table continued over three pages without a repeated header is one table") {
    std::vector<TextSpan> title{span_at("2024年部门收入预算总表", 200, 60, 0, 18), span_at("单位：元", 350, 85)};
    std::vector<Page> pages{table_page(11, 100, true, 34, 201, title), table_page(12, 60, false, 37, 301),
                            table_page(13, 60, false, 10, 401, {span_at("12", 290, 800)})};
    auto tables = tables_of(pages);
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.page == 11);
    CHECK(t.last_page() == 13);
    REQUIRE(t.parts.size() == 3);
    CHECK(t.rows == 1 + 34 + 37 + 10);
    CHECK(t.header_rows == 1);
    CHECK(count_code_rows(t) == 81);
    CHECK(t.parts[1].first_row == 35);
    CHECK(t.parts[1].row_count == 37);
    CHECK_FALSE(t.parts[1].repeats_header);
    CHECK(t.parts[2].page == 13);
    CHECK(cells_tile(t));
    CHECK(t.context.title == "2024年部门收入预算总表");
    // Rows of the continuation keep their cells in order.
    CHECK(cell_at(t, 35, 0)->text == "301");
    CHECK(cell_at(t, 35, 0)->page == 12);

    auto separate = tables_of(pages, false);
    CHECK(separate.size() == 3);
}

TEST_CASE("a repeated header on the continuation page is dropped") {
    std::vector<Page> pages{table_page(1, 100, true, 34, 201), table_page(2, 60, true, 5, 301)};
    auto tables = tables_of(pages);
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    REQUIRE(t.parts.size() == 2);
    CHECK(t.parts[1].repeats_header);
    CHECK(t.rows == 1 + 34 + 5);
    CHECK(t.parts[1].row_count == 5);
    CHECK(t.parts[1].row_edges.size() == 6);
    CHECK(cell_at(t, 35, 0)->text == "301");
    CHECK(cells_tile(t));
}

TEST_CASE("a 续表 mark joins even when the table does not start at the top") {
    std::vector<Page> pages{table_page(1, 100, true, 34, 201),
                            table_page(2, 300, false, 3, 301, {span_at("续表", 60, 280)})};
    auto tables = tables_of(pages);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].parts.size() == 2);
}

TEST_CASE("a new title above the next page's table never merges") {
    std::vector<Page> pages{table_page(1, 100, true, 34, 201),
                            table_page(2, 80, true, 3, 301, {span_at("支出决算表", 200, 40, 0, 18)})};
    auto tables = tables_of(pages);
    REQUIRE(tables.size() == 2);
    CHECK(tables[1].context.title == "支出决算表");
    CHECK(tables[1].page == 2);
}

TEST_CASE("no join when the first table ends high, has notes, or the columns differ") {
    SUBCASE("ends high on its page") {
        auto tables = tables_of({table_page(1, 100, true, 5, 201), table_page(2, 60, false, 3, 301)});
        CHECK(tables.size() == 2);
    }
    SUBCASE("notes under the table") {
        Page first = table_page(1, 100, true, 34, 201);
        first.spans.push_back(span_at("注：本表无数据。", 50, 805));
        auto tables = tables_of({first, table_page(2, 60, false, 3, 301)});
        CHECK(tables.size() == 2);
    }
    SUBCASE("different column edges") {
        Page second = table_page(2, 60, false, 3, 301);
        for (Ruling& r : second.rulings)
            if (r.orientation == Orientation::vertical && r.from.x == 300) r.from.x = r.to.x = 200;
        auto tables = tables_of({table_page(1, 100, true, 34, 201), second});
        CHECK(tables.size() == 2);
    }
}

TEST_CASE("running headers and footers do not stop a continuation") {
    auto running = [](std::vector<TextSpan> extra) {
        extra.push_back(span_at("上海市某局2024年部门预算", 220, 30));
        extra.push_back(span_at("部门预算公开材料", 240, 815));
        return extra;
    };
    std::vector<Page> pages{table_page(1, 100, true, 34, 201, running({span_at("部门收入预算总表", 200, 60, 0, 18)})),
                            table_page(2, 60, false, 30, 301, running({}))};
    auto tables = tables_of(pages);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].parts.size() == 2);
    CHECK(tables[0].context.title == "部门收入预算总表");

    // The same footer on the first page but a real line above the second page's table.
    pages[1].spans.push_back(span_at("（二）项目支出情况", 50, 45));
    CHECK(tables_of(pages).size() == 2);
}

TEST_CASE("a title printed at the foot of a page without tables goes to the table opening the next page") {
    Page text_page = make_page(4, {span_at("本年度支出情况说明如下，详见下表。", 50, 500, 300),
                                   span_at("一般公共预算财政拨款支出决算表", 180, 780, 0, 16), span_at("4", 290, 815)},
                               {});
    std::vector<Page> pages{text_page, table_page(5, 60, true, 5, 201)};
    auto tables = tables_of(pages);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].page == 5);
    CHECK(tables[0].context.title == "一般公共预算财政拨款支出决算表");

    // A page ending with a paragraph gives nothing.
    pages[0].spans.push_back(span_at("以上为说明。", 50, 800, 100));
    auto plain = tables_of(pages);
    REQUIRE(plain.size() == 1);
    CHECK(plain[0].context.title.empty());
}

TEST_CASE("a scanned continuation laid a few mm off on the scanner still continues; a drawn one does not") {
    // The continuation's whole table sits 9 pt to the right: beyond the lattice tolerance,
    // within what a sheet's placement on a scanner varies.
    auto moved = [](Page page, double dx) {
        for (Ruling& r : page.rulings) r.from.x += dx, r.to.x += dx;
        for (TextSpan& s : page.spans) s.bbox.x0 += dx, s.bbox.x1 += dx;
        return page;
    };
    Page first = table_page(1, 100, true, 34, 201), second = moved(table_page(2, 60, false, 3, 301), 9);
    CHECK(tables_of({first, second}).size() == 2);
    first.source = second.source = TextSource::ocr;
    auto tables = tables_of({first, second});
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].rows == 1 + 34 + 3);
    // Moved further than a sheet moves, or with another column, it is another table.
    Page far = moved(table_page(2, 60, false, 3, 301), 30);
    far.source = TextSource::ocr;
    CHECK(tables_of({first, far}).size() == 2);
    Page other = moved(table_page(2, 60, false, 3, 301), 9);
    other.source = TextSource::ocr;
    for (Ruling& r : other.rulings)
        if (r.orientation == Orientation::vertical && r.from.x == 309) r.from.x = r.to.x = 209;
    CHECK(tables_of({first, other}).size() == 2);
}
