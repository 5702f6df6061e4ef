// The re-read loop.
//
// How it works: the identity checks are a black box here — records in, each record's check
// and one diagnostic per failing identity out — so the loop tries a value for one amount by
// running the checks on a copy of the records with that amount changed. For every OCR amount
// whose check is mismatch, its cell is read again (extract's reread_cells: first the two ways
// that most often read right, the other three only for cells those leave failing); each
// reading that parses to another value is tried, and the one that makes the amount's
// identities all hold while lowering the number of failing identities the most is taken
// (ties: the more confident reading). When no single reading helps, two doubted cells sharing
// a row or a column are tried together (two misreads in one identity mend only together).
// Taking a reading is never silent: an info diagnostic names the first reading and the new
// one. Amounts still failing are then tested against the values their identities imply: each
// difference of a failing identity naming the amount's table, added to or taken from the
// amount, is tried the same way; a value that makes all of the amount's identities hold is
// named in a warning, and the amount keeps its printed reading, check mismatch and a low
// confidence. A printed number is never replaced by a value that was not read from the page.
// Last, amounts whose identities only compare them with other readings of the same value are
// found by doubling those readings together: if no identity notices, they are not confirmed;
// nor is an amount printed with other decimals than the rest of its column, unless a
// re-reading with the column's decimals (taken by all copies of the odd reading in its table
// together) keeps its identities holding.
#include "pipeline/ocr_reread.h"

#include <algorithm>
#include <map>
#include <optional>
#include <regex>

#include "normalize/amount.h"
#include "normalize/decimal.h"
#include "normalize/records.h"
#include "normalize/text.h"

