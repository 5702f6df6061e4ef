#include "extract/grid_lattice.h"
#include "extract/table_finder.h"
#include "extract/table_text.h"

#include <doctest/doctest.h>

#include <random>

#include "table_test_pages.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

TEST_CASE("collinear ruling pieces snap and join; distant ones stay apart") {
    std::vector<Ruling> rulings{hline(100.0, 50, 120), hline(100.8, 121, 200), hline(101.2, 199, 260),
                                hline(100.0, 300, 400), hline(140, 50, 260)};
    std::vector<MergedRuling> merged = merge_rulings(rulings, Orientation::horizontal);
    REQUIRE(merged.size() == 3);
    CHECK(merged[0].start == doctest::Approx(50));
    CHECK(merged[0].end == doctest::Approx(260));
    CHECK(merged[0].position == doctest::Approx(100.6).epsilon(0.01));
    CHECK(merged[1].start == doctest::Approx(300));
    CHECK(merged[2].position == doctest::Approx(140));
}

TEST_CASE("a ruled grid becomes a lattice table with text in the right cells") {
    std::vector<double> cols{50, 150, 300, 400}, rows{100, 120, 140, 160};
    std::vector<TextSpan> spans{span_at("项目", 60, 105), span_at("金额", 160, 105), span_at("备注", 310, 105),
                                span_at("201", 60, 125), span_at("一般公共服务支出", 160, 125),
                                span_right("1,234.56", 395, 125), span_at("Total", 60, 145),
                                span_at("amount", 100, 145), span_right("9.00", 395, 145)};
    // Borders drawn as several short pieces, as Excel and WPS do.
    std::vector<Ruling> rulings;
    for (double y : rows)
        for (size_t c = 0; c + 1 < cols.size(); ++c) rulings.push_back(hline(y, cols[c], cols[c + 1]));
    for (double x : cols)
        for (size_t r = 0; r + 1 < rows.size(); ++r) rulings.push_back(vline(x, rows[r], rows[r + 1]));
    auto tables = tables_of({make_page(1, spans, rulings)});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.method == GridMethod::lattice);
    CHECK(t.rows == 3);
    CHECK(t.cols == 3);
    CHECK(cells_tile(t));
    CHECK(cell_at(t, 1, 0)->text == "201");
    CHECK(cell_at(t, 1, 1)->text == "一般公共服务支出");
    CHECK(cell_at(t, 1, 2)->text == "1,234.56");
    CHECK(cell_at(t, 2, 0)->text == "Total amount");
    CHECK(t.header_rows == 1);
    REQUIRE(t.parts.size() == 1);
    CHECK(t.parts[0].row_edges.size() == 4);
    CHECK(t.parts[0].col_edges[1] == doctest::Approx(150));
}

TEST_CASE("a missing inner border makes a merged cell; cells tile the grid") {
    std::vector<double> cols{50, 100, 150, 200}, rows{100, 120, 140, 160};
    std::vector<Ruling> rulings{hline(100, 50, 200), hline(160, 50, 200), vline(50, 100, 160), vline(200, 100, 160),
                                // row edge 120 drawn only under columns 1-2: column 0 spans rows 0-1
                                hline(120, 100, 200), hline(140, 50, 200),
                                // column edge 100 everywhere, column edge 150 missing in row 0
                                vline(100, 100, 160), vline(150, 120, 160)};
    std::vector<TextSpan> spans{span_at("科目编码", 55, 115), span_at("合计", 110, 105), span_at("1", 110, 125),
                                span_at("2", 160, 125), span_at("3", 60, 145)};
    auto tables = tables_of({make_page(1, spans, rulings)});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(cells_tile(t));
    const Cell* a = cell_at(t, 0, 0);
    REQUIRE(a);
    CHECK(a->row_span == 2);
    CHECK(a->col_span == 1);
    CHECK(a->text == "科目编码");
    const Cell* b = cell_at(t, 0, 1);
    REQUIRE(b);
    CHECK(b->col_span == 2);
    CHECK(b->row_span == 1);
    CHECK(b->text == "合计");
    CHECK(cell_covering(t, 1, 0) == a);
    CHECK(cell_at(t, 1, 2)->text == "2");
}

