#pragma once
// The output contract of ../shared/SCHEMA.md as value types: one Record per printed
// amount, one DocumentSummary per source file. Field order here is the CSV column order.

#include <string>
#include <vector>

#include "model/geometry.h"

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
    std::string row_key;      // the layout's key of a row without a code (grand_total, …); "" for code rows
    Rect bbox;                // the amount's cell on its page: PDF points, origin top-left of the upright page

    // Not part of the output: where the amount sits, for sorting and for the checks, and how
    // sure the reading of its text is (1 for a text layer; the recogniser's score for OCR).
    double text_confidence = 1.0;
    int table_index = 0;
    int order_on_page = 0;
    int row = 0;
    int col = 0;
};

// SCHEMA.md's bbox field: "x0 y0 x1 y1" with one decimal, space-separated; "" for an empty box.
std::string bbox_text(const Rect& box);

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
    // Second version of SCHEMA.md: what was lost, and what produced the rows.
    int pages_no_text = 0;       // pages with no usable text that were not read by OCR
    int tables_unread = 0;       // tables that print amounts but gave no records
    int amounts_unreadable = 0;  // amount cells whose text is not an amount
    std::string pipeline;        // converter version and layouts hash, e.g. "0.2.0+layouts.1a2b3c4d5e6f7a8b"
};

const std::vector<std::string>& document_field_names();
std::vector<std::string> document_field_values(const DocumentSummary& summary);

}  // namespace budgetpdf
