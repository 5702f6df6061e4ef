#include "layouts/table_rows.h"

#include <doctest/doctest.h>

#include "layouts/text_match.h"

using namespace budgetpdf;

namespace {

constexpr int item = 0, closes = 1;

RowMeaning row(const std::string& label, double indent, bool top_level = false) {
    RowMeaning m;
    m.label = label;
    m.ordinal_rank = ordinal_rank(label);
    m.indent_pt = indent;
    m.top_level = top_level;
    return m;
}

}  // namespace

TEST_CASE("parents from ordinals: ranks nest, a total closes every open parent") {
    std::vector<RowMeaning> rows = {row("一、财政拨款收入", 0), row("（一）一般公共预算", 0), row("1.基本支出", 0),
                                    row("2.项目支出", 0), row("（二）政府性基金预算", 0), row("本年收入合计", 0),
                                    row("二、事业收入", 0)};
    RowHierarchy h = parents_from_ordinals(rows, {item, item, item, item, item, closes, item});
    CHECK(h.parents == std::vector<int>{-1, 0, 1, 1, 0, -1, -1});
    CHECK(h.sums_children[0]);  // （一）（二）: one rank
    CHECK(h.sums_children[1]);  // 1. 2.
    CHECK_FALSE(h.sums_children[2]);
}

TEST_CASE("parents from ordinals: a numbered list indented under a row without an ordinal is its parts") {
    // 深圳 财政拨款收支总表: 财政拨款 above 1.一般公共预算拨款 2.政府性基金预算拨款 …, then
    // 上年结余、结转 (a section) above its own 1. 2. 3.
    std::vector<RowMeaning> rows = {row("财政拨款", 0.5),
                                    row("1.一般公共预算拨款", 6.0),
                                    row("2.政府性基金预算拨款", 6.0),
                                    row("3.国有资本经营预算拨款", 6.0),
                                    row("上年结余、结转", 0.5, true),
                                    row("1.一般公共预算拨款结余、结转", 6.0),
                                    row("2.政府性基金预算拨款结余、结转", 6.0)};
    RowHierarchy h = parents_from_ordinals(rows, std::vector<int>(rows.size(), item));
    CHECK(h.parents == std::vector<int>{-1, 0, 0, 0, -1, 4, 4});
    CHECK(h.sums_children[0]);
    CHECK(h.sums_children[4]);

    // Printed at the same indent, the list stands beside the row: nothing says it itemises it.
    std::vector<RowMeaning> flat = {row("财政拨款", 0.5), row("1.一般公共预算拨款", 0.5), row("2.政府性基金预算拨款", 0.5)};
    RowHierarchy f = parents_from_ordinals(flat, {item, item, item});
    CHECK(f.parents == std::vector<int>{-1, -1, -1});
    CHECK_FALSE(f.sums_children[0]);
}

TEST_CASE("parents from ordinals: unnumbered rows nest by indentation, one indent sums nothing") {
    std::vector<RowMeaning> rows = {row("一般公共服务支出", 0), row("审计事务", 8), row("行政运行", 16),
                                    row("审计业务", 16), row("教育支出", 0)};
    RowHierarchy h = parents_from_ordinals(rows, std::vector<int>(rows.size(), item));
    CHECK(h.parents == std::vector<int>{-1, 0, 1, 1, -1});
    CHECK(h.sums_children[0]);
    CHECK(h.sums_children[1]);

    // All at one indent: 款 and 项 cannot be told apart, so no row sums the rows under it.
    std::vector<RowMeaning> same = {row("一、一般公共服务支出", 0), row("审计事务", 0), row("行政运行", 0)};
    RowHierarchy s = parents_from_ordinals(same, {item, item, item});
    CHECK(s.parents == std::vector<int>{-1, 0, 0});
    CHECK_FALSE(s.sums_children[0]);
}

TEST_CASE("centred labels: their indents say nothing, so no row nests under another") {
    // 长沙 2025年度普惠金融发展专项资金下达情况表: 县市区 centred in a 140 pt column.
    auto centred = [](const std::string& label, double text_width) {
        RowMeaning m = row(label, (140 - text_width) / 2);
        m.right_gap_pt = (140 - text_width) / 2 + 1.5;  // a scan's borders: not quite symmetric
        return m;
    };
    std::vector<std::vector<RowMeaning>> rows = {{centred("市创业指导中心", 80)}, {centred("岳麓区（湘江新区）", 98)},
                                                 {centred("芙蓉区", 34)}, {centred("天心区", 34)}};
    forget_centred_indents(rows, 0);
    std::vector<RowMeaning> flat;
    for (const auto& r : rows) {
        CHECK(r[0].indent_pt == 0);
        flat.push_back(r[0]);
    }
    RowHierarchy h = parents_from_ordinals(flat, std::vector<int>(flat.size(), item));
    CHECK(h.parents == std::vector<int>{-1, -1, -1, -1});

    // Labels set in by level, left-aligned: their right gaps differ, the indents stay.
    std::vector<std::vector<RowMeaning>> nested = {{row("一般公共服务支出", 2)}, {row("审计事务", 10)}, {row("行政运行", 18)}};
    nested[0][0].right_gap_pt = 60;
    nested[1][0].right_gap_pt = 80;
    nested[2][0].right_gap_pt = 72;
    forget_centred_indents(nested, 0);
    CHECK(nested[1][0].indent_pt == 10);
    CHECK(nested[2][0].indent_pt == 18);
}