TEST_CASE("tall cells: top-aligned amounts stay on their row, wrapped CJK labels join without spaces") {
    // Row 1 is tall: a label wrapped over three lines, the amount top-aligned, another
    // amount bottom-aligned. Row 2 follows immediately.
    std::vector<double> cols{50, 150, 250, 350}, rows{100, 120, 170, 190};
    std::vector<TextSpan> spans{span_at("科目名称", 55, 105), span_at("本年收入合", 155, 102),
                                span_at("计", 155, 108),  // header text wrapped inside one cell
                                span_at("机关事业单位基本养", 55, 123), span_at("老保险缴费支", 55, 138),
                                span_at("出", 55, 153), span_right("160.75", 245, 122),
                                span_right("80.38", 345, 158), span_at("行政运行", 55, 175),
                                span_right("84.65", 245, 175), span_right("1.00", 345, 175)};
    auto tables = tables_of({make_page(1, spans, full_grid(cols, rows))});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    REQUIRE(t.rows == 3);
    CHECK(cell_at(t, 0, 1)->text == "本年收入合计");
    CHECK(cell_at(t, 1, 0)->text == "机关事业单位基本养老保险缴费支出");
    CHECK(cell_at(t, 1, 1)->text == "160.75");
    CHECK(cell_at(t, 1, 2)->text == "80.38");
    CHECK(cell_at(t, 2, 1)->text == "84.65");
    CHECK(t.header_rows == 1);
}

TEST_CASE("a ruled band holding several records is split into rows (amounts never wrap)") {
    // Only the header is ruled off; the body band holds three records, one with a wrapped label.
    std::vector<double> cols{50, 100, 250, 350}, rows{100, 120, 200};
    std::vector<TextSpan> spans{span_at("编码", 55, 105), span_at("名称", 105, 105), span_at("金额", 255, 105),
                                span_at("201", 55, 125), span_at("一般公共服务支出", 105, 125),
                                span_right("10.00", 345, 125), span_at("20101", 55, 145),
                                span_at("人大事务长长的名", 105, 145), span_right("5.00", 345, 145),
                                span_at("称", 105, 158), span_at("2010101", 55, 175), span_at("行政运行", 105, 175),
                                span_right("5.00", 345, 175)};
    auto tables = tables_of({make_page(1, spans, full_grid(cols, rows))});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    REQUIRE(t.rows == 4);
    CHECK(cells_tile(t));
    CHECK(cell_at(t, 2, 0)->text == "20101");
    CHECK(cell_at(t, 2, 1)->text == "人大事务长长的名称");
    CHECK(cell_at(t, 2, 2)->text == "5.00");
    CHECK(cell_at(t, 3, 0)->text == "2010101");
}

TEST_CASE("degenerate grids are not tables: a box around a paragraph, a page frame") {
    std::vector<TextSpan> spans{span_at("这是一段说明文字，用方框围起来。", 60, 110, 300),
                                span_at("第二行说明文字。", 60, 125, 200), span_at("页眉", 60, 30)};
    std::vector<Ruling> rulings{hline(100, 50, 400), hline(150, 50, 400), vline(50, 100, 150), vline(400, 100, 150),
                                // a page frame with a header rule across it
                                hline(20, 20, 575), hline(50, 20, 575), hline(820, 20, 575), vline(20, 20, 820),
                                vline(575, 20, 820)};
    auto tables = tables_of({make_page(1, spans, rulings)});
    CHECK(tables.empty());
}

TEST_CASE("property: random merged-cell grids always tile without overlap") {
    std::mt19937 rng(12345);
    for (int round = 0; round < 200; ++round) {
        int rows = 2 + static_cast<int>(rng() % 6), cols = 2 + static_cast<int>(rng() % 6);
        std::vector<double> xs, ys;
        for (int c = 0; c <= cols; ++c) xs.push_back(50 + 40.0 * c);
        for (int r = 0; r <= rows; ++r) ys.push_back(100 + 20.0 * r);
        std::vector<Ruling> rulings{hline(ys.front(), xs.front(), xs.back()), hline(ys.back(), xs.front(), xs.back()),
                                    vline(xs.front(), ys.front(), ys.back()), vline(xs.back(), ys.front(), ys.back())};
        // Inner border pieces drawn at random; at least one full inner line each way so
        // the grid keeps all its edges.
        for (int r = 1; r < rows; ++r)
            for (int c = 0; c < cols; ++c)
                if (rng() % 3 != 0 || c == 0) rulings.push_back(hline(ys[r], xs[c], xs[c + 1]));
        for (int c = 1; c < cols; ++c)
            for (int r = 0; r < rows; ++r)
                if (rng() % 3 != 0 || r == 0) rulings.push_back(vline(xs[c], ys[r], ys[r + 1]));
        std::vector<TextSpan> spans{span_at("1.00", xs[0] + 2, ys[0] + 4)};
        auto tables = tables_of({make_page(1, spans, rulings)});
        REQUIRE(tables.size() == 1);
        CHECK(tables[0].rows == rows);
        CHECK(tables[0].cols == cols);
        CHECK(cells_tile(tables[0]));
    }
}