namespace budgetpdf {
namespace {

constexpr double mismatch_text_confidence = 0.5;  // cap for an OCR amount its identities reject
constexpr int max_rereads_per_document = 400;     // cells read again at most (each costs a few reads)
constexpr std::size_t pair_readings_per_cell = 6;  // likeliest helpful readings of a cell tried in pairs
constexpr double unconfirmed_text_confidence = 0.85;  // cap for an amount its identities relate only to copies of itself
constexpr int min_column_amounts_for_decimals = 3;     // other amounts of a column that must agree on their decimals

struct Trial {
    int failed = 0;
    int inexact = 0;  // identities holding only within their rounding tolerance
    bool record_ok = false;
};

// `record_ok`: records `index` and `also` all hold.
Trial run_trial(const std::vector<TableReading>& readings, std::vector<Record> records, std::size_t index,
                const std::vector<std::size_t>& also = {}) {
    std::vector<Diagnostic> scratch;
    CheckSummary summary = check_identities(readings, records, scratch);
    const bool ok = records[index].check == "ok" &&
                    std::all_of(also.begin(), also.end(), [&](std::size_t j) { return records[j].check == "ok"; });
    return {summary.failed, summary.inexact, ok};
}

std::optional<Unit> unit_of(const Record& r) { return unit_from_text(r.unit); }

// The record's amount set to `printed` (as read), in the record and its reading.
bool set_printed(Record& record, const std::string& printed) {
    ParsedAmount parsed = parse_amount(printed);
    std::optional<Unit> unit = unit_of(record);
    if (parsed.kind != AmountKind::value || !unit) return false;
    record.amount_printed = normalize_text(printed);
    record.amount_yuan = amount_yuan_string(yuan_from(parsed.value, *unit));
    return true;
}

void set_reading_printed(std::vector<TableReading>& readings, const Record& record) {
    for (TableReading& reading : readings) {
        if (reading.table_index != record.table_index) continue;
        for (ReadAmount& amount : reading.amounts)
            if (amount.row == record.row && amount.col == record.col) amount.printed = record.amount_printed;
    }
}

// The record's value with `yuan` in its own unit, as the table would print it.
std::string in_printed_unit(const Record& record, const Decimal& yuan) {
    std::optional<Unit> unit = unit_of(record);
    int exponent = 0;
    if (unit == Unit::wan_yuan) exponent = -4;
    if (unit == Unit::qian_yuan) exponent = -3;
    ParsedAmount printed = parse_amount(record.amount_printed);
    const int decimals = printed.kind == AmountKind::value ? printed.decimals_printed : 2;
    std::string text = yuan.times_power_of_ten(exponent).to_string(decimals);
    // Zeros beyond the printed decimals (万元 scaling adds four) are dropped.
    const std::size_t point = text.find('.');
    if (point != std::string::npos) {
        const std::size_t keep = decimals == 0 ? point : point + 1 + static_cast<std::size_t>(decimals);
        while (text.size() > keep && text.back() == '0') text.pop_back();
        if (!text.empty() && text.back() == '.') text.pop_back();
    }
    return text;
}

// The differences of the failing identities (their diagnostics' "diff"), each with the tables
// the identity names ("[kind title pN; other-kind other-title pM]").
struct MismatchDifference {
    std::string tables;
    Decimal difference;
};
std::vector<MismatchDifference> mismatch_differences(const std::vector<Diagnostic>& diagnostics) {
    static const std::regex diff_pattern("\\(diff (-?[0-9]+(\\.[0-9]+)?)");
    std::vector<MismatchDifference> out;
    for (const Diagnostic& d : diagnostics) {
        if (d.kind != "identity_mismatch") continue;
        std::smatch m;
        if (!std::regex_search(d.message, m, diff_pattern)) continue;
        std::optional<Decimal> value = Decimal::parse(m[1].str());
        const std::size_t bracket = d.message.rfind(" [");
        if (value && !value->is_zero())
            out.push_back({bracket == std::string::npos ? std::string() : d.message.substr(bracket), value->abs()});
    }
    return out;
}

// The distinct differences of the failing identities naming record `r`'s table: only they can
// explain a misread of its amount.
std::vector<Decimal> differences_of_table(const std::vector<MismatchDifference>& all, const Record& r) {
    const std::string table = table_reference(r.table_kind, r.table_title) + " p";
    std::vector<Decimal> out;
    for (const MismatchDifference& m : all)
        if ((m.tables.empty() || m.tables.find(table) != std::string::npos) &&
            std::find(out.begin(), out.end(), m.difference) == out.end())
            out.push_back(m.difference);
    return out;
}

Diagnostic at(Severity severity, const char* kind, const Record& r, std::string message) {
    Diagnostic d;
    d.severity = severity;
    d.kind = kind;
    d.page = r.page;
    d.bbox = r.bbox;
    d.message = std::move(message);
    return d;
}

// The value of record `i` that makes all its identities hold with the fewest identities left
// failing in the document, among the amount ± the difference of each failing identity naming
// its table.
struct Implied {
    std::optional<Decimal> value;
    int failed = 0;
};

Implied implied_value(const std::vector<TableReading>& readings, const std::vector<Record>& records, std::size_t i,
                      int failed, const std::vector<MismatchDifference>& differences) {
    Implied best{std::nullopt, failed};
    std::optional<Decimal> value = Decimal::parse(records[i].amount_yuan);
    if (!value) return best;
    for (const Decimal& d : differences_of_table(differences, records[i])) {
        for (const Decimal& v : {*value + d, *value - d}) {
            std::vector<Record> trial_records = records;
            trial_records[i].amount_yuan = amount_yuan_string(v);
            Trial trial = run_trial(readings, std::move(trial_records), i);
            if (trial.record_ok && trial.failed < best.failed) best = {v, trial.failed};
        }
    }
    return best;
}

std::vector<CellOnPage> cells_of_records(const std::vector<Record>& records, const std::vector<std::size_t>& indexes) {
    std::vector<CellOnPage> cells;
    for (std::size_t i : indexes) cells.push_back({records[i].page, records[i].bbox});
    return cells;
}

// The other doubted cells of record i's table printing what it prints, among whose
// re-readings `text` is too.
std::vector<std::size_t> doubted_copies(const std::vector<Record>& records,
                                        const std::map<std::size_t, std::vector<CellReading>>& candidates, std::size_t i,
                                        const std::string& text) {
    std::vector<std::size_t> out;
    for (const auto& [j, of_cell] : candidates) {
        const Record& r = records[j];
        if (j == i || r.check != "mismatch" || r.table_index != records[i].table_index ||
            r.amount_printed != records[i].amount_printed)
            continue;
        if (std::any_of(of_cell.begin(), of_cell.end(), [&](const CellReading& c) { return c.text == text; }))
            out.push_back(j);
    }
    return out;
}

struct Change {
    std::size_t record = 0;
    CellReading reading;
    int failed = 0;
    std::vector<std::size_t> copies;  // other cells of its table read alike, changed with it
    int inexact = 0;

