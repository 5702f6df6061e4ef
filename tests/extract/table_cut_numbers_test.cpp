// Numbers and codes printed over two lines because their cell is too narrow (17.14880 / 0):
// one value, joined without a space, and no record of its own; two values stacked in a
// cell wide enough for each stay apart.

#include "extract/table_finder.h"
#include "extract/table_text.h"

#include <doctest/doctest.h>

#include <string>

#include "table_test_pages.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

const std::string renwu = "real/renwu/";

// A ruled table: 项目 | 金额 | 其他 over one body band [120, 150]; the amount column is
// [100, 140] (40 pt) and the other one [140, 220].
Page narrow_amount_table(std::vector<TextSpan> body) {
    std::vector<double> cols{40, 100, 140, 220}, rows{100, 120, 150};
    std::vector<TextSpan> spans{span_at("项目", 45, 105), span_at("金额", 105, 105), span_at("其他", 145, 105)};
    spans.insert(spans.end(), body.begin(), body.end());
    return make_page(1, spans, full_grid(cols, rows));
}

}  // namespace

TEST_CASE("a number cut by a narrow cell's width: joined without a space, one row") {
    // 17.14880 fills the 40 pt cell (8 glyphs of 4.4 pt, 35.2 pt); its last 0 wraps.
    Page page = narrow_amount_table({span_at("办公设备", 45, 125), span_right("17.14880", 139, 123, 8),
                                     span_right("0", 139, 132, 8), span_right("3.687900", 215, 127, 8)});
    auto tables = tables_of({page});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.rows == 2);
    REQUIRE(cell_at(t, 1, 1));
    CHECK(cell_at(t, 1, 1)->text == "17.148800");
}

TEST_CASE("two amounts stacked in a cell wide enough for each stay two values") {
    // 5.00 over 6.00 in the 80 pt column: each leaves most of the cell empty.
    Page page = narrow_amount_table({span_at("办公设备", 45, 123), span_at("培训", 45, 135),
                                     span_right("1.00", 139, 123, 8), span_right("2.00", 139, 135, 8),
                                     span_right("5.00", 215, 123, 8), span_right("6.00", 215, 135, 8)});
    auto tables = tables_of({page});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.rows == 3);  // two records in the band
    CHECK(row_of(t, "办公设备") == std::vector<std::string>{"办公设备", "1.00", "5.00"});
    CHECK(row_of(t, "培训") == std::vector<std::string>{"培训", "2.00", "6.00"});
}

TEST_CASE("continues_cut_number: by the room the first line leaves in its cell") {
    CHECK(continues_cut_number("17.14880", 36.35, "0", 39.84));          // 3.5 pt left: less than a glyph
    CHECK(continues_cut_number("7,200.0000", 45.45, "00", 51.48));       // 6 pt left: less than two glyphs
    CHECK(continues_cut_number("11000022T00", 50.0, "0000457212-", 53.88));
    CHECK(continues_cut_number("1,264,602", 38.0, ".38", 40.0));         // cut before the decimal point
    CHECK(continues_cut_number("1,264,602.", 40.0, "38", 41.0));         // cut after it
    CHECK(continues_cut_number("1,264,602", 45.0, ".38", 57.9));         // a rest starting with its point: any room
    CHECK(continues_cut_number("1,263,231.7", 55.0, "8", 66.4));         // one decimal completed by a lone digit
    CHECK_FALSE(continues_cut_number("1,263.5", 38.0, ".38", 40.0));     // a second decimal point
    CHECK_FALSE(continues_cut_number("1,263.5", 35.0, "12", 80.0));      // more than the missing decimal
    CHECK_FALSE(continues_cut_number("1,234.00", 36.0, "5.00", 80.0));   // room for many more glyphs
    CHECK_FALSE(continues_cut_number("合计12", 30.0, "3", 31.0));        // not a run of Latin characters
    CHECK_FALSE(continues_cut_number("12.00", 25.0, "万元", 26.0));      // the next line is no digit
}

TEST_CASE("renwu: amounts and project codes wrapped in narrow cells are one value (北京 水务局 pages 43, 49)") {
    auto tables = tables_of_file(renwu + "北京__水务局_2026年部门预算__c0240544.pdf", 43, 49);
    int cut_17 = 0, code = 0, spaced = 0;
    for (const Table& t : tables)
        for (const Cell& c : t.cells) {
            cut_17 += c.text == "17.148800" ? 1 : 0;
            code += c.text.rfind("11000022T000000457212-", 0) == 0 ? 1 : 0;
            spaced += c.text == "7,200.0000 00" || c.text == "17.14880 0" ? 1 : 0;
        }
    CHECK(cut_17 == 1);
    CHECK(code == 1);
    CHECK(spaced == 0);
}