TEST_CASE("CJK-aware joining and number recognition") {
    std::string s;
    append_joined(s, "本年收入合");
    append_joined(s, "计");
    CHECK(s == "本年收入合计");
    std::string latin;
    append_joined(latin, "Total");
    append_joined(latin, "2024");
    CHECK(latin == "Total 2024");
    CHECK(squeeze_cjk_spaces(" 项   目 ") == "项目");
    CHECK(squeeze_cjk_spaces("A  B") == "A B");
    CHECK(is_amount_text("1,234.56"));
    CHECK(is_amount_text("-12.00"));
    CHECK(is_amount_text("0"));
    CHECK_FALSE(is_amount_text("2024年"));
    CHECK_FALSE(is_amount_text("1."));
    CHECK(is_code_text("2010101"));
    CHECK(is_code_text("201"));
    CHECK_FALSE(is_code_text("2010"));
}

TEST_CASE("a header ruled as a grid over a body with horizontal rules only keeps amounts in their columns") {
    std::vector<double> cols{50, 100, 250, 350, 450};
    std::vector<double> rows{100, 120, 140, 160, 180};
    std::vector<Ruling> rulings;
    for (double y : rows) rulings.push_back(hline(y, 50, 450));
    for (double x : cols) rulings.push_back(vline(x, 100, 120));  // verticals in the header row only
    rulings.push_back(vline(50, 100, 180));
    rulings.push_back(vline(450, 100, 180));
    std::vector<TextSpan> spans{span_at("编码", 55, 105), span_at("名称", 105, 105), span_at("合计", 255, 105),
                                span_at("基本支出", 355, 105)};
    const char* codes[] = {"201", "20101", "2010101"};
    for (int i = 0; i < 3; ++i) {
        double y = 125 + 20.0 * i;
        spans.push_back(span_at(codes[i], 55, y));
        spans.push_back(span_at("一般公共服务", 105, y));
        spans.push_back(span_right("1" + std::to_string(i) + ".00", 345, y));
        spans.push_back(span_right("2" + std::to_string(i) + ".00", 445, y));
    }
    auto tables = tables_of({make_page(1, spans, rulings)});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    REQUIRE(t.rows == 4);
    REQUIRE(t.cols == 4);
    CHECK(cells_tile(t));
    for (int r = 1; r < 4; ++r) {
        CAPTURE(r);
        CHECK(cell_at(t, r, 0)->text == codes[r - 1]);
        CHECK(cell_at(t, r, 1)->text == "一般公共服务");
        CHECK(cell_at(t, r, 2)->text == "1" + std::to_string(r - 1) + ".00");
        CHECK(cell_at(t, r, 3)->text == "2" + std::to_string(r - 1) + ".00");
    }
}

TEST_CASE("a merged cell continued from another page shows only its side border: the grid keeps that column") {
    // The project name cell runs down the first column; its top and bottom borders are on
    // the pages before and after, so its left border touches no horizontal line.
    std::vector<double> cols{110, 250, 400}, rows{60, 80, 100, 120};
    std::vector<Ruling> rulings;
    for (double y : rows) rulings.push_back(hline(y, cols.front(), cols.back()));
    for (double x : cols) rulings.push_back(vline(x, rows.front(), rows.back()));
    rulings.push_back(vline(50, 60, 120));
    std::vector<TextSpan> spans{span_at("信息系统运维项目", 55, 85, 50), span_at("产出指标", 115, 65),
                                span_right("1.00", 395, 65),           span_at("质量指标", 115, 85),
                                span_right("2.00", 395, 85),           span_at("时效指标", 115, 105),
                                span_right("3.00", 395, 105)};
    auto tables = tables_of({make_page(1, spans, rulings)});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.cols == 3);
    CHECK(cells_tile(t));
    const Cell* name = cell_at(t, 0, 0);
    REQUIRE(name);
    CHECK(name->row_span == 3);
    CHECK(name->text == "信息系统运维项目");

    // A page frame (a vertical running past the grid) is no side border.
    rulings.back() = vline(50, 20, 800);
    auto framed = tables_of({make_page(1, spans, rulings)});
    REQUIRE(framed.size() == 1);
    CHECK(framed[0].cols == 2);
}

