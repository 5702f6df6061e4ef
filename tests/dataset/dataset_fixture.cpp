#include "tests/dataset/dataset_fixture.h"

#include <unistd.h>

#include <fstream>
#include <iterator>

namespace budgetpdf::test {

SampleDocument sample_document(const std::string& region, const std::string& department, const std::string& year,
                               const std::string& source, const std::string& doc_id) {
    SampleDocument doc;
    DocumentSummary& s = doc.summary;
    s.doc_id = doc_id, s.source = source, s.region = region, s.department = department, s.scope = "部门";
    s.year = year, s.stage = "预算", s.pages = 3, s.tables_found = 2, s.status = "ok";
    s.pipeline = "0.2.0+layouts.0123456789abcdef";
    struct Row {
        const char* kind;
        const char* title;
        const char* side;
        const char* label;
        const char* code;
        const char* measure;
        const char* amount;
        const char* row_key;
    };
    const Row rows[] = {
        {"expenditure", "支出预算总表", "", "行政运行", "2010301", "total", "1200.50", ""},
        {"expenditure", "支出预算总表", "", "行政运行", "2010301", "basic", "1000.50", ""},
        {"expenditure", "支出预算总表", "", "行政运行", "2010301", "project", "200.00", ""},
        {"summary", "收支预算总表", "income", "一、一般公共预算拨款收入", "", "total", "1200.50", "general_budget"},
        {"summary", "收支预算总表", "expenditure", "一般公共服务支出", "201", "total", "1200.50", ""},
    };
    int page = 1;
    for (const Row& row : rows) {
        Record r;
        r.doc_id = doc_id, r.source = source, r.region = region, r.department = department, r.scope = "部门";
        r.year = year, r.stage = "预算", r.table_kind = row.kind, r.table_title = row.title, r.page = page;
        r.side = row.side, r.row_label = row.label, r.code = row.code, r.code_system = *row.code ? "func" : "";
        r.level = std::string(row.code).size() == 7 ? "项" : *row.code ? "类" : "";
        r.measure = row.measure, r.measure_label = row.measure, r.amount_yuan = row.amount, r.unit = "元";
        r.amount_printed = row.amount, r.method = "text", r.confidence = "1", r.check = "ok", r.row_key = row.row_key;
        r.bbox = Rect{100.5, 200, 150.25, 212.75};
        doc.records.push_back(r);
    }
    s.records = static_cast<int>(doc.records.size());
    doc.diagnostics.push_back({doc_id, source, Diagnostic{Severity::warning, "unit_inferred", 2, Rect{1, 2, 3, 4},
                                                          "unit taken from\nthe table before"}});
    doc.input = InputFile{"/data/" + year + "/" + source, source, 12345, 1'700'000'000'000'000'000};
    return doc;
}

fs::path dataset_scratch(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("budgetpdf_dataset_" + name + "_" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace budgetpdf::test
