#pragma once
// The output contract of ../shared/SCHEMA.md as value types: one Record per printed
// amount, one DocumentSummary per source file. Field order here is the CSV column order.

#include <string>
#include <vector>

namespace budgetpdf {

struct Record {
    std::string doc_id;
    std::string source;
    std::string region;
    std::string department;
    std::string scope;
    std::string year;
    std::string stage;
    std::string table_kind;
    std::string table_title;
    int page = 0;
    std::string side;
    std::string row_label;
    std::string code;
    std::string code_system;
    std::string level;
    std::string measure;
    std::string measure_label;
    std::string amount_yuan;
    std::string unit;
    std::string amount_printed;
    std::string method;       // text or ocr
    std::string confidence;   // decimal string, e.g. "1" or "0.93"
    std::string check;        // ok, mismatch or unchecked

    // Not part of the output: where the amount sits, for sorting and for the checks.
    int table_index = 0;
    int order_on_page = 0;
    int row = 0;
    int col = 0;
};

// Column names of records.csv, in order.
const std::vector<std::string>& record_field_names();
std::vector<std::string> record_field_values(const Record& record);

struct DocumentSummary {
    std::string doc_id;
    std::string source;
    std::string region;
    std::string department;
    std::string scope;
    std::string year;
    std::string stage;
    int pages = 0;
    int pages_ocr = 0;
    int tables_found = 0;
    int records = 0;
    int checks_total = 0;
    int checks_failed = 0;
    std::string status;  // ok, partial or failed
    std::string error;   // empty, or a one-line reason
};

const std::vector<std::string>& document_field_names();
std::vector<std::string> document_field_values(const DocumentSummary& summary);

}  // namespace budgetpdf