TEST_CASE("on a scanned page two amounts in rows whose border the scan lost stay in their rows") {
    // Rows of 24 pt, 10 pt text; the border between rows 1 and 2 is found only under the label
    // column (a hairline broken in the amount column, or a seal over it).
    std::vector<double> cols{50, 150, 250}, rows{100, 124, 148, 172};
    std::vector<Ruling> rulings{vline(50, 100, 172), vline(150, 100, 172), vline(250, 100, 172),
                                hline(100, 50, 250), hline(124, 50, 250), hline(148, 50, 150), hline(172, 50, 250)};
    std::vector<TextSpan> spans{span_at("项目", 60, 107), span_at("金额", 160, 107), span_at("行政运行", 60, 131),
                                span_right("431,095.07", 245, 131), span_at("机关服务", 60, 155),
                                span_right("327,405.08", 245, 155)};
    auto scanned = spans;
    for (TextSpan& s : scanned) s.source = TextSource::ocr;
    auto tables = tables_of({make_page(1, scanned, rulings)});
    REQUIRE(tables.size() == 1);
    REQUIRE(cell_at(tables[0], 1, 1));
    CHECK(cell_at(tables[0], 1, 1)->row_span == 1);
    CHECK(cell_at(tables[0], 1, 1)->text == "431,095.07");
    REQUIRE(cell_at(tables[0], 2, 1));
    CHECK(cell_at(tables[0], 2, 1)->text == "327,405.08");
    // The same drawn as text: the border as drawn, one cell over both rows.
    tables = tables_of({make_page(1, spans, rulings)});
    REQUIRE(tables.size() == 1);
    REQUIRE(cell_at(tables[0], 1, 1));
    CHECK(cell_at(tables[0], 1, 1)->row_span == 2);

    // Labels numbered 三、 四、 under a lost border too; two lines of one label's words do not.
    std::vector<Ruling> label_rulings = rulings;
    label_rulings[5] = hline(148, 150, 250);  // the border found under the amounts only
    std::vector<TextSpan> numbered{span_at("项目", 60, 107), span_at("金额", 160, 107), span_at("三、国防支出", 60, 131),
                                   span_right("34.00", 245, 131), span_at("四、公共安全支出", 60, 155),
                                   span_right("35.00", 245, 155)};
    for (TextSpan& s : numbered) s.source = TextSource::ocr;
    tables = tables_of({make_page(1, numbered, label_rulings)});
    REQUIRE(tables.size() == 1);
    REQUIRE(cell_at(tables[0], 2, 0));
    CHECK(cell_at(tables[0], 2, 0)->text == "四、公共安全支出");
    numbered[2].text = "机关事业单位基本养老";
    numbered[4].text = "保险缴费支出";
    tables = tables_of({make_page(1, numbered, label_rulings)});
    REQUIRE(tables.size() == 1);
    REQUIRE(cell_at(tables[0], 1, 0));
    CHECK(cell_at(tables[0], 1, 0)->row_span == 2);
}

TEST_CASE("on a scanned page a heading over an amount, and rows keyed by codes, keep the borders the scan lost") {
    // Code | name | amount, rows of 20 pt; under a seal the amount column lost the border
    // under its heading and the one between the rows of 20132 and 208.
    std::vector<double> cols{50, 100, 200, 260}, rows{100, 120, 140, 160};
    std::vector<Ruling> rulings{vline(50, 100, 160),  vline(100, 100, 160), vline(200, 100, 160),
                                vline(260, 100, 160), hline(100, 50, 260),  hline(120, 50, 200),
                                hline(140, 50, 200),  hline(160, 50, 260)};
    std::vector<TextSpan> spans{span_at("编码", 55, 105),        span_at("名称", 105, 105),
                                span_at("小计", 210, 105),        span_at("20132", 55, 125),
                                span_at("组织事务", 105, 125),     span_at("208", 55, 145),
                                span_at("社会保障和就业支出", 105, 145), span_right("62.14", 255, 145)};
    auto scanned = spans;
    for (TextSpan& s : scanned) s.source = TextSource::ocr;
    auto tables = tables_of({make_page(1, scanned, rulings)});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(cells_tile(t));
    REQUIRE(cell_at(t, 0, 2));
    CHECK(cell_at(t, 0, 2)->text == "小计");
    CHECK(cell_at(t, 0, 2)->row_span == 1);
    REQUIRE(cell_at(t, 1, 2));
    CHECK(cell_at(t, 1, 2)->row_span == 1);  // 20132's own empty cell: the amount is 208's
    CHECK(cell_at(t, 1, 2)->text.empty());
    REQUIRE(cell_at(t, 2, 2));
    CHECK(cell_at(t, 2, 2)->text == "62.14");

    // The same drawn as text: one cell over the three rows, as drawn.
    tables = tables_of({make_page(1, spans, rulings)});
    REQUIRE(tables.size() == 1);
    REQUIRE(cell_at(tables[0], 0, 2));
    CHECK(cell_at(tables[0], 0, 2)->row_span == 3);

    // Rows without codes (indicators of one project) keep a merged amount cell.
    scanned[3].text = "产出指标";
    scanned[5].text = "效益指标";
    tables = tables_of({make_page(1, scanned, rulings)});
    REQUIRE(tables.size() == 1);
    REQUIRE(cell_at(tables[0], 1, 2));
    CHECK(cell_at(tables[0], 1, 2)->row_span == 2);
}

