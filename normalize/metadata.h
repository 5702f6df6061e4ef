#pragma once
// Document-level facts every record repeats: where, who, which scope, year and stage,
// read from the cover page, table titles and the lines printed around tables.

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"

namespace budgetpdf {

struct DocumentMeta {
    std::string doc_id;      // filled by the pipeline (SHA-256 prefix of the file)
    std::string source;      // filled by the pipeline (file name)
    std::string region;      // e.g. 阳泉市, 上海市普陀区; empty when unknown
    std::string department;  // e.g. 阳泉市商务局; empty when unknown
    std::string scope;       // 部门, 单位 or empty
    std::string year;        // 4 digits or empty
    std::string stage;       // 预算, 决算 or empty
};

// Reads region, department, scope, year and stage. The cover (the first page with text)
// wins over table titles; otherwise the majority. Two different values for one field
// give a Diagnostic `metadata_conflict` naming both.
DocumentMeta infer_document_meta(const ExtractedDocument& document, std::vector<Diagnostic>& diagnostics);

// The same from lines already split: cover lines (first page), then the lines printed
// with tables (titles, organisation and period lines). For tests and tools.
DocumentMeta infer_document_meta_from_lines(const std::vector<std::string>& cover_lines,
                                            const std::vector<std::string>& table_lines,
                                            std::vector<Diagnostic>& diagnostics);

// The place prefix of a department name: 上海市普陀区商务委员会 → 上海市普陀区,
// 江苏省政协办公厅 → 江苏省; empty when the name starts with no place.
std::string region_from_department(const std::string& department);

}  // namespace budgetpdf
