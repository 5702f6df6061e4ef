#pragma once
// Compares extracted records (records.csv) with the expected records of a corpus PDF
// (corpus/records/<name>.truth.csv written by tools/make_corpus).
//
// How it works: an expected amount is matched by an unused record with the same
// table_kind, side and measure, the same code (or, when the expected row has no code,
// the same row_label after normalisation: NFKC as the pipeline applies it, then all
// whitespace removed),
// whose amount_yuan is equal as a decimal. Expected amounts left over take a remaining
// record with the same key as "wrong" (its amount differs), else they are "missing".
// Records left over are "extra" when their table_kind is a code-table kind or occurs in
// the truth; others are counted as ignored (tables the labels do not cover). The page is
// not part of the key; matches on another page are counted and listed after the rest.

#include <map>
#include <string>
#include <vector>

namespace budgetpdf::evaluation {

struct AmountRecord {
    std::string source;      // empty in truth files
    std::string table_kind;
    int page = 0;
    std::string side;
    std::string code;
    std::string row_label;
    std::string measure;
    std::string amount_yuan;
};

// Reads a CSV with a header naming at least table_kind, page, side, code, row_label,
// measure, amount_yuan (and source, if present). False with error set on failure.
bool read_amount_records(const std::string& path, std::vector<AmountRecord>& records, std::string& error);
// The same from the CSV's text; what names the text in error messages.
bool parse_amount_records(const std::string& text, const std::string& what, std::vector<AmountRecord>& records,
                          std::string& error);

struct Evaluation {
    int truth_total = 0;
    int matched = 0;
    int matched_other_page = 0;  // matched, but the record's page differs (not a failure)
    int wrong = 0;
    int missing = 0;
    int extra = 0;
    int ignored = 0;
    std::map<std::string, int> ignored_kinds;
    std::vector<std::string> problems;  // one line each: wrong, missing, extra, then page
};

Evaluation evaluate_records(const std::vector<AmountRecord>& truth, const std::vector<AmountRecord>& records);

// "matched 250/257 (97.28 %), wrong 3, missing 4, extra 2, ignored 14 (three_public 12, …)"
std::string summary_line(const Evaluation& evaluation);

// Decimal text in canonical form (no leading zeros, no trailing fractional zeros, no
// "-0"); empty when the text is not a decimal number.
std::string canonical_decimal(const std::string& text);

// NFKC (normalize_text) with every whitespace character removed.
std::string normalized_label(const std::string& text);

}  // namespace budgetpdf::evaluation
