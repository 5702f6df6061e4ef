// Tables printed by spreadsheets with horizontal rules only: columns that stay empty in
// the whole body, and continued pages whose rows are mostly single labels.

#include "extract/table_finder.h"

#include <doctest/doctest.h>

#include "table_test_pages.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

void add_row(std::vector<TextSpan>& spans, double y, const std::string& code, const std::string& name,
             const std::string& a, const std::string& b) {
    spans.push_back(span_at(code, 60, y));
    spans.push_back(span_at(name, 120, y));
    spans.push_back(span_right(a, 360, y));
    if (!b.empty()) spans.push_back(span_right(b, 440, y));
}

}  // namespace

TEST_CASE("horizontal rules: a column headed but empty in every body row keeps its own column") {
    std::vector<TextSpan> spans{span_at("科目编码", 60, 105), span_at("科目名称", 120, 105),
                                span_at("合计", 330, 105), span_at("基本支出", 400, 105),
                                span_at("上年结", 480, 100, 0, 8), span_at("转", 490, 110, 0, 8)};
    add_row(spans, 125, "201", "一般公共服务支出", "2,106.66", "1,503.52");
    add_row(spans, 140, "20106", "财政事务", "2,106.66", "1,503.52");
    add_row(spans, 155, "2010601", "行政运行", "1,511.89", "1,503.52");
    std::vector<Ruling> rules{hline(98, 55, 530), hline(120, 55, 530), hline(170, 55, 530)};
    auto tables = tables_of({make_page(1, spans, rules)});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.method == GridMethod::horizontal_rules);
    REQUIRE(t.cols == 5);
    CHECK(cells_tile(t));
    CHECK(cell_at(t, 0, 3)->text == "基本支出");
    CHECK(cell_at(t, 0, 4)->text == "上年结转");
    CHECK(cell_at(t, 2, 3)->text == "1,503.52");
    CHECK(cell_at(t, 2, 4)->text.empty());
}

TEST_CASE("horizontal rules: a continued page of mostly single labels is a table and joins the first part") {
    std::vector<TextSpan> first_spans{span_at("科目编码", 60, 105), span_at("科目名称", 120, 105),
                                      span_at("合计", 330, 105), span_at("基本支出", 400, 105)};
    std::vector<Ruling> first_rules{hline(98, 55, 470)};
    double y = 125;
    for (int k = 0; k < 30; ++k, y += 20) {
        add_row(first_spans, y, std::to_string(2010601 + k), "一个很长的科目名称支出", "1,511.89", "1,503.52");
        first_rules.push_back(hline(y - 5, 55, 470));
    }
    first_rules.push_back(hline(y - 5, 55, 470));
    // The next page: the repeated heading, then rows with a name only, and three with amounts.
    std::vector<TextSpan> next_spans{span_at("科目编码", 60, 55), span_at("科目名称", 120, 55),
                                     span_at("合计", 330, 55), span_at("基本支出", 400, 55)};
    std::vector<Ruling> next_rules{hline(48, 55, 470)};
    y = 75;
    for (int k = 0; k < 9; ++k, y += 20) {
        if (k % 3 == 0) add_row(next_spans, y, std::to_string(2080501 + k), "养老支出", "72.27", "72.27");
        else next_spans.push_back(span_at("其他社会保障和就业支出", 120, y));
        next_rules.push_back(hline(y - 5, 55, 470));
    }
    next_rules.push_back(hline(y - 5, 55, 470));
    auto tables = tables_of({make_page(1, first_spans, first_rules), make_page(2, next_spans, next_rules)});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    REQUIRE(t.parts.size() == 2);
    CHECK(t.parts[1].page == 2);
    CHECK(t.rows == 1 + 30 + 9);
    CHECK(cell_at(t, 31, 0)->text == "2080501");
    CHECK(cell_at(t, 32, 1)->text == "其他社会保障和就业支出");
    CHECK(cell_at(t, 31, 3)->text == "72.27");
}
