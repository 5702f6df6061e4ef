#include "normalize/metadata.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace budgetpdf;

namespace {

std::vector<std::string> seed_lines(const std::string& name, size_t count) {
    std::ifstream in(std::string(BUDGETPDF_SHARED_DIR) + "/seeds/" + name);
    std::vector<std::string> lines;
    std::string line;
    while (lines.size() < count && std::getline(in, line)) lines.push_back(line);
    return lines;
}

bool has_conflict(const std::vector<Diagnostic>& diagnostics, const std::string& field) {
    for (const Diagnostic& d : diagnostics)
        if (d.kind == "metadata_conflict" && d.message.rfind(field + ":", 0) == 0) return true;
    return false;
}

}  // namespace

TEST_CASE("region is the place prefix of the department") {
    CHECK(region_from_department("上海市普陀区商务委员会") == "上海市普陀区");
    CHECK(region_from_department("江苏省政协办公厅") == "江苏省");
    CHECK(region_from_department("阳泉市商务局") == "阳泉市");
    CHECK(region_from_department("晋城市商务局") == "晋城市");
    CHECK(region_from_department("上海市普陀区人民政府万里街道办事处") == "上海市普陀区");
    CHECK(region_from_department("中共江苏省委办公厅") == "江苏省");
    CHECK(region_from_department("阳泉市城市管理局") == "阳泉市");
    CHECK(region_from_department("内蒙古自治区财政厅") == "内蒙古自治区");
    CHECK(region_from_department("市场监督管理局") == "");
    CHECK(region_from_department("国家税务总局") == "");
    CHECK(region_from_department("") == "");
}

TEST_CASE("cover lines: name, year, stage and scope") {
    std::vector<Diagnostic> diagnostics;
    DocumentMeta m = infer_document_meta_from_lines(
        {"阳泉市商务局", "2022年度部门决算公开", "目 录", "五、一般公共预算财政拨款支出决算表.....9"},
        {"收入支出决算总表", "部门名称：阳泉市商务局", "金额单位：元", "2022年度"}, diagnostics);
    CHECK(m.department == "阳泉市商务局");
    CHECK(m.region == "阳泉市");
    CHECK(m.year == "2022");
    CHECK(m.stage == "决算");
    CHECK(m.scope == "部门");
    CHECK(diagnostics.empty());
}

TEST_CASE("department from a one-line cover title and from labels") {
    std::vector<Diagnostic> diagnostics;
    DocumentMeta m = infer_document_meta_from_lines({"阳泉市商务局2022年度部门决算公开"}, {}, diagnostics);
    CHECK(m.department == "阳泉市商务局");
    CHECK(m.year == "2022");

    m = infer_document_meta_from_lines({"2023年度岳阳市商务局整体支出绩效自评报告"}, {}, diagnostics);
    CHECK(m.department == "岳阳市商务局");
    CHECK(m.region == "岳阳市");

    m = infer_document_meta_from_lines(
        {}, {"2026年部门收支总表", "单位名称：阳泉市商务局 单位：万元", "预算公开表1"}, diagnostics);
    CHECK(m.department == "阳泉市商务局");
    CHECK(m.year == "2026");
    CHECK(m.stage == "预算");

    m = infer_document_meta_from_lines({}, {"编制单位:上海市普陀区商务委员会", "单位：元"}, diagnostics);
    CHECK(m.department == "上海市普陀区商务委员会");
    CHECK(m.region == "上海市普陀区");
    CHECK(diagnostics.empty());
}

TEST_CASE("fund names do not make a 决算 document a 预算 one") {
    std::vector<Diagnostic> diagnostics;
    DocumentMeta m = infer_document_meta_from_lines(
        {}, {"一般公共预算财政拨款支出决算表", "政府性基金预算财政拨款收入支出决算表"}, diagnostics);
    CHECK(m.stage == "决算");
    CHECK(diagnostics.empty());
}