    // Fewer identities failing, then fewer holding only within rounding (154.25 over 154.255
    // where the total prints 154.25), then the surer reading.
    bool better_than(const Change& other) const {
        if (failed != other.failed) return failed < other.failed;
        if (inexact != other.inexact) return inexact < other.inexact;
        return reading.confidence > other.reading.confidence;
    }
};

bool share_a_line(const Record& a, const Record& b) {
    return a.table_index == b.table_index && (a.row == b.row || (a.col == b.col && a.side == b.side));
}

// Two misreads in one identity (a 类 and its 款 both gaining a digit) mend only together: the
// helpful readings (alone, each leaves fewer identities failing) of two doubted cells of one
// table sharing a row or a column are tried together, and taken when both amounts' identities
// then hold and fewer identities fail.
std::optional<std::pair<Change, Change>> best_pair(const std::vector<TableReading>& readings,
                                                   const std::vector<Record>& records,
                                                   const std::map<std::size_t, std::vector<CellReading>>& helpful,
                                                   int failed, int fewest) {
    std::vector<std::size_t> doubted;
    for (const auto& [i, unused] : helpful)
        if (records[i].check == "mismatch") doubted.push_back(i);
    auto likeliest = [&](std::size_t i) {
        std::vector<CellReading> out = helpful.at(i);
        likeliest_first(out);
        if (out.size() > pair_readings_per_cell) out.resize(pair_readings_per_cell);
        return out;
    };
    std::optional<std::pair<Change, Change>> best;
    double best_confidence = 0;
    for (std::size_t x = 0; x < doubted.size(); ++x)
        for (std::size_t y = x + 1; y < doubted.size(); ++y) {
            const std::size_t a = doubted[x], b = doubted[y];
            if (!share_a_line(records[a], records[b])) continue;
            const std::vector<CellReading> readings_a = likeliest(a), readings_b = likeliest(b);
            for (const CellReading& ca : readings_a) {
                Record ra = records[a];
                if (!set_printed(ra, ca.text) || ra.amount_yuan == records[a].amount_yuan) continue;
                for (const CellReading& cb : readings_b) {
                    Record rb = records[b];
                    if (!set_printed(rb, cb.text) || rb.amount_yuan == records[b].amount_yuan) continue;
                    std::vector<Record> trial = records;
                    trial[a] = ra;
                    trial[b] = rb;
                    std::vector<Diagnostic> scratch;
                    const int trial_failed = check_identities(readings, trial, scratch).failed;
                    if (trial[a].check != "ok" || trial[b].check != "ok" || trial_failed >= failed ||
                        trial_failed > fewest)
                        continue;
                    const double confidence = std::min(ca.confidence, cb.confidence);
                    if (!best || trial_failed < best->first.failed ||
                        (trial_failed == best->first.failed && confidence > best_confidence)) {
                        best = std::make_pair(Change{a, ca, trial_failed, {}, 0}, Change{b, cb, trial_failed, {}, 0});
                        best_confidence = confidence;
                    }
                }
            }
        }
    return best;
}

// Re-reads the mismatched OCR amounts; returns the number of identities failing after. All
// candidate readings of all doubted cells are tried, and the single change that leaves the
// fewest identities failing is taken first (then the next, with the records as changed), so a
// correct amount is not bent to agree with a misread one when the misread one can be mended.
int apply_rereads(const std::string& path, std::vector<TableReading>& readings, std::vector<Record>& records,
                  int failed, std::vector<Diagnostic>& diagnostics, OcrSession& ocr) {
    std::vector<std::size_t> doubted;
    int budget = max_rereads_per_document;
    for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].method == "ocr" && records[i].check == "mismatch" && budget-- > 0) doubted.push_back(i);
    std::map<std::size_t, std::vector<CellReading>> candidates;
    const auto read_again = [&](const std::vector<std::size_t>& cells, RereadWays ways) {
        const std::vector<std::vector<CellReading>> reread = reread_cells_on_pages(path, cells_of_records(records, cells), ocr, ways);
        for (std::size_t k = 0; k < cells.size(); ++k) {
            std::vector<CellReading>& of_cell = candidates[cells[k]];
            for (const CellReading& c : reread[k]) {
                const bool known = std::any_of(of_cell.begin(), of_cell.end(), [&](const CellReading& r) { return r.text == c.text; });
                if (c.confidence >= min_reread_confidence && !known) of_cell.push_back(c);
            }
        }
    };
    // First the two likeliest readings of each doubted cell; the others only for the cells
    // those leave failing, and only then may a reading be taken on trial.
    read_again(doubted, RereadWays::likeliest);
    bool all_read = false;
    // Three misreads in one identity mend one at a time only through states where some of
    // their identities still fail: when neither one reading nor a pair helps, the reading that
    // leaves the fewest failures is taken on trial.
    struct OnTrial {
        std::size_t record = 0;
        Record first;
        Diagnostic note;
        bool reverted = false;
    };
    std::vector<OnTrial> tentative;
    for (;;) {
        std::vector<std::pair<Change, bool>> tried;  // each reading's change, and whether its amount's identities hold
        std::map<std::size_t, std::vector<CellReading>> helpful;
        for (const auto& [i, readings_of_cell] : candidates) {
            if (records[i].check != "mismatch") continue;
            for (const CellReading& candidate : readings_of_cell) {
                Record changed = records[i];
                if (!set_printed(changed, candidate.text) || changed.amount_yuan == records[i].amount_yuan) continue;
                std::vector<Record> trial_records = records;
                trial_records[i] = changed;
                // The same glyphs misread alike in other doubted cells of the table (a total
                // and its only part): they mend only together.
                const std::vector<std::size_t> copies = doubted_copies(records, candidates, i, candidate.text);
                for (std::size_t j : copies) set_printed(trial_records[j], candidate.text);
                Trial trial = run_trial(readings, std::move(trial_records), i, copies);
                if (trial.failed >= failed) continue;
                helpful[i].push_back(candidate);
                tried.push_back({Change{i, candidate, trial.failed, copies, trial.inexact}, trial.record_ok});
            }
        }
        // The fewest failures one changed amount could leave (each doubted amount set to what
        // its identities imply), worked out only when some reading helps. A re-reading is taken
        // only when it does as well: bending a correct amount to agree with a misread one
        // leaves the misread one's identities failing, which mending the misread one would not.
        int fewest = failed;
        if (!tried.empty()) {
            std::vector<Diagnostic> current;
            check_identities(readings, records, current);
            const std::vector<MismatchDifference> differences = mismatch_differences(current);
            for (const auto& [i, unused] : candidates)
                if (records[i].check == "mismatch")
                    fewest = std::min(fewest, implied_value(readings, records, i, failed, differences).failed);
        }
        std::optional<Change> best, most_helpful;
        for (const auto& [change, record_ok] : tried) {
            if (change.failed > fewest) continue;
            if (!most_helpful || change.better_than(*most_helpful)) most_helpful = change;
            if (record_ok && (!best || change.better_than(*best))) best = change;
        }
        std::vector<Change> taken;
        bool on_trial = false;
        if (best) {
            taken.push_back(*best);
        } else if (auto pair = best_pair(readings, records, helpful, failed, fewest)) {
            taken = {pair->first, pair->second};
        } else if (!all_read) {
            std::vector<std::size_t> still;
            for (std::size_t i : doubted)
                if (records[i].check == "mismatch") still.push_back(i);
            all_read = true;
            if (still.empty()) break;
            read_again(still, RereadWays::others);
            continue;
        } else if (most_helpful) {
            taken.push_back(*most_helpful);
            on_trial = true;
        } else {
            break;
        }
        for (const Change& change : taken) {
            std::vector<std::size_t> cells{change.record};
            cells.insert(cells.end(), change.copies.begin(), change.copies.end());
            for (std::size_t index : cells) {
                Record& r = records[index];
                if (on_trial) tentative.push_back({index, r, {}});
                const std::string first = r.amount_printed;
                set_printed(r, change.reading.text);
                // Read a second time and agreeing with the identities, but not the first
                // reading: never as sure as a clean first reading.
                r.text_confidence = std::min(change.reading.confidence, reread_text_confidence);
                set_reading_printed(readings, r);
                candidates.erase(index);
                Diagnostic note = at(Severity::info, "ocr_reread", r,
                                     describe_ocr_cell(r) + ": read '" + first + "' first, '" + r.amount_printed +
                                         "' on reading again (" + change.reading.how + ")" +
                                         (cells.size() > 1 ? ", as were the other cells of its table read '" + first + "'"
                                                           : "") +
                                         (taken.size() > 1 || on_trial ? ", with other cells of its identities read again"
                                                                       : "") +
                                         ", which makes its identities hold");
                if (on_trial)
                    tentative.back().note = std::move(note);
                else
                    diagnostics.push_back(std::move(note));
            }
            failed = change.failed;
        }
    }
    // A reading taken on trial stands only if its amount's identities all hold in the end;
    // otherwise the first reading comes back (and with it, maybe, another's failure: again).
    for (bool reverted = true; reverted;) {
        reverted = false;
        std::vector<Diagnostic> scratch;
        failed = check_identities(readings, records, scratch).failed;
        for (OnTrial& t : tentative) {
            if (t.reverted || records[t.record].check == "ok") continue;
            records[t.record] = t.first;
            set_reading_printed(readings, records[t.record]);
            t.reverted = true;
            reverted = true;
        }
    }
    for (OnTrial& t : tentative)
        if (!t.reverted) diagnostics.push_back(std::move(t.note));
    return failed;
}

