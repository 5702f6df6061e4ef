// Published disclosures of other cities (../shared/real/renwu), one test per symptom seen
// there. The expected values were read from the pages (pdftotext -layout and the rendered
// page), not from the extractor's output.

#include "extract/context_lines.h"
#include "extract/pdf_reader.h"
#include "extract/table_finder.h"

#include <doctest/doctest.h>

#include <string>

#include "pdf_test_files.h"
#include "table_test_pages.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

namespace {

const std::string renwu = "real/renwu/";

std::vector<const Table*> titled(const std::vector<Table>& tables, const std::string& title) {
    std::vector<const Table*> out;
    for (const Table& t : tables)
        if (t.context.title == title) out.push_back(&t);
    return out;
}

bool joined_in_order(const Table& t) {
    for (size_t k = 1; k < t.parts.size(); ++k)
        if (t.parts[k].page != t.parts[k - 1].page + 1 ||
            t.parts[k].first_row != t.parts[k - 1].first_row + t.parts[k - 1].row_count)
            return false;
    return true;
}

}  // namespace

TEST_CASE("renwu: cell borders drawn by Excel as mitred fills make a ruled grid (广州 统计局 page 14)") {
    auto tables = tables_of_file(renwu + "广州__统计局_2026年部门预算__3efdfa22.pdf", 14, 15);
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.method == GridMethod::lattice);
    CHECK(t.context.title == "一般公共预算基本支出情况表（按经济分类科目）");
    CHECK(t.context.tag == "表6");
    CHECK(t.last_page() == 15);
    CHECK(contains(row_of(t, "[30101]基本工资"), "927.35"));
    CHECK(contains(row_of(t, "[301]工资福利支出"), "7,131.66"));
    CHECK(contains(row_of(t, "[31007]信息网络及软件购置更新"), "5.00"));
}

TEST_CASE("renwu: a table continued with its title, tag, unit and header repeated is one table (深圳 审计局 收支总表)") {
    auto tables = tables_of_file(renwu + "深圳__2026年深圳市审计局部门预算__6bc2839e.pdf", 17, 19);
    auto found = titled(tables, "收支总表");
    REQUIRE(found.size() == 1);
    const Table& t = *found[0];
    CHECK(t.page == 17);
    CHECK(t.last_page() == 18);
    REQUIRE(t.parts.size() == 2);
    CHECK(t.parts[1].repeats_header);
    CHECK(t.context.tag == "表1");
    CHECK(joined_in_order(t));
    auto total = row_of(t, "收入总计");
    CHECK(contains(total, "10,737.69"));
    CHECK(contains(total, "支出总计"));
    // 二、表格部分 (a section heading over the first table) is not its title.
    CHECK(titled(tables, "二、表格部分").empty());
}

TEST_CASE("renwu: a repeated header over columns sized differently on each page joins (广州 卫健委 表12)") {
    auto tables = tables_of_file(renwu + "广州__2026年广州市卫生健康委员会部门预算__45689a98.pdf", 31, 40);
    auto found = titled(tables, "部门预算项目支出及其他支出预算表");
    REQUIRE(found.size() == 1);
    CHECK(found[0]->page == 31);
    CHECK(found[0]->last_page() == 40);
    CHECK(found[0]->parts.size() == 10);
    CHECK(joined_in_order(*found[0]));
    CHECK(cells_tile(*found[0]));
}

TEST_CASE("renwu: pages of project records that end mid-page, one record per page, are one table (北京 气象局 预算12表)") {
    auto tables = tables_of_file(renwu + "北京__气象局_附件2：北京市气象局2026年度部门预算报表__a6fa9538.pdf", 17, 45);
    REQUIRE(!tables.empty());
    const Table& t = tables[0];
    CHECK(t.context.tag == "预算12表");
    CHECK(t.context.title == "项目支出绩效目标表");
    CHECK(t.page == 17);
    CHECK(t.last_page() == 45);
    CHECK(t.parts.size() == 29);
    CHECK(joined_in_order(t));
}

