#include "pipeline/ocr_recover.h"

#include <algorithm>

#include "normalize/amount.h"
#include "normalize/checks.h"
#include "normalize/records.h"
#include "pipeline/ocr_reread.h"

namespace budgetpdf {
namespace {

constexpr int max_cells_per_document = 100;  // unreadable cells read again at most

struct Unreadable {
    std::size_t reading = 0;
    std::size_t amount = 0;
};

bool on_ocr_page(const std::vector<Page>& pages, int number) {
    return std::any_of(pages.begin(), pages.end(),
                       [number](const Page& p) { return p.number == number && p.source == TextSource::ocr; });
}

int failed_identities(const std::vector<TableReading>& readings, std::vector<Record>& records) {
    std::vector<Diagnostic> scratch;
    return check_identities(readings, records, scratch).failed;
}

std::vector<Record> rebuilt_records(const std::vector<TableReading>& readings, const DocumentMeta& meta,
                                    const std::vector<Page>& pages) {
    std::vector<Diagnostic> scratch;
    std::vector<Record> records = records_from_readings(readings, meta, TextSource::text_layer, scratch);
    mark_ocr_records(records, pages);
    return records;
}

const Record* record_at(const std::vector<Record>& records, int table, const ReadAmount& amount) {
    for (const Record& r : records)
        if (r.table_index == table && r.row == amount.row && r.col == amount.col) return &r;
    return nullptr;
}

void withdraw_unreadable(std::vector<Diagnostic>& diagnostics, const ReadAmount& amount) {
    auto it = std::find_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
        return d.kind == "unreadable_amount" && d.page == amount.page && d.bbox.x0 == amount.bbox.x0 &&
               d.bbox.y0 == amount.bbox.y0 && d.bbox.x1 == amount.bbox.x1 && d.bbox.y1 == amount.bbox.y1;
    });
    if (it != diagnostics.end()) diagnostics.erase(it);
}

}  // namespace

void recover_unreadable_ocr_amounts(const std::string& path, const DocumentMeta& meta, const std::vector<Page>& pages,
                                    std::vector<TableReading>& readings, std::vector<Record>& records,
                                    std::vector<Diagnostic>& diagnostics, OcrSession& ocr) {
    std::vector<Unreadable> unread;
    int budget = max_cells_per_document;
    for (std::size_t t = 0; t < readings.size(); ++t)
        for (std::size_t a = 0; a < readings[t].amounts.size(); ++a) {
            const ReadAmount& amount = readings[t].amounts[a];
            if (parse_amount(amount.printed).kind != AmountKind::unreadable || !on_ocr_page(pages, amount.page)) continue;
            if (budget-- > 0) unread.push_back({t, a});
        }
    if (unread.empty()) return;
    // Page by page, as they are read again.
    std::stable_sort(unread.begin(), unread.end(), [&](const Unreadable& x, const Unreadable& y) {
        return readings[x.reading].amounts[x.amount].page < readings[y.reading].amounts[y.amount].page;
    });
    std::vector<CellOnPage> cells;
    for (const Unreadable& u : unread) {
        const ReadAmount& amount = readings[u.reading].amounts[u.amount];
        cells.push_back({amount.page, amount.bbox});
    }
    const std::vector<std::vector<CellReading>> reread = reread_cells_on_pages(path, cells, ocr);

    int failed = failed_identities(readings, records);
    for (std::size_t k = 0; k < unread.size(); ++k) {
        TableReading& reading = readings[unread[k].reading];
        ReadAmount& amount = reading.amounts[unread[k].amount];
        std::vector<CellReading> candidates = reread[k];
        likeliest_first(candidates);
        const ReadAmount first = amount;
        for (const CellReading& candidate : candidates) {
            if (candidate.confidence < min_reread_confidence ||
                parse_amount(candidate.text).kind != AmountKind::value)
                continue;
            amount.printed = candidate.text;
            amount.confidence = std::min({first.confidence, candidate.confidence, reread_text_confidence});
            std::vector<Record> trial = rebuilt_records(readings, meta, pages);
            const int trial_failed = failed_identities(readings, trial);
            const Record* taken = record_at(trial, reading.table_index, amount);
            if (taken && taken->check == "ok" && trial_failed <= failed) {
                Diagnostic d;
                d.severity = Severity::info;
                d.kind = "ocr_reread";
                d.page = amount.page;
                d.bbox = amount.bbox;
                d.message = describe_ocr_cell(*taken) + ": read '" + first.printed + "' first, '" +
                            candidate.text + "' on reading again (" + candidate.how +
                            "), which makes its identities hold";
                failed = trial_failed;
                records = std::move(trial);
                withdraw_unreadable(diagnostics, first);
                diagnostics.push_back(std::move(d));
                break;
            }
            amount = first;
        }
    }
}

}  // namespace budgetpdf