// Warnings for the OCR amounts still failing. The value their identities imply is named for
// the amounts whose change alone leaves the fewest identities failing — the one misread that
// explains the failures — and for no other member of those identities.
void flag_remaining(const std::vector<TableReading>& readings, std::vector<Record>& records, int failed,
                    const std::vector<Diagnostic>& check_diagnostics, std::vector<Diagnostic>& diagnostics) {
    const std::vector<MismatchDifference> differences = mismatch_differences(check_diagnostics);
    std::vector<std::size_t> flagged;
    std::vector<Implied> implied;
    int fewest = failed;
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (records[i].method != "ocr" || records[i].check != "mismatch") continue;
        flagged.push_back(i);
        implied.push_back(implied_value(readings, records, i, failed, differences));
        if (implied.back().value) fewest = std::min(fewest, implied.back().failed);
    }
    // Per table, the amounts reaching the fewest failures; a value is named only when one amount
    // of its table does (two could each explain the failure: then neither is named).
    std::map<int, int> reaching;
    for (std::size_t k = 0; k < flagged.size(); ++k)
        if (implied[k].value && implied[k].failed == fewest) ++reaching[records[flagged[k]].table_index];
    for (std::size_t k = 0; k < flagged.size(); ++k) {
        Record& r = records[flagged[k]];
        r.text_confidence = std::min(r.text_confidence, mismatch_text_confidence);
        std::string message = describe_ocr_cell(r) + ": read '" + r.amount_printed + "' by OCR";
        if (implied[k].value && implied[k].failed == fewest && reaching[r.table_index] == 1)
            message += "; its identities imply " + in_printed_unit(r, *implied[k].value) + " " + r.unit +
                       " (a misread, or the document's own error); kept as read";
        else
            message += " takes part in a failing identity; kept as read";
        diagnostics.push_back(at(Severity::warning, "ocr_mismatch", r, std::move(message)));
    }
}

