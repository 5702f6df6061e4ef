#include "normalize/text.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

using namespace budgetpdf;

namespace {

// Structural UTF-8 check: lead bytes, continuation counts, no surrogates, ≤ U+10FFFF.
bool is_valid_utf8(const std::string& text) {
    for (size_t i = 0; i < text.size();) {
        unsigned char lead = static_cast<unsigned char>(text[i]);
        int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
        if (extra < 0 || i + static_cast<size_t>(extra) >= text.size()) return false;
        char32_t point = extra == 0 ? lead : lead & (0x3F >> extra);
        for (int k = 1; k <= extra; ++k) {
            unsigned char next = static_cast<unsigned char>(text[i + static_cast<size_t>(k)]);
            if ((next >> 6) != 0x2) return false;
            point = (point << 6) | (next & 0x3F);
        }
        bool overlong = (extra == 1 && point < 0x80) || (extra == 2 && point < 0x800) || (extra == 3 && point < 0x10000);
        if (overlong || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF)) return false;
        i += static_cast<size_t>(extra) + 1;
    }
    return true;
}

}  // namespace

TEST_CASE("the UTF-8 check used below rejects what it should") {
    CHECK(is_valid_utf8("阳泉 a"));
    CHECK_FALSE(is_valid_utf8("\xff"));
    CHECK_FALSE(is_valid_utf8("\xe9\x98"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));
}

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
    Cell cell;
    cell.text = "（一） 行政 运行";
    table.cells.push_back(cell);
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

TEST_CASE("property: random bytes give valid UTF-8 that stays fixed (fixed seed)") {
    std::mt19937 random(31337);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> length(0, 24);
    for (int i = 0; i < 3000; ++i) {
        std::string bytes;
        for (int k = length(random); k > 0; --k) bytes.push_back(static_cast<char>(byte(random)));
        std::string once = normalize_text(bytes);
        CHECK(normalize_text(once) == once);
        CHECK(is_valid_utf8(once));
    }
}
