#include "extract/ocr_text_mends.h"

#include <doctest/doctest.h>

using namespace budgetpdf;

TEST_CASE("a parenthesis OCR read as an angle bracket is put back where the line pairs it") {
    CHECK(parentheses_restored("2025年资金预算(第五批)〈省级配套)") == "2025年资金预算(第五批)(省级配套)");
    CHECK(parentheses_restored("〈其中包括基本支出明细情况）") == "（其中包括基本支出明细情况）");
    CHECK(parentheses_restored("维修(护〉费") == "维修(护)费");
    CHECK(parentheses_restored("退职（役>费") == "退职（役）费");
    // Brackets of their own kind, or unpaired, stay as read.
    CHECK(parentheses_restored("落实《预算法》要求") == "落实《预算法》要求");
    CHECK(parentheses_restored("<100") == "<100");
    CHECK(parentheses_restored("一般公共服务支出") == "一般公共服务支出");
}

TEST_CASE("a label's colon and thousands separators OCR misread") {
    CHECK(label_colon_restored("金额单位;元") == "金额单位：元");
    CHECK(label_colon_restored("本表反映部门本年度收支情况;其余") == "本表反映部门本年度收支情况;其余");
    CHECK(thousands_separators_restored("1.977.12") == "1,977.12");
    CHECK(thousands_separators_restored("19.77") == "19.77");
    CHECK(thousands_separators_restored("1.97.12") == "1.97.12");
    CHECK(ocr_text_mended("(第五批)〈省级配套)") == "(第五批)(省级配套)");
}
