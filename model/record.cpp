#include "model/record.h"

#include <cmath>
#include <cstdlib>
#include <string>

namespace budgetpdf {

std::string bbox_text(const Rect& box) {
    if (box.empty()) return "";
    auto one_decimal = [](double v) {
        // Tenths of a point, rounded half away from zero; "-0.0" never printed.
        long tenths = std::lround(v * 10);
        std::string sign = tenths < 0 ? "-" : "";
        long a = std::labs(tenths);
        return sign + std::to_string(a / 10) + "." + std::to_string(a % 10);
    };
    return one_decimal(box.x0) + " " + one_decimal(box.y0) + " " + one_decimal(box.x1) + " " + one_decimal(box.y1);
}

const std::vector<std::string>& record_field_names() {
    static const std::vector<std::string> names = {
        "doc_id", "source", "region", "department", "scope", "year", "stage", "table_kind",
        "table_title", "page", "side", "row_label", "code", "code_system", "level", "measure",
        "measure_label", "amount_yuan", "unit", "amount_printed", "method", "confidence", "check",
        "row_key", "bbox"};
    return names;
}

std::vector<std::string> record_field_values(const Record& r) {
    return {r.doc_id, r.source, r.region, r.department, r.scope, r.year, r.stage, r.table_kind,
            r.table_title, std::to_string(r.page), r.side, r.row_label, r.code, r.code_system,
            r.level, r.measure, r.measure_label, r.amount_yuan, r.unit, r.amount_printed, r.method,
            r.confidence, r.check, r.row_key, bbox_text(r.bbox)};
}

const std::vector<std::string>& document_field_names() {
    static const std::vector<std::string> names = {
        "doc_id", "source", "region", "department", "scope", "year", "stage", "pages", "pages_ocr",
        "tables_found", "records", "checks_total", "checks_failed", "status", "error",
        "pages_no_text", "tables_unread", "amounts_unreadable", "pipeline"};
    return names;
}

std::vector<std::string> document_field_values(const DocumentSummary& s) {
    return {s.doc_id, s.source, s.region, s.department, s.scope, s.year, s.stage,
            std::to_string(s.pages), std::to_string(s.pages_ocr), std::to_string(s.tables_found),
            std::to_string(s.records), std::to_string(s.checks_total),
            std::to_string(s.checks_failed), s.status, s.error, std::to_string(s.pages_no_text),
            std::to_string(s.tables_unread), std::to_string(s.amounts_unreadable), s.pipeline};
}

}  // namespace budgetpdf