// The record's amount in 元 plus one unit of its last printed digit (0.01 万元 for 2.55 万元);
// nullopt when its printed amount or unit cannot be read.
std::optional<Decimal> moved_by_last_digit(const Record& record) {
    ParsedAmount parsed = parse_amount(record.amount_printed);
    std::optional<Unit> unit = unit_of(record);
    std::optional<Decimal> yuan = Decimal::parse(record.amount_yuan);
    if (parsed.kind != AmountKind::value || !unit || !yuan) return std::nullopt;
    return *yuan + yuan_from(Decimal::from_units(1, parsed.decimals_printed), *unit);
}

// OCR amounts whose identities hold only because they compare a reading with readings of the
// same text: one printed value read identically in several cells (a total equal to its only
// part, a parent with one child, a total repeated in another table; cells of the value that
// fail other identities count among them). The same glyphs read the same way, so a misread
// would be repeated and the identity would still hold: it confirms nothing. Per value printed
// in more than one OCR cell, every such cell is changed at once by one unit of its last
// printed digit (the smallest misread: 2.55 read 2.56); when no further
// identity fails and none that held exactly comes to hold only within its rounding tolerance
// — the copies agree among themselves and the other identities cannot tell — those cells keep
// check ok but their text confidence is capped below 0.9, and one info diagnostic
// `ocr_unconfirmed` names them.
void cap_unconfirmed(const std::vector<TableReading>& readings, std::vector<Record>& records,
                     const CheckSummary& checked, std::vector<Diagnostic>& diagnostics) {
    std::map<std::string, std::vector<std::size_t>> by_value;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Record& r = records[i];
        if (r.method != "ocr" || (r.check != "ok" && r.check != "mismatch")) continue;
        std::optional<Decimal> value = Decimal::parse(r.amount_yuan);
        if (value && !value->is_zero()) by_value[r.amount_yuan].push_back(i);
    }
    for (auto& [yuan, cells] : by_value) {
        // Copies failing elsewhere move along (a misread repeated in a flagged 类 and its 合计):
        // they confirm the others no more than they are confirmed themselves.
        if (cells.size() < 2 || std::none_of(cells.begin(), cells.end(), [&](std::size_t i) { return records[i].check == "ok"; }))
            continue;
        std::vector<Record> trial = records;
        bool changed = true;
        for (std::size_t i : cells) {
            std::optional<Decimal> moved = moved_by_last_digit(records[i]);
            if (!moved) changed = false;
            else trial[i].amount_yuan = amount_yuan_string(*moved);
        }
        if (!changed) continue;
        std::vector<Diagnostic> scratch;
        const CheckSummary moved = check_identities(readings, trial, scratch);
        if (moved.failed > checked.failed || moved.inexact > checked.inexact) continue;
        for (std::size_t i : cells) records[i].text_confidence = std::min(records[i].text_confidence, unconfirmed_text_confidence);
        std::erase_if(cells, [&](std::size_t i) { return records[i].check != "ok"; });
        const Record& first = records[cells.front()];
        diagnostics.push_back(at(Severity::info, "ocr_unconfirmed", first,
                                 describe_ocr_cell(first) + ": '" + first.amount_printed + "' read by OCR in " +
                                     std::to_string(cells.size()) +
                                     " cells whose identities compare them only with each other; a misread "
                                     "repeated in all of them would pass, so none is confirmed"));
    }
}

