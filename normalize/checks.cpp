#include "normalize/checks.h"

#include "normalize/checks_grid.h"

namespace budgetpdf {

CheckSummary check_identities(const std::vector<TableReading>& readings, std::vector<Record>& records,
                              std::vector<Diagnostic>& diagnostics) {
    std::vector<CheckTable> tables = build_check_tables(readings, records);
    CheckLedger ledger(records.size());
    for (const CheckTable& table : tables) {
        check_table_identities(table, ledger);
        check_summary_identities(table, ledger);
        check_three_public(table, ledger);
        check_subtotals(table, ledger);
    }
    check_cross_tables(tables, ledger);
    return ledger.finish(records, diagnostics);
}

}  // namespace budgetpdf
