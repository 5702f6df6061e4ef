#pragma once
// Expected records of a corpus PDF, derived from hand labels and the tables as drawn.
//
// How it works: corpus/records/labels.tsv says, for each amount column of a seed table,
// the table kind, the canonical measure, the side (two-sided summary tables), and which
// columns hold the row's code and label. For every drawn table with labels, each body
// row that qualifies (rows=code: a 3/5/7-digit code in code_col or 合计/总计 in its label;
// rows=all: every body row) gives one expected record per labelled column whose cell is
// printed: blank, ——, / and * give none, - gives 0.00, a number gives its amount in 元
// (万元 × 10000 on the digits, never through floating point).

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "tools/make_corpus/truth.h"

namespace budgetpdf::corpus {

struct ColumnLabel {
    std::string table_kind;
    bool code_rows_only = true;  // rows=code
    int column = 0;
    std::string side;            // income, expenditure or empty
    std::string measure;
    int code_col = -1;           // -1: the table prints no codes
    int label_col = -1;
    std::string header;          // the column's printed header, or the header cells over it
                                 // top-down joined with '/' (财政拨款收入/小计)
};

// Key: {seed prefix without '_' (e.g. "000"), table index, variant name (empty: as in the
// seed)}; labels.tsv writes the table as `2` or `2:national_income`.
using TableLabels = std::map<std::tuple<std::string, int, std::string>, std::vector<ColumnLabel>>;

// Reads labels.tsv; false with a message in error when a line is malformed.
bool read_table_labels(const std::string& path, TableLabels& labels, std::string& error);

struct ExpectedRecord {
    std::string table_kind;
    int page = 0;
    std::string side;
    std::string code;
    std::string row_label;
    std::string measure;
    std::string amount_yuan;
};

// Expected records of one drawn table. Appends to error (and returns false) when a label's
// header does not match the printed header or a labelled cell is not an amount.
bool expected_records(const TruthTable& table, const std::vector<ColumnLabel>& labels,
                      std::vector<ExpectedRecord>& out, std::string& error);

// "table_kind,page,side,code,row_label,measure,amount_yuan" header and rows, RFC 4180.
std::string expected_records_csv(const std::vector<ExpectedRecord>& records);

// Amount text in the given unit (元 or 万元) as 元 with 2 decimals; empty when the text
// is not a plain decimal number (or has more decimals than the unit allows in 分).
std::string amount_in_yuan(const std::string& text, bool ten_thousands);

}  // namespace budgetpdf::corpus