TEST_CASE("on a scanned page headings side by side under one heading keep the column borders the scan lost") {
    // 单位资金 over 小计 | 事业收入 | 事业单位经营收入; a seal took the two inner borders out
    // of the lower header row only.
    std::vector<double> cols{50, 100, 160, 220}, rows{100, 120, 150, 170};
    std::vector<Ruling> rulings{hline(100, 50, 220), hline(120, 50, 220), hline(150, 50, 220), hline(170, 50, 220),
                                vline(50, 100, 170), vline(220, 100, 170), vline(100, 150, 170), vline(160, 150, 170)};
    std::vector<TextSpan> spans{span_at("单位资金", 115, 105), span_at("小计", 60, 130),
                                span_at("事业收入", 110, 130), span_at("事业单位经", 165, 123),
                                span_at("营收入", 170, 136),   span_right("76.02", 95, 155),
                                span_right("55.42", 155, 155), span_right("10.38", 215, 155)};
    auto scanned = spans;
    for (TextSpan& s : scanned) s.source = TextSource::ocr;
    auto tables = tables_of({make_page(1, scanned, rulings)});
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    REQUIRE(t.cols == 3);
    CHECK(cells_tile(t));
    REQUIRE(cell_at(t, 0, 0));
    CHECK(cell_at(t, 0, 0)->col_span == 3);  // the heading over all three stays one cell
    REQUIRE(cell_at(t, 1, 0));
    CHECK(cell_at(t, 1, 0)->text == "小计");
    REQUIRE(cell_at(t, 1, 1));
    CHECK(cell_at(t, 1, 1)->text == "事业收入");
    REQUIRE(cell_at(t, 1, 2));
    CHECK(cell_at(t, 1, 2)->text == "事业单位经营收入");

    // Drawn as text: the lower header row stays one cell, as drawn.
    tables = tables_of({make_page(1, spans, rulings)});
    REQUIRE(tables.size() == 1);
    REQUIRE(cell_at(tables[0], 1, 0));
    CHECK(cell_at(tables[0], 1, 0)->col_span == 3);

    // A spaced-out heading read as single characters is one cell.
    scanned[1].text = "项";
    scanned[2].text = "目";
    scanned.erase(scanned.begin() + 3, scanned.begin() + 5);
    tables = tables_of({make_page(1, scanned, rulings)});
    REQUIRE(tables.size() == 1);
    REQUIRE(cell_at(tables[0], 1, 0));
    CHECK(cell_at(tables[0], 1, 0)->col_span == 3);
}

TEST_CASE("a parenthesis OCR read as an angle bracket on one line of a wrapped label pairs up in its cell") {
    std::vector<Ruling> rulings{hline(100, 50, 250), hline(120, 50, 250), hline(160, 50, 250),
                                vline(50, 100, 160), vline(150, 100, 160), vline(250, 100, 160)};
    std::vector<TextSpan> spans{span_at("项目名称", 60, 105), span_at("金额", 160, 105),
                                span_at("资金预算(第五批)", 55, 124), span_at("〈省级配套", 55, 136),
                                span_at(")", 55, 148), span_right("136.78", 245, 136)};
    auto scanned = spans;
    for (TextSpan& s : scanned) s.source = TextSource::ocr;
    auto tables = tables_of({make_page(1, scanned, rulings)});
    REQUIRE(tables.size() == 1);
    REQUIRE(cell_at(tables[0], 1, 0));
    CHECK(cell_at(tables[0], 1, 0)->text == "资金预算(第五批)(省级配套)");
    // Printed so, it stays as printed.
    tables = tables_of({make_page(1, spans, rulings)});
    REQUIRE(tables.size() == 1);
    REQUIRE(cell_at(tables[0], 1, 0));
    CHECK(cell_at(tables[0], 1, 0)->text == "资金预算(第五批)〈省级配套)");
}
