#pragma once
// Internal to layouts/: the grid view of a Table, alias matching against a layout and
// its vocabulary, and the header reading that gives each column its role and measure.

#include <string>
#include <vector>

#include "layouts/layout_set.h"
#include "model/table.h"

namespace budgetpdf {

// Cell lookup by position, merged cells covering every position they span.
class Grid {
public:
    explicit Grid(const Table& table);
    int rows() const { return rows_; }
    int cols() const { return cols_; }
    const Cell* covering(int row, int col) const;           // nullptr for a hole
    const Cell* top_left(int row, int col) const;           // only the cell starting here
    std::string text(int row, int col) const;               // covering cell's trimmed text
    // Distinct non-empty covering cells, left to right; with starting_here only the cells
    // whose top row is this row (not those spanning down from above).
    std::vector<const Cell*> row_cells(int row, bool starting_here = false) const;

private:
    int rows_ = 0;
    int cols_ = 0;
    std::vector<const Cell*> cells_;
};

// The layout's rules first, then the shared vocabulary's.
struct Matcher {
    const LayoutSet& set;
    const Layout& layout;

    // Alias of rules matching header path level `level` (alone, or with the levels above it
    // for an alias containing '/'). Returns the rule's key or "".
    std::string match_measure(const std::vector<std::string>& path, int level) const;
    std::string match_layout_measure(const std::vector<std::string>& path, int level) const;
    std::string match_part(const std::vector<std::string>& path, int level) const;
    ColumnRole match_role(const std::vector<std::string>& path, int level) const;
    Side match_side(const std::string& text) const;
    bool is_header_text(const std::string& text) const;
    // Row rule for a label (with an optional group label), or nullptr.
    const RowKeyRule* match_row(const std::string& label, const std::string& group) const;
    const RowKeyRule* row_rule_by_key(const std::string& key) const;
    bool is_column_number_label(const std::string& text) const;
    bool is_generic_total(const std::string& text) const;       // 小计, 合计 under a group header
    bool is_current_year_marker(const std::string& text) const; // a header level saying 本年/当年
    bool is_of_which_group(const std::string& text) const;      // a header level that is 其中 alone
};

struct ColumnInfo {
    ColumnRole role = ColumnRole::none;
    std::string measure;
    std::string measure_label;  // header path joined with '/'
    Side side = Side::none;
    std::string part_key;       // parts printed as columns (三公)
    std::string part_label;
    std::string part_group;     // the header levels above the part (上年, 预算数): cells that add up together
    bool current_year_only = false;  // a header level holds a current-year marker (本年收入/合计)
    std::vector<std::string> path;   // header texts top-down
    int measure_level = -1;          // the path level the measure came from
    bool measure_from_group = false; // from a level above the column's own, which named nothing
    bool measure_shared = false;     // another column under that group has the same measure
    std::string group_measure;       // a generic total's group measure (基本支出/小计 → basic)
    bool of_which = false;           // under a 其中 group: a part singled out, in no column identity
};

struct HeaderInfo {
    int first_row = 0;           // first header row (after title/unit rows inside the grid)
    int body_start = 0;          // first row after the header region
    int header_rows = 0;         // rows that named columns
    std::vector<int> skipped_rows;  // title/unit rows and 栏次 rows inside the header region
    std::vector<ColumnInfo> columns;
    std::vector<std::string> preamble_texts;  // title/unit texts found inside the grid
};

// True when the row prints column numbers (栏次 | 1 | 2 …) rather than data.
bool is_column_number_row(const Grid& grid, const Matcher& matcher, int row);
bool has_data_cells(const Grid& grid, int row);
// True when a row repeats header texts (a continuation page's header, a mid-table header).
bool is_header_like_row(const Grid& grid, const Matcher& matcher, int row);

// The header region ends at the first row printing amounts or codes (column-number rows
// aside) when that row comes within the first rows; otherwise rows are header rows while they
// match header aliases better than row labels. `title` is the table's title, skipped where the
// grid repeats it.
HeaderInfo read_header(const Grid& grid, const Matcher& matcher, const std::string& title);

// Columns the header gave no role take one from their cells in the body rows: text before the
// first amount column holds labels; amounts (most non-empty cells money, some with a decimal
// point or separators) make an amount column without a measure key. A measure column printing
// only codes is a code column.
void assign_roles_by_content(const Grid& grid, const std::vector<int>& body_rows, HeaderInfo& header);

}  // namespace budgetpdf