TEST_CASE("renwu: a merged cell continued over pages shows only its side border; the column stays in the grid (北京 水务局)") {
    auto tables = tables_of_file(renwu + "北京__水务局_2026年部门预算__c0240544.pdf", 39, 41);
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.last_page() == 41);
    CHECK(t.cols == 11);
    CHECK(cells_tile(t));
    // Page 40 opens inside a project whose name cell runs down the first column.
    bool name_in_first_column = false;
    for (const Cell& c : t.cells)
        if (c.page == 40 && c.col == 0 && c.text.find("信息系统运维类项目") != std::string::npos) name_in_first_column = true;
    CHECK(name_in_first_column);
}

TEST_CASE("renwu: forms of different projects under one repeated title stay apart (西安 政务服务 表14, 福州 商务局)") {
    auto xian = tables_of_file(renwu + "西安__政务服务和数据管理局_2026年部门预算__e1783768.pdf", 36, 44);
    auto forms = titled(xian, "部门专项业务经费绩效目标表");
    CHECK(forms.size() == 9);
    for (const Table* t : forms) CHECK(t->parts.size() == 1);

    // Titles printed inside the grid (办公楼租金项目绩效目标表, 菜篮子…) on consecutive pages.
    auto fuzhou = tables_of_file(renwu + "福州__2026年福州市商务局部门预算__17f2ee92.pdf", 31, 32);
    CHECK(fuzhou.size() == 2);
}

TEST_CASE("renwu: Excel page footers are neither titles nor table breaks (福州 中药饮片目录)") {
    auto tables = tables_of_file(renwu + "福州__医疗保障局_福州市2026年执行最高付费标准中药饮片目录__ec9b798e.pdf");
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].context.title == "福州市2026年执行最高付费标准中药饮片目录");
    CHECK(tables[0].page == 1);
    CHECK(tables[0].last_page() == 15);
    CHECK(joined_in_order(tables[0]));
}

TEST_CASE("renwu: no title is page furniture, a part heading or a sentence") {
    const char* files[] = {"深圳__2026年深圳市审计局部门预算__6bc2839e.pdf", "广州__统计局_2026年部门预算__3efdfa22.pdf",
                           "西安__2026年西安市司法局部门预算__16f9c612.pdf", "广州__2026年广州市应急管理局部门预算__9a1eb357.pdf"};
    int titles = 0;
    for (const char* file : files) {
        for (const Table& t : tables_of_file(renwu + file)) {
            if (t.context.title.empty()) continue;
            ++titles;
            LineKind kind = classify_line(t.context.title);
            CAPTURE(t.context.title);
            CHECK(kind != LineKind::page_furniture);
            CHECK(kind != LineKind::part_heading);
            CHECK(kind != LineKind::prose);
        }
    }
    CHECK(titles > 40);
    // 第二部分 2026年部门预算表 stands above 收支总体情况表 (广州).
    auto guangzhou = tables_of_file(renwu + "广州__统计局_2026年部门预算__3efdfa22.pdf", 6, 7);
    REQUIRE(!guangzhou.empty());
    CHECK(guangzhou[0].context.title == "收支总体情况表");
}

TEST_CASE("renwu: text hidden under an image is not read (烟台 医保局 page 31 title)") {
    auto tables = tables_of_file(renwu + "烟台__2026年烟台市医疗保障局部门预算__8310032b.pdf", 31, 31);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].context.title == "政策和项目预算绩效目标表");
    CHECK(tables[0].context.period.empty());
    CHECK(contains(tables[0].context.other_lines, "（三）部门预算项目绩效目标表"));
}

TEST_CASE("renwu: a landscape table on a portrait page with /Rotate 90 comes out upright (烟台 交通运输局 page 9)") {
    auto pages = read_pdf_pages(shared_file(renwu + "烟台__2026年烟台市交通运输局部门预算__0362dd5e.pdf"), {9, 9});
    REQUIRE(pages.ok());
    const Page& page = pages.value().pages[0];
    CHECK(page.width > page.height);
    std::vector<Diagnostic> diagnostics;
    auto tables = find_tables(pages.value().pages, {}, diagnostics);
    REQUIRE(tables.size() == 1);
    const Table& t = tables[0];
    CHECK(t.context.title == "收入总体情况表");
    CHECK(t.cols == 17);
    CHECK(t.header_rows == 2);
    CHECK(contains(row_of(t, "科目编码"), "财政拨款收入"));
    CHECK(contains(row_of(t, "社会保障和就业支出"), "6,732.72"));
}
