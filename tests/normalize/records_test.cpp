#include "normalize/records.h"

#include <doctest/doctest.h>

using namespace budgetpdf;

namespace {

ReadAmount amount(int row, int col, std::string code, CodeSystem system, std::string measure,
                  std::string printed, double confidence = 1.0) {
    ReadAmount a;
    a.page = 4;
    a.row = row;
    a.col = col;
    a.code = std::move(code);
    a.code_system = system;
    a.row_label = "label " + std::to_string(row);
    a.measure = std::move(measure);
    a.measure_label = a.measure;
    a.printed = std::move(printed);
    a.confidence = confidence;
    return a;
}

DocumentMeta meta() {
    DocumentMeta m;
    m.doc_id = "0123456789abcdef";
    m.source = "yangquan.pdf";
    m.region = "阳泉市";
    m.department = "阳泉市商务局";
    m.scope = "单位";
    m.year = "2026";
    m.stage = "预算";
    return m;
}

}  // namespace

TEST_CASE("one record per printed value; blank and not-applicable give none") {
    TableReading reading;
    reading.table_index = 2;
    reading.page = 4;
    reading.order_on_page = 1;
    reading.table_kind = "expenditure";
    reading.table_title = "部门支出总表";
    reading.unit = "单位:万元";
    reading.amounts = {
        amount(3, 2, "201", CodeSystem::func, "total", "325.77"),
        amount(3, 3, "201", CodeSystem::func, "basic", "0"),
        amount(3, 4, "201", CodeSystem::func, "project", ""),
        amount(4, 2, "20113", CodeSystem::func, "total", "——"),
        amount(4, 3, "20113", CodeSystem::func, "basic", "-"),
        amount(5, 2, "2011301", CodeSystem::func, "total", "1,234.5", 0.934),
        amount(6, 2, "30101", CodeSystem::econ, "total", "0.00"),
        amount(7, 2, "", CodeSystem::none, "total", "12.3.4"),
        amount(8, 2, "", CodeSystem::none, "total", "/"),
    };
    std::vector<Diagnostic> diagnostics;
    std::vector<Record> records = records_from_readings({reading}, meta(), TextSource::text_layer, diagnostics);

    REQUIRE(records.size() == 5);
    CHECK(records[0].amount_yuan == "3257700.00");
    CHECK(records[0].amount_printed == "325.77");
    CHECK(records[0].level == "类");
    CHECK(records[0].code_system == "func");
    CHECK(records[0].unit == "万元");
    CHECK(records[0].method == "text");
    CHECK(records[0].confidence == "1");
    CHECK(records[0].check == "unchecked");
    CHECK(records[0].department == "阳泉市商务局");
    CHECK(records[0].year == "2026");
    CHECK(records[0].table_title == "部门支出总表");
    CHECK(records[0].table_index == 2);
    CHECK(records[0].order_on_page == 1);
    CHECK(records[1].amount_yuan == "0.00");
    CHECK(records[2].code == "20113");
    CHECK(records[2].level == "款");
    CHECK(records[2].amount_yuan == "0.00");
    CHECK(records[3].level == "项");
    CHECK(records[3].amount_yuan == "12345000.00");
    CHECK(records[3].confidence == "0.93");
    CHECK(records[4].code_system == "econ");
    CHECK(records[4].level == "款");

    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].kind == "unreadable_amount");
    CHECK(diagnostics[0].page == 4);
    CHECK(diagnostics[0].message.find("12.3.4") != std::string::npos);
}

TEST_CASE("a table without a known unit gives a diagnostic and no records") {
    TableReading reading;
    reading.unit = "";
    reading.amounts = {amount(1, 1, "", CodeSystem::none, "total", "5")};
    std::vector<Diagnostic> diagnostics;
    CHECK(records_from_readings({reading}, meta(), TextSource::ocr, diagnostics).empty());
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].kind == "unknown_unit");
}

TEST_CASE("levels, confidence strings and method names") {
    CHECK(level_from_code("2011301", CodeSystem::func) == "项");
    CHECK(level_from_code("50101", CodeSystem::econ_gov) == "款");
    CHECK(level_from_code("3010101", CodeSystem::econ) == "");
    CHECK(level_from_code("", CodeSystem::func) == "");
    CHECK(level_from_code("2011", CodeSystem::func) == "");
    CHECK(confidence_string(1.0) == "1");
    CHECK(confidence_string(0.0) == "0");
    CHECK(confidence_string(0.9) == "0.9");
    CHECK(confidence_string(0.07) == "0.07");
    CHECK(confidence_string(0.999) == "1");
    CHECK(confidence_string(0.004) == "0");
    CHECK(confidence_string(0.5) == "0.5");
    CHECK(confidence_string(1.7) == "1");
    CHECK(std::string(method_name(TextSource::ocr)) == "ocr");
}

TEST_CASE("records sort by source, page, table, row, column") {
    TableReading first;
    first.table_index = 0;
    first.page = 1;
    first.unit = "元";
    first.amounts = {amount(9, 1, "", CodeSystem::none, "total", "1"), amount(2, 1, "", CodeSystem::none, "total", "2")};
    first.amounts[0].page = 2;  // continued on page 2
    first.amounts[1].page = 1;
    TableReading second;
    second.table_index = 1;
    second.page = 2;
    second.order_on_page = 0;
    second.unit = "元";
    second.amounts = {amount(1, 2, "", CodeSystem::none, "total", "3"), amount(1, 1, "", CodeSystem::none, "total", "4")};
    for (ReadAmount& a : second.amounts) a.page = 2;
    std::vector<Diagnostic> diagnostics;
    std::vector<Record> records = records_from_readings({second, first}, meta(), TextSource::text_layer, diagnostics);
    REQUIRE(records.size() == 4);
    CHECK(records[0].amount_printed == "2");
    CHECK(records[1].amount_printed == "1");
    CHECK(records[2].amount_printed == "4");
    CHECK(records[3].amount_printed == "3");
}

TEST_CASE("a row printing two economic classifications gives each amount once per classification") {
    TableReading reading;
    reading.table_index = 0;
    reading.page = 4;
    reading.table_kind = "general_budget_basic";
    reading.table_title = "一般公共预算基本支出表";
    reading.unit = "万元";
    ReadAmount wage = amount(2, 4, "30101", CodeSystem::econ, "total", "220.98");
    wage.cross_code = "50101";
    wage.cross_code_system = CodeSystem::econ_gov;
    wage.cross_label = "工资奖金津补贴";
    reading.amounts = {amount(1, 4, "301", CodeSystem::econ, "total", "1,049.74"), wage};
    std::vector<Diagnostic> diagnostics;
    std::vector<Record> records = records_from_readings({reading}, meta(), TextSource::text_layer, diagnostics);
    REQUIRE(records.size() == 2);
    records[1].check = "ok";
    records[1].confidence = "1";
    add_cross_classified_records(records, {reading});
    sort_records(records);
    REQUIRE(records.size() == 3);
    CHECK(records[1].code == "30101");
    CHECK(records[1].code_system == "econ");
    const Record& crossed = records[2];
    CHECK(crossed.code == "50101");
    CHECK(crossed.code_system == "econ_gov");
    CHECK(crossed.level == "款");
    CHECK(crossed.row_label == "工资奖金津补贴");
    CHECK(crossed.amount_yuan == "2209800.00");
    CHECK(crossed.check == "ok");
    CHECK(crossed.confidence == "1");
    CHECK(crossed.bbox.x0 == records[1].bbox.x0);
}
