#include "normalize/text.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using namespace budgetpdf;

TEST_CASE("NFKC turns full-width forms into ASCII and keeps 、 and 。") {
    CHECK(normalize_text("（一）") == "(一)");
    CHECK(normalize_text("金额单位：万元") == "金额单位:万元");
    CHECK(normalize_text("８，６１１，４９４．８３") == "8,611,494.83");
    CHECK(normalize_text("ＡＢＣ") == "ABC");
    CHECK(normalize_text("一、基本支出。") == "一、基本支出。");
    CHECK(normalize_text("－") == "-");
}

TEST_CASE("spaces between CJK characters go, other runs become one space") {
    CHECK(normalize_text("一般 公共 服务支出") == "一般公共服务支出");
    CHECK(normalize_text("（一） 一般公共服务") == "(一)一般公共服务");
    CHECK(normalize_text("部门名称：　阳泉市商务局") == "部门名称:阳泉市商务局");
    CHECK(normalize_text("财政拨款 “三公” 经费") == "财政拨款“三公”经费");
    CHECK(normalize_text("  2022 年度 \t ") == "2022 年度");
    CHECK(normalize_text("Microsoft   Excel\n2010") == "Microsoft Excel 2010");
    CHECK(normalize_text("商务\u00A0局") == "商务局");
    CHECK(normalize_text("商务\u200B局") == "商务局");
    CHECK(normalize_text(" \t\n") == "");
}

TEST_CASE("compatibility ideographs and Kangxi radicals become unified ideographs") {
    CHECK(normalize_text("\u2F00") == "\u4E00");  // ⼀ Kangxi radical one → 一
    CHECK(normalize_text("\uF900") == "\u8C48");  // CJK compatibility ideograph → 豈
}

TEST_CASE("normalize_table_text reaches cells and context") {
    Table table;
    table.cells.push_back(Cell{.text = "（一） 行政 运行"});
    table.context.title = "收入 支出 决算 总表";
    table.context.unit = "金额单位：元";
    table.context.notes = {"注： 本表 无数据"};
    normalize_table_text(table);
    CHECK(table.cells[0].text == "(一)行政运行");
    CHECK(table.context.title == "收入支出决算总表");
    CHECK(table.context.unit == "金额单位:元");
    CHECK(table.context.notes[0] == "注:本表无数据");
}

TEST_CASE("property: normalizing twice changes nothing (fixed seed)") {
    const std::vector<std::string> pieces = {
        "一", "般", "公", "共", "服务", "支出", "局", "、", "。", "（", "）", "：", "，", "“", "”", "—", "——",
        "１", "２", "０", "Ａ", "ｂ", "a", "Z", "7", "3", ".", ",", "(", ")", "-", "−", "－", "/", "*",
        " ", "  ", "\u3000", "\t", "\n", "\u00A0", "\u200B", "\u2F00", "\uF900", "ｶ", "ﾞ", "\u1100", "\u1161",
        "é", "e\u0301", "①", "⑴", "㎡", "¨", "ア", "한"};
    std::mt19937 random(4242);
    std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> length(0, 14);
    for (int i = 0; i < 5000; ++i) {
        std::string text;
        for (int k = length(random); k > 0; --k) text += pieces[pick(random)];
        std::string once = normalize_text(text);
        INFO("input: " << text);
        CHECK(normalize_text(once) == once);
        CHECK(once.find("  ") == std::string::npos);
        CHECK((once.empty() || (once.front() != ' ' && once.back() != ' ')));
    }
}
