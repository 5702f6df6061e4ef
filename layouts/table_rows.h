#pragma once
// Internal to layouts/: the label side of a table. Columns are cut into blocks side by side
// (code | name | amounts …), every body row gets its code and label in each block, and rows
// without a code get their place in the block's hierarchy.

#include <string>
#include <vector>

#include "layouts/layout_set.h"
#include "layouts/table_columns.h"

namespace budgetpdf {

// The classification a code's first digit names: 2… 功能 (func), 3… 部门经济 (econ), 5… 政府经济
// (econ_gov); none for any other.
CodeSystem system_of_code(const std::string& code);

struct Block {
    int code_col = -1, lei_col = -1, kuan_col = -1, xiang_col = -1;
    std::vector<int> code_cols;  // columns under a code header: one, or 类 | 款 (| 项) unlabelled
    std::vector<int> name_cols;
    std::vector<int> measure_cols;
    // Further classifications of the same rows printed beside the first (部门 301 01 | 政府 501 01):
    // their code columns, one group per classification, and the first one's name column.
    std::vector<std::vector<int>> cross_code_groups;
    int cross_name_col = -1;
    Side side = Side::none;
    std::string name_map;  // "", func_lei, econ or econ_gov: how rows printed by name get codes
};

// A block starts at a code or name column that follows an amount column. Sides come from the
// header (a side alias on any header level, or a side word in the block's label header), and
// only where the header says nothing, in a two-sided layout, from the position (first block
// income, the others expenditure).
std::vector<Block> cut_blocks(const HeaderInfo& header, const Matcher& matcher);

struct RowMeaning {
    int row = 0;
    std::string label;
    std::string group;         // a left label column's text when there are two (江苏 收入预算总表)
    std::string code;
    bool code_printed = false; // read from the page, not from a name
    std::string cross_code;    // the row's code in the second classification printed beside it
    std::string cross_label;   // and its name there
    bool has_amounts = false;
    int ordinal_rank = 0;      // 一、=1 （一）=2 1.=3 （1）=4 ①=5; 0 without an ordinal
    bool top_level = false;    // a section of its own (上年结转): never under the row above
    double indent_pt = 0;      // the label's distance from its cell's left edge (0 in a column of centred labels)
    double right_gap_pt = 0;   // and from its right edge
    int parent_row = -1;       // the logical row this row itemises (ordinals, indentation)
    bool sums_children = false;  // its children add up to it (they print ordinals, or indents tell levels)
};

// Every body row of every block, in row order. Split code columns carry the 类 and 款 of the
// rows above them (`201 | |` then `| 99 |` then `| | 99` reads 201, 20199, 2019999). Where
// several label columns print codes, the row's code is the one of `preferred`.
std::vector<std::vector<RowMeaning>> read_row_meanings(const Grid& grid, const std::vector<Block>& blocks,
                                                       const std::vector<int>& body_rows, CodeSystem preferred);

// Labels centred in their cells (长沙 资金下达情况表: 芙蓉区 under 岳麓区（湘江新区）) stand in
// from the left by half the room they leave, not to show a level: when most labels of `block`
// set in from the left sit in the middle of their cells, their indents are set to 0.
// (read_row_meanings does this for every block.)
void forget_centred_indents(std::vector<std::vector<RowMeaning>>& rows, size_t block);

// A label wrapped onto the next row (八、社会保障和就 | 业支出) is joined when the joined text
// resolves (a row key or a mapped name) and the first part alone does not.
void join_wrapped_labels(const LayoutSet& set, const Matcher& matcher, const std::vector<Block>& blocks,
                         std::vector<std::vector<RowMeaning>>& rows);

// The row a labelled row itemises, from ordinals and indentation: an ordinal of a deeper rank,
// or no ordinal under a row that has one, or a deeper indentation, is a child of the row above
// it; a numbered list indented under a row without an ordinal (财政拨款 | 1.一般公共预算拨款)
// itemises that row; a top-level row (a section such as 上年结转) closes every open parent and
// opens its own.
// kinds[i] says what row i is: 0 an item taking part, 1 a total or subtotal (it closes every
// open parent), 2 a row outside the hierarchy (a printed code, 其中).
struct RowHierarchy {
    std::vector<int> parents;        // index of the row each row itemises, -1 at the top
    std::vector<bool> sums_children; // the row's children are all its parts, at one level
};
RowHierarchy parents_from_ordinals(const std::vector<RowMeaning>& rows, const std::vector<int>& kinds);

// The code a name map gives a label in this block ("" when none); lei_above: the 类 code of the
// nearest row above with one, for names printed under several 类.
std::string code_for_name(const LayoutSet& set, const std::string& name_map, const std::string& label,
                          const std::string& lei_above);

}  // namespace budgetpdf
