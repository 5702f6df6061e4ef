#pragma once
// Test fixture for the identity checks: TableReadings and Records built by hand from the seed
// tables (../shared/seeds), the way layouts/ and normalize/records would build them.

#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/reading.h"
#include "model/record.h"
#include "normalize/checks.h"

namespace budgetpdf::test {

using SeedRows = std::vector<std::vector<std::string>>;

// The tab-separated lines of the table titled `title` in seed `file` (e.g. "000"), up to its
// 注/说明 line, split into cells.
SeedRows seed_rows(const std::string& file, const std::string& title);

struct RowMeaning {
    Side side = Side::none;
    RowRole role = RowRole::item;
    std::string row_key;
    std::string row_label;
    std::string code;
    CodeSystem code_system = CodeSystem::none;
    bool part_in_header = false;  // a part printed as a column (三公): row_key is the column's part
    std::string part_group;
};

class SeedDocument {
public:
    int add_table(const std::string& kind, const std::string& title, const std::string& unit, int page,
                  const std::vector<std::string>& checks);
    // One amount cell; a blank or not-applicable (——) text yields a ReadAmount but no Record.
    void add_amount(int table, int row, int col, const RowMeaning& meaning, const std::string& measure,
                    const std::string& measure_label, const std::string& printed);

    CheckSummary check();

    // The record at (table, side, code — or label when the row has no code —, measure, or the
    // header of a column no measure names); fails the test when there is none.
    Record& record(int table, const std::string& row, const std::string& measure, Side side = Side::none);
    // Changes what was printed (and its amount) the way a misprint would.
    void reprint(int table, const std::string& row, const std::string& measure, const std::string& printed,
                 Side side = Side::none);

    std::vector<std::string> mismatch_messages() const;  // identity_mismatch diagnostics
    int count_check(const std::string& check) const;      // records with that check value

    std::vector<TableReading> readings;
    std::vector<Record> records;
    std::vector<Diagnostic> diagnostics;
};

// A code table: rows 合计 (role total) and code rows; amount columns from column 2 on, one
// measure per column (empty measure: column skipped).
int add_code_table(SeedDocument& doc, const SeedRows& rows, const std::string& kind, const std::string& title,
                   const std::string& unit, int page, const std::vector<std::string>& checks,
                   const std::vector<std::string>& measures, CodeSystem system = CodeSystem::func);

// One side of a two-sided summary table, from the first row starting with 一、: the label in
// column `label_col`, amounts in the columns of `measures` (measure → column). Rows labelled
// 本年…合计 are subtotals (income_total / expenditure_total), 总计 rows grand totals
// (grand_total); a label in `sections` gets that row key and the labelled rows after it, up to
// the next subtotal/total, are its breakdown rows ("key.1", "key.2" …) as layouts/ keys them;
// 类 rows get their code from `lei_codes`.
struct SideSpec {
    Side side = Side::none;
    int label_col = 0;
    std::vector<std::pair<std::string, int>> measures;
    std::vector<std::pair<std::string, std::string>> sections;  // label → row key
};
void add_side(SeedDocument& doc, int table, const SeedRows& rows, const SideSpec& spec,
              const std::vector<std::pair<std::string, std::string>>& lei_codes);

// 类 name → code from a code table's rows (e.g. 一般公共服务支出 → 201).
std::vector<std::pair<std::string, std::string>> lei_codes_of(const SeedRows& code_rows);

}  // namespace budgetpdf::test