TEST_CASE("conflicts: the cover wins and the other value is named") {
    std::vector<Diagnostic> diagnostics;
    DocumentMeta m = infer_document_meta_from_lines(
        {"晋城市商务局", "2023年度部门预算公开"},
        {"2023年部门收支总表", "2022年部门收支总表", "部门名称：晋城市商务局", "部门名称：晋城市商务局机关"},
        diagnostics);
    CHECK(m.year == "2023");
    CHECK(m.department == "晋城市商务局");
    CHECK(has_conflict(diagnostics, "year"));
    CHECK(has_conflict(diagnostics, "department"));
    bool names_both = false;
    for (const Diagnostic& d : diagnostics)
        names_both = names_both || (d.message.find("2022") != std::string::npos && d.message.find("2023") != std::string::npos);
    CHECK(names_both);

    diagnostics.clear();
    m = infer_document_meta_from_lines({}, {"2021年部门收支总表", "2022年部门支出总表", "2022年部门收入总表"}, diagnostics);
    CHECK(m.year == "2022");
    CHECK(has_conflict(diagnostics, "year"));
}

TEST_CASE("seed covers") {
    struct Expected {
        const char* seed;
        const char* department;
        const char* year;
        const char* stage;
        const char* scope;
    };
    for (const Expected& e : {Expected{"000_12dfeb3a6a1bd21b.txt", "阳泉市商务局", "2022", "决算", "部门"},
                              Expected{"002_886bd96bd1902dfa.txt", "阳泉市商务局", "2026", "预算", "单位"},
                              Expected{"003_7ffc7d1a0ad10ac2.txt", "晋城市商务局", "2023", "预算", "部门"}}) {
        std::vector<std::string> cover = seed_lines(e.seed, 12);
        REQUIRE(cover.size() == 12);
        std::vector<Diagnostic> diagnostics;
        DocumentMeta m = infer_document_meta_from_lines(cover, {}, diagnostics);
        INFO(e.seed);
        CHECK(m.department == e.department);
        CHECK(m.year == e.year);
        CHECK(m.stage == e.stage);
        CHECK(m.scope == e.scope);
    }
}

TEST_CASE("infer_document_meta joins the first page's spans into lines") {
    ExtractedDocument document;
    Page page;
    page.number = 1;
    auto span = [](const char* text, double x, double y) {
        TextSpan s;
        s.text = text;
        s.bbox = Rect{x, y, x + 100, y + 20};
        return s;
    };
    page.spans = {span("上海市普陀区", 100, 100), span("商务委员会", 210, 102), span("2025年", 100, 200),
                  span("部门预算", 210, 200)};
    document.pages.push_back(Page{});
    document.pages.push_back(page);
    Table table;
    table.context.title = "2025年部门收支总表";
    table.context.organisation = "编制单位：上海市普陀区商务委员会";
    document.tables.push_back(table);
    std::vector<Diagnostic> diagnostics;
    DocumentMeta m = infer_document_meta(document, diagnostics);
    CHECK(m.department == "上海市普陀区商务委员会");
    CHECK(m.region == "上海市普陀区");
    CHECK(m.year == "2025");
    CHECK(m.stage == "预算");
    CHECK(m.scope == "部门");
    CHECK(diagnostics.empty());
}

TEST_CASE("cover of a real 部门决算 (pdftotext lines of putuo_finance_2024_dept_final.pdf)") {
    std::vector<Diagnostic> diagnostics;
    DocumentMeta m = infer_document_meta_from_lines(
        {"上海市普陀区财政局", "2024年度部门决算", "目 录", "第一部分 上海市普陀区财政局概况", "一、主要职能",
         "二、部门决算单位构成", "第二部分 上海市普陀区财政局2024年度部门决算表", "一、收入支出决算总表",
         "五、一般公共预算财政拨款支出决算表"},
        {}, diagnostics);
    CHECK(m.department == "上海市普陀区财政局");
    CHECK(m.region == "上海市普陀区");
    CHECK(m.year == "2024");
    CHECK(m.stage == "决算");
    CHECK(m.scope == "部门");
    CHECK(diagnostics.empty());
}

TEST_CASE("a year printed with a space before 年 (江苏省人大办公厅 cover)") {
    std::vector<Diagnostic> diagnostics;
    DocumentMeta m = infer_document_meta_from_lines(
        {"江苏省人大常委会办公厅", "2017 年度部门预算", "目 录", "第一部分 部门概况"}, {}, diagnostics);
    CHECK(m.department == "江苏省人大常委会办公厅");
    CHECK(m.year == "2017");
    CHECK(m.stage == "预算");
    CHECK(m.region == "江苏省");
}