// A column prints its amounts with one number of decimals; an OCR amount with another (a digit
// read twice, 2.55 as 2.595, or a point lost) is suspect even when its identities hold, since
// they allow half a unit of the last printed digit per amount and a sum of twenty amounts
// absorbs a misread in the third decimal. Where at least min_column_amounts_for_decimals other
// amounts of the column agree on their decimals, an OCR amount with other decimals is odd.
std::optional<int> printed_decimals(const std::string& printed) {
    ParsedAmount parsed = parse_amount(printed);
    if (parsed.kind != AmountKind::value) return std::nullopt;
    return parsed.decimals_printed;
}

// Per OCR record that is odd (and not already a mismatch), the decimals its column prints.
std::map<std::size_t, int> odd_decimals(const std::vector<Record>& records) {
    std::map<std::pair<int, int>, std::map<int, int>> decimals_per_column;  // (table, col) → decimals → count
    for (const Record& r : records)
        if (std::optional<int> d = printed_decimals(r.amount_printed)) ++decimals_per_column[{r.table_index, r.col}][*d];
    std::map<std::size_t, int> out;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Record& r = records[i];
        if (r.method != "ocr" || r.check == "mismatch") continue;
        std::optional<int> d = printed_decimals(r.amount_printed);
        if (!d) continue;
        const std::map<int, int>& counts = decimals_per_column[{r.table_index, r.col}];
        int others = 0, usual = *d, usual_count = 0;
        for (const auto& [decimals, count] : counts) {
            const int n = decimals == *d ? count - 1 : count;
            others += n;
            if (n > usual_count) usual = decimals, usual_count = n;
        }
        if (usual == *d || usual_count < min_column_amounts_for_decimals || usual_count < others) continue;
        out[i] = usual;
    }
    return out;
}

