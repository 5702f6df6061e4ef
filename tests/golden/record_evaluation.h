#pragma once
// Compares extracted records (records.csv) with expected records: the generated corpus's
// truth (corpus/records/<name>.truth.csv, written by tools/make_corpus) and the truth typed
// from real disclosures (corpus/real_truth/<name>.truth.csv).
//
// How it works: an expected amount is matched by an unused record of the same source (when
// both name one), table_kind, side and measure, the same row — the same code; when the
// expected row has no code, the same row_key; when it has neither, the same row_label
// after normalisation (NFKC as the pipeline applies it, then all whitespace removed) — the
// same unit (when both name one) and an equal amount_yuan as a decimal. Records on the
// expected page are preferred; a match on another page counts and is listed.
//
// Expected amounts left over are "wrong" when an unused record agrees with them in all but
// one field, and the field is named: amount (same row and columns, other amount), unit (the
// record names another unit; its amount is then usually off by the unit's factor), measure,
// code, row_key, row_label, side or table_kind (same amount and unit on the same page, one
// key field differs). Each wrong amount takes its record. The rest are "missing". Records left over
// are "extra" when they fall in the scope the truth covers (ExtraScope); others are
// counted as ignored.

#include <array>
#include <map>
#include <string>
#include <vector>

namespace budgetpdf::evaluation {

struct AmountRecord {
    std::string source;  // empty in the generated corpus's truth files
    std::string table_kind;
    std::string table_title;
    int page = 0;
    std::string side;
    std::string code;
    std::string row_key;  // empty when the file has no row_key column
    std::string row_label;
    std::string measure;
    std::string unit;  // empty when the file has no unit column
    std::string amount_printed;
    std::string amount_yuan;
};

// Reads a CSV with a header naming at least table_kind, page, side, code, row_label,
// measure, amount_yuan; source, table_title, row_key, unit and amount_printed are read
// when present. False with error set on failure.
bool read_amount_records(const std::string& path, std::vector<AmountRecord>& records, std::string& error);
// The same from the CSV's text; what names the text in error messages.
bool parse_amount_records(const std::string& text, const std::string& what, std::vector<AmountRecord>& records,
                          std::string& error);

// The one field in which a wrong amount differs from its record (row_label: the expected
// row has neither code nor row_key, and the record's label differs).
enum class WrongField { amount, unit, measure, code, row_key, row_label, side, table_kind };
constexpr std::size_t wrong_field_count = 8;
const char* wrong_field_name(WrongField field);

// Which left-over records count as extra.
enum class ExtraScope {
    // Every table of the PDF is covered by the truth (the generated corpus): records of the
    // code-table kinds and of any kind the truth holds.
    code_tables_and_truth_kinds,
    // The truth covers chosen tables (real disclosures): records printed on a page that
    // holds expected amounts.
    truth_pages,
};

struct EvaluationOptions {
    ExtraScope extra_scope = ExtraScope::code_tables_and_truth_kinds;
};

struct Evaluation {
    int truth_total = 0;
    int matched = 0;
    int matched_other_page = 0;  // matched, but the record's page differs (not a failure)
    int wrong = 0;
    std::array<int, wrong_field_count> wrong_by_field{};  // indexed by WrongField
    int missing = 0;
    int extra = 0;
    int ignored = 0;
    std::map<std::string, int> ignored_kinds;
    std::vector<std::string> problems;  // one line each: wrong, missing, extra, then page

    int wrong_in(WrongField field) const { return wrong_by_field[static_cast<std::size_t>(field)]; }
};

Evaluation evaluate_records(const std::vector<AmountRecord>& truth, const std::vector<AmountRecord>& records,
                            const EvaluationOptions& options = {});

// Adds b's counts to a (problems and ignored kinds too).
void add_evaluation(Evaluation& a, const Evaluation& b);

// "matched 250/257 (97.28 %), wrong 3 (amount 1, unit 2), missing 4, extra 2, ignored 14 (three_public 12, …)"
std::string summary_line(const Evaluation& evaluation);

// Decimal text in canonical form (no leading zeros, no trailing fractional zeros, no
// "-0"); empty when the text is not a decimal number.
std::string canonical_decimal(const std::string& text);

// NFKC (normalize_text) with every whitespace character removed.
std::string normalized_label(const std::string& text);

}  // namespace budgetpdf::evaluation
