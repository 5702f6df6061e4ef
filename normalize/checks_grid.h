#pragma once
// Internal to the identity checks (checks*.cpp): a table's amount cells joined to their
// records and grouped into lines, and the ledger that evaluates identities, marks the records
// taking part and writes one diagnostic per failing identity.

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "model/reading.h"
#include "model/record.h"
#include "normalize/checks.h"
#include "normalize/decimal.h"

namespace budgetpdf {

// One amount cell. Blank (no record) counts as 0.
struct CheckCell {
    const ReadAmount* amount = nullptr;  // never null
    int record = -1;                     // index into the records, -1 when blank
    Decimal value;                       // in 元; 0 when blank
    Decimal half_unit;                   // rounding the printed amount may carry, in 元
    // What the cell's column means to the identities: its measure; an amount column no layout
    // names is known by its header (each such column a measure of its own); columns of another
    // period (上年 | 增减) keep the empty measure.
    std::string key;
    // Printed but not an amount ('N 367' read through a seal): its value is unknown, not 0, so
    // no identity it takes part in is evaluated.
    bool unreadable = false;
    bool printed() const { return record >= 0; }
};

// The cells of one printed row on one side with one meaning (a row of a two-sided table is two
// lines; a row holding several code blocks side by side is one line per code).
struct CheckLine {
    Side side = Side::none;
    int block = 0;           // the column block of its cells (a summary side may print several)
    int row = 0;
    RowRole role = RowRole::item;
    bool breakdown = false;  // row_key "parent.part": itemises the row keyed "parent"
    int parent_row = -1;     // the row this row itemises by ordinals or indentation, -1 at the top
    bool sums_children = false;  // the rows naming it as parent add up to it
    std::string row_key;
    std::string row_label;
    std::string code;
    CodeSystem code_system = CodeSystem::none;
    int page = 0;
    std::vector<CheckCell> cells;  // column order

    const CheckCell* cell(std::string_view measure) const;  // first cell of that measure
    bool any_printed() const;
    std::string describe() const;  // code and label, or row key / label
};

struct CheckTable {
    const TableReading* reading = nullptr;
    std::vector<CheckLine> lines;  // row order; within a row, column order of the first cell

    bool promises(std::string_view identity) const;
    bool has_measure(std::string_view measure, Side side) const;
    std::vector<std::string> measures(Side side) const;  // column order of first appearance
    std::vector<Side> sides() const;                     // sides present, income first
    std::string where(int page) const;                   // "expenditure 支出决算表 p6"
};

// Half a unit of the last printed decimal of `printed`, in 元, for a table in `unit`; 0 when
// the amount is printed to the 分 or finer, or has no digits.
Decimal half_unit_yuan(std::string_view printed, std::string_view unit);

std::vector<CheckTable> build_check_tables(const std::vector<TableReading>& readings,
                                           const std::vector<Record>& records);

// When an identity is evaluated, given which of its terms are printed.
enum class EvaluateWhen {
    any_printed,   // lhs or any rhs term printed (hierarchies, side sums, cross-table)
    part_printed,  // at least one rhs term printed (column identities, 三公 parts)
};

struct IdentityText {
    std::string identity;  // e.g. code_hierarchy
    std::string lhs;       // e.g. "类 201 一般公共服务支出"
    std::string rhs;       // e.g. "Σ款"
    std::string measure;   // canonical measure key, may be empty
    const CheckTable* table = nullptr;  // where the lhs is printed
    const CheckTable* other = nullptr;  // where the rhs is printed, for cross-table identities
};

class CheckLedger {
public:
    explicit CheckLedger(std::size_t record_count);

    // Evaluates lhs = Σ rhs (null or blank cells count as 0). Returns false when not evaluated
    // (nothing printed, or a term unreadable).
    bool expect_sum(const IdentityText& text, const CheckCell* lhs,
                    const std::vector<const CheckCell*>& rhs, EvaluateWhen when);

    // Writes `check` into every record and appends the diagnostics gathered.
    CheckSummary finish(std::vector<Record>& records, std::vector<Diagnostic>& diagnostics);

private:
    enum class State : unsigned char { none, ok, mismatch };
    std::vector<State> states_;
    std::vector<Diagnostic> diagnostics_;
    CheckSummary summary_;
};

// Identity families, one file each.
void check_table_identities(const CheckTable& table, CheckLedger& ledger);    // checks_table.cpp
void check_summary_identities(const CheckTable& table, CheckLedger& ledger);  // checks_summary.cpp
void check_three_public(const CheckTable& table, CheckLedger& ledger);        // checks_three_public.cpp
void check_subtotals(const CheckTable& table, CheckLedger& ledger);           // checks_subtotals.cpp
void check_cross_tables(const std::vector<CheckTable>& tables, CheckLedger& ledger);  // checks_cross.cpp

// Helpers shared by the identity files.
bool is_lei(const CheckLine& line);  // 3-digit code
// An item of its side's sums: role item, not a breakdown, not under another row.
bool is_top_item(const CheckLine& line);
std::vector<const CheckCell*> cells_of(const std::vector<const CheckLine*>& lines,
                                       std::string_view measure);

}  // namespace budgetpdf
