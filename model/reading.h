#pragma once
// A table read against its layout template (layouts/ produces it, normalize/ consumes
// it): every amount cell with the meaning the layout gives it — which row (code or
// label), which measure, which side — but still as printed text. normalize/ parses the
// amounts, scales units, checks identities and writes records.

#include <string>
#include <vector>

#include "model/geometry.h"

namespace budgetpdf {

enum class CodeSystem { none, func, econ, econ_gov };
enum class Side { none, income, expenditure };

// What a row is, for the identity checks.
enum class RowRole {
    item,         // an ordinary row: a code row or a labelled item
    total,        // the table's (or side's) 合计 / 总计 row
    subtotal,     // a labelled sum of some rows above it (e.g. 本年收入合计, 人员经费合计)
    of_which,     // 其中：… singles out a part of the row above: never an item of a sum
};

const char* code_system_name(CodeSystem system);  // "func", "econ", "econ_gov" or ""
const char* side_name(Side side);                 // "income", "expenditure" or ""

struct ReadAmount {
    int page = 0;                // 1-based page where the amount is printed
    int row = 0;                 // row in the logical table
    int col = 0;                 // column in the logical table
    int block = 0;               // the column block (code | name | amounts) the amount belongs to
    Side side = Side::none;
    RowRole role = RowRole::item;
    std::string row_key;         // layout's canonical key for a labelled row (e.g. income_total); may be empty
    std::string row_label;       // item text as printed, normalized
    std::string row_group;       // the row's other label columns, '/'-joined (北京 支出总表: 50101-…/30101-…)
    std::string code;            // classification code digits, or empty
    CodeSystem code_system = CodeSystem::none;
    // The row's code and name in a second classification printed beside the first (部门 301 01
    // 基本工资 | 政府 501 01 工资奖金津补贴): the amount is recorded under each classification.
    std::string cross_code;
    CodeSystem cross_code_system = CodeSystem::none;
    std::string cross_label;
    std::string measure;         // canonical column key (SCHEMA.md)
    std::string measure_label;   // header as printed, multi-row headers joined with '/'
    std::string printed;         // the cell's text as printed, normalized
    Rect bbox;                   // the cell on its page (PDF points, origin top-left)
    double confidence = 1.0;
    bool current_year_only = false;  // the column's header says 本年/当年: 上年结转 is not in it
    bool of_which_column = false;    // under a 其中 group header: a part singled out, in no column identity
    bool other_period = false;       // last year's figure or a change beside this year's (measure left empty)
    // Parts printed as columns (三公: 因公出国（境）费 | 公务接待费 …): row_key is the column's part
    // and part_group the header levels above it (上年, 预算数); the parts of one row and group
    // add up together.
    bool part_in_header = false;
    std::string part_group;
    // Rows without a code get their place in the block's hierarchy from ordinals (一、 （一） 1.)
    // and indentation: parent_row is the logical row this row itemises, -1 at the top level.
    int parent_row = -1;
    bool sums_children = false;  // the rows naming this row as parent add up to it
};

struct TableReading {
    int table_index = 0;           // index into the document's table list
    int page = 0;                  // first page of the table
    int order_on_page = 0;
    std::string layout_id;         // which template matched, e.g. "final/expenditure"
    std::string table_kind;        // canonical table kind (SCHEMA.md)
    std::string table_title;       // as printed, normalized
    std::string unit;              // 元, 万元 or 千元
    bool unit_printed = true;      // false when the unit was taken from another table of the document
    std::vector<std::string> checks;  // identity names the layout promises, e.g. code_hierarchy
    std::vector<std::string> excludes;  // what the title says the table leaves out (prior_carryover)
    std::vector<ReadAmount> amounts;  // in row order, then column order
};

}  // namespace budgetpdf