// Odd amounts are read again; the cells of one table holding the same odd reading (copies: a
// total and its only part) take together a re-reading with their column's decimals when their
// identities all hold with it and no more identities fail in the document.
void mend_odd_decimals(const std::string& path, std::vector<TableReading>& readings, std::vector<Record>& records,
                       std::vector<Diagnostic>& diagnostics, OcrSession& ocr) {
    const std::map<std::size_t, int> odd = odd_decimals(records);
    if (odd.empty()) return;
    std::vector<std::size_t> odd_cells;
    for (const auto& [i, usual] : odd) odd_cells.push_back(i);
    const std::vector<std::vector<CellReading>> readings_of =
        reread_cells_on_pages(path, cells_of_records(records, odd_cells), ocr);
    std::map<std::size_t, std::vector<CellReading>> reread;
    for (std::size_t k = 0; k < odd_cells.size(); ++k) reread[odd_cells[k]] = readings_of[k];
    std::map<std::pair<int, std::string>, std::vector<std::size_t>> copies;  // (table, reading) → cells
    for (const auto& [i, usual] : odd) copies[{records[i].table_index, records[i].amount_printed}].push_back(i);
    std::vector<Diagnostic> scratch;
    int failed = check_identities(readings, records, scratch).failed;
    for (const auto& [key, cells] : copies) {
        const int usual = odd.at(cells.front());
        std::vector<CellReading> candidates;
        for (std::size_t i : cells)
            for (const CellReading& c : reread[i])
                if (c.confidence >= min_reread_confidence && printed_decimals(c.text) == usual) candidates.push_back(c);
        likeliest_first(candidates);
        for (const CellReading& candidate : candidates) {
            std::vector<Record> trial = records;
            bool all_set = true;
            for (std::size_t i : cells) all_set = all_set && set_printed(trial[i], candidate.text);
            if (!all_set) continue;
            scratch.clear();
            const int trial_failed = check_identities(readings, trial, scratch).failed;
            const bool all_ok = std::all_of(cells.begin(), cells.end(), [&](std::size_t i) { return trial[i].check == "ok"; });
            if (!all_ok || trial_failed > failed) continue;
            for (std::size_t i : cells) {
                const std::string first = records[i].amount_printed;
                records[i] = trial[i];
                records[i].text_confidence = std::min(candidate.confidence, reread_text_confidence);
                set_reading_printed(readings, records[i]);
                diagnostics.push_back(at(Severity::info, "ocr_reread", records[i],
                                         describe_ocr_cell(records[i]) + ": read '" + first + "' first, with " +
                                             std::to_string(*printed_decimals(first)) +
                                             " decimals where its column prints " + std::to_string(usual) + ", '" +
                                             records[i].amount_printed + "' on reading again (" + candidate.how +
                                             "), with which its identities hold"));
            }
            failed = trial_failed;
            break;
        }
    }
}

