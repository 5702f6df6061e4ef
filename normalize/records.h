#pragma once
// From table readings (amounts still as printed) to SCHEMA.md records: amounts parsed
// and scaled to 元, levels from code lengths, sorted in output order.

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/page.h"
#include "model/reading.h"
#include "model/record.h"
#include "normalize/metadata.h"

namespace budgetpdf {

// One record per amount that prints a value (zero included). Blank and not-applicable
// cells give none; an unreadable cell gives a Diagnostic `unreadable_amount` instead; a
// table whose unit is not 元/万元/千元 gives `unknown_unit` and no records. check is
// "unchecked" (the identity checks fill it). The result is sorted (sort_records).
std::vector<Record> records_from_readings(const std::vector<TableReading>& readings,
                                          const DocumentMeta& meta, TextSource method,
                                          std::vector<Diagnostic>& diagnostics);

// SCHEMA.md's confidence, once the checks have run: the text's own confidence (1 for a text
// layer) × 0.8 when no identity covers the amount (check unchecked), × 0.5 when one fails
// (mismatch), × 0.7 when its table prints no unit of its own. 1 only for a clean text layer, an
// own unit and check ok.
void set_confidence(std::vector<Record>& records, const std::vector<TableReading>& readings);

// A row printing two classifications of itself (部门 301 01 基本工资 | 政府 501 01 工资奖金津补贴)
// gives each of its amounts once per classification: after the checks, every record of such a
// row is copied under the second code (its code_system, level and name), with the same amount,
// check and confidence. Sum within one code_system. Call before sort_records.
void add_cross_classified_records(std::vector<Record>& records, const std::vector<TableReading>& readings);

// SCHEMA.md order: source, page, table (table_index, then order_on_page), row, column.
// table_index follows document order, so a table continued from an earlier page sorts
// before the tables that start on this page. Stable.
void sort_records(std::vector<Record>& records);

// 类 / 款 / 项 from the code's length (功能分类 3/5/7 digits, 经济分类 3/5); "" when
// the code is empty or its length fits no level of its system.
std::string level_from_code(const std::string& code, CodeSystem system);

// A confidence in [0, 1] as SCHEMA.md writes it: "1", "0", or up to two decimals ("0.93",
// "0.9"), rounded to the nearest hundredth.
std::string confidence_string(double confidence);

// "text" or "ocr".
const char* method_name(TextSource method);

}  // namespace budgetpdf