// Odd amounts left are capped below 0.9 with an `ocr_unconfirmed` note.
void cap_odd_decimals(std::vector<Record>& records, std::vector<Diagnostic>& diagnostics) {
    for (const auto& [i, usual] : odd_decimals(records)) {
        Record& r = records[i];
        r.text_confidence = std::min(r.text_confidence, unconfirmed_text_confidence);
        diagnostics.push_back(at(Severity::info, "ocr_unconfirmed", r,
                                 describe_ocr_cell(r) + ": '" + r.amount_printed + "' read by OCR with " +
                                     std::to_string(*printed_decimals(r.amount_printed)) +
                                     " decimals where the column prints " + std::to_string(usual)));
    }
}

}  // namespace

std::string describe_ocr_cell(const Record& r) {
    return "'" + r.table_title + "' p" + std::to_string(r.page) + " row " + std::to_string(r.row) + " (" +
           (r.code.empty() ? r.row_label : r.code) + "), " + (r.measure_label.empty() ? r.measure : r.measure_label);
}

std::vector<std::vector<CellReading>> reread_cells_on_pages(const std::string& path,
                                                            const std::vector<CellOnPage>& cells, OcrSession& ocr,
                                                            RereadWays ways, RereadText text) {
    std::vector<std::vector<CellReading>> out(cells.size());
    std::map<int, std::vector<std::size_t>> by_page;
    for (std::size_t k = 0; k < cells.size(); ++k) by_page[cells[k].page].push_back(k);
    for (const auto& [page, indexes] : by_page) {
        std::vector<Rect> boxes;
        for (std::size_t k : indexes) boxes.push_back(cells[k].box);
        std::vector<std::vector<CellReading>> reread = ocr.reread_cells(path, page, boxes, ways, text);
        for (std::size_t j = 0; j < indexes.size() && j < reread.size(); ++j) out[indexes[j]] = std::move(reread[j]);
    }
    return out;
}

void likeliest_first(std::vector<CellReading>& readings) {
    std::stable_sort(readings.begin(), readings.end(),
                     [](const CellReading& a, const CellReading& b) { return a.confidence > b.confidence; });
}

void mark_ocr_records(std::vector<Record>& records, const std::vector<Page>& pages) {
    std::map<int, const Page*> by_number;
    for (const Page& page : pages) by_number[page.number] = &page;
    for (Record& r : records) {
        auto it = by_number.find(r.page);
        if (it == by_number.end() || it->second->source != TextSource::ocr) continue;
        // A page read by OCR only, or a mixed page: the cell's own text decides.
        bool ocr = false, text = false;
        for (const TextSpan& span : it->second->spans) {
            if (!rect_contains(r.bbox, {span.bbox.center_x(), span.bbox.center_y()})) continue;
            (span.source == TextSource::ocr ? ocr : text) = true;
        }
        if (ocr || !text) r.method = method_name(TextSource::ocr);
    }
}

CheckSummary check_with_ocr_rereads(const std::string& path, std::vector<TableReading>& readings,
                                    std::vector<Record>& records, std::vector<Diagnostic>& diagnostics,
                                    OcrSession* ocr) {
    std::vector<Diagnostic> check_diagnostics;
    CheckSummary summary = check_identities(readings, records, check_diagnostics);
    const bool any_ocr_mismatch = std::any_of(records.begin(), records.end(), [](const Record& r) {
        return r.method == "ocr" && r.check == "mismatch";
    });
    if (any_ocr_mismatch) {
        std::vector<Diagnostic> reread_diagnostics;
        if (ocr) apply_rereads(path, readings, records, summary.failed, reread_diagnostics, *ocr);
        check_diagnostics.clear();
        summary = check_identities(readings, records, check_diagnostics);
        flag_remaining(readings, records, summary.failed, check_diagnostics, reread_diagnostics);
        diagnostics.insert(diagnostics.end(), check_diagnostics.begin(), check_diagnostics.end());
        diagnostics.insert(diagnostics.end(), reread_diagnostics.begin(), reread_diagnostics.end());
    } else {
        diagnostics.insert(diagnostics.end(), check_diagnostics.begin(), check_diagnostics.end());
    }
    if (ocr) mend_odd_decimals(path, readings, records, diagnostics, *ocr);
    cap_unconfirmed(readings, records, summary, diagnostics);
    cap_odd_decimals(records, diagnostics);
    return summary;
}

}  // namespace budgetpdf
