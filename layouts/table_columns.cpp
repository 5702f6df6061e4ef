// Header reading: which leading rows of a table are its column headers, and what each
// column holds.
//
// How it works:
// 1. Leading rows that only repeat the title, the unit or the organisation (some table
//    finders keep them inside the grid) are skipped.
// 2. Header rows follow while a row has no money-like cell and more of its cells match
//    header aliases (column roles, measures, sides, column parts) than row labels; rows
//    printing column numbers (栏次, 1, 2, 3 …) are part of the header region but name
//    nothing. One leading section row without amounts (一、政府采购情况) may come first.
// 3. Each column's header path is the distinct texts above it, top-down. Its role is
//    decided by the lowest level that matches a role or measure alias; the side (income,
//    expenditure) by any level matching a side alias; a part key (三公 columns) by the
//    lowest other level matching a column-part alias.

#include "layouts/table_columns.h"

#include <algorithm>
#include <set>

#include "layouts/text_match.h"
#include "model/check_keys.h"

namespace budgetpdf {
namespace {

constexpr int max_leading_section_rows = 2;
constexpr int max_header_rows = 6;                // a header printed over more rows is not found by position
constexpr int min_amount_column_percent = 80;     // share of a column's cells that are money, for an amount column
constexpr int min_header_cells_on_tie = 2;
constexpr size_t max_mark_bytes = 6;  // a not-applicable mark (——, /) is at most two characters

// Header keys of a header path, one per level.
std::vector<std::string> path_keys(const std::vector<std::string>& path) {
    std::vector<std::string> keys;
    keys.reserve(path.size());
    for (const auto& level : path) keys.push_back(header_key(level));
    return keys;
}

// Whether an alias key matches level `level` of a header path: the level alone, the last levels
// joined with '/' for an alias containing '/', or a level ending in X for "~X".
bool alias_matches(const std::vector<std::string>& keys, int level, const std::string& alias) {
    if (alias.empty()) return false;
    if (alias[0] == '~') {
        size_t n = alias.size() - 1;
        const std::string& text = keys[level];
        return n > 0 && text.size() > n && text.compare(text.size() - n, n, alias, 1, n) == 0;
    }
    if (alias.find('/') == std::string::npos) return keys[level] == alias;
    int parts = static_cast<int>(std::count(alias.begin(), alias.end(), '/')) + 1;
    if (level + 1 < parts) return false;
    std::string joined;
    for (int i = level + 1 - parts; i <= level; ++i) joined += (joined.empty() ? "" : "/") + keys[i];
    return joined == alias;
}

std::string match_rules(const std::vector<AliasRule>& rules, const std::vector<std::string>& keys, int level) {
    // Longer (path) aliases first, so "“三公”经费/小计" wins over "小计".
    for (int pass = 0; pass < 2; ++pass)
        for (const auto& rule : rules)
            for (const auto& alias : rule.alias_keys)
                if ((alias.find('/') != std::string::npos) == (pass == 0) && alias_matches(keys, level, alias))
                    return rule.key;
    return "";
}

bool code_like(const std::string& text) {
    auto code = split_code_and_name(text);
    return code && (code->code.size() >= 3);
}

}  // namespace

Grid::Grid(const Table& table) : rows_(table.rows), cols_(table.cols) {
    for (const auto& cell : table.cells) {
        rows_ = std::max(rows_, cell.row + cell.row_span);
        cols_ = std::max(cols_, cell.col + cell.col_span);
    }
    cells_.assign(static_cast<size_t>(rows_) * cols_, nullptr);
    for (const auto& cell : table.cells)
        for (int r = cell.row; r < cell.row + std::max(1, cell.row_span); ++r)
            for (int c = cell.col; c < cell.col + std::max(1, cell.col_span); ++c)
                if (r >= 0 && c >= 0 && r < rows_ && c < cols_) cells_[static_cast<size_t>(r) * cols_ + c] = &cell;
}

const Cell* Grid::covering(int row, int col) const {
    if (row < 0 || col < 0 || row >= rows_ || col >= cols_) return nullptr;
    return cells_[static_cast<size_t>(row) * cols_ + col];
}

const Cell* Grid::top_left(int row, int col) const {
    const Cell* cell = covering(row, col);
    return cell && cell->row == row && cell->col == col ? cell : nullptr;
}

std::string Grid::text(int row, int col) const {
    const Cell* cell = covering(row, col);
    return cell ? trim(cell->text) : std::string();
}

std::vector<const Cell*> Grid::row_cells(int row, bool starting_here) const {
    std::vector<const Cell*> out;
    for (int c = 0; c < cols_; ++c) {
        const Cell* cell = covering(row, c);
        if (!cell || (starting_here && cell->row != row)) continue;
        if ((out.empty() || out.back() != cell) && !trim(cell->text).empty()) out.push_back(cell);
    }
    return out;
}

std::string Matcher::match_measure(const std::vector<std::string>& path, int level) const {
    std::vector<std::string> keys = path_keys(path);
    std::string key = match_rules(layout.measures, keys, level);
    return key.empty() ? match_rules(set.vocabulary.measures, keys, level) : key;
}

std::string Matcher::match_layout_measure(const std::vector<std::string>& path, int level) const {
    return match_rules(layout.measures, path_keys(path), level);
}

std::string Matcher::match_part(const std::vector<std::string>& path, int level) const {
    return match_rules(layout.column_parts, path_keys(path), level);
}

ColumnRole Matcher::match_role(const std::vector<std::string>& path, int level) const {
    std::vector<std::string> keys = path_keys(path);
    for (const auto* rules : {&layout.columns, &set.vocabulary.columns})
        for (const auto& rule : *rules)
            for (const auto& alias : rule.alias_keys)
                if (alias_matches(keys, level, alias)) return rule.role;
    return ColumnRole::none;
}

Side Matcher::match_side(const std::string& text) const {
    std::string key = header_key(text);
    for (const auto& rule : set.vocabulary.sides)
        for (const auto& alias : rule.alias_keys)
            if (alias == key) return rule.key == "income" ? Side::income : Side::expenditure;
    return Side::none;
}

bool Matcher::is_header_text(const std::string& text) const {
    std::vector<std::string> path{text};
    if (match_role(path, 0) != ColumnRole::none || !match_measure(path, 0).empty() || !match_part(path, 0).empty())
        return true;
    if (match_side(text) != Side::none) return true;
    std::string key = header_key(text);
    for (const auto& h : layout.requires_headers)
        if (header_key(h) == key) return true;
    return is_column_number_label(text);
}

const RowKeyRule* Matcher::match_row(const std::string& label, const std::string& group) const {
    std::string key = label_key(label);
    std::string grouped = group.empty() ? "" : label_key(group) + "/" + key;
    if (key.empty()) return nullptr;
    for (const auto* rules : {&layout.rows, &set.vocabulary.rows}) {
        if (!grouped.empty())
            for (const auto& rule : *rules)
                for (const auto& alias : rule.alias_keys)
                    if (alias.find('/') != std::string::npos && alias == grouped) return &rule;
        for (const auto& rule : *rules)
            for (const auto& alias : rule.alias_keys) {
                if (alias.empty() || alias.find('/') != std::string::npos) continue;
                if (alias[0] == '~') {
                    size_t n = alias.size() - 1;
                    if (key.size() > n && key.compare(key.size() - n, n, alias, 1, n) == 0) return &rule;
                } else if (alias == key) {
                    return &rule;
                }
            }
    }
    return nullptr;
}

const RowKeyRule* Matcher::row_rule_by_key(const std::string& key) const {
    for (const auto* rules : {&layout.rows, &set.vocabulary.rows})
        for (const auto& rule : *rules)
            if (rule.key == key) return &rule;
    return nullptr;
}

bool Matcher::is_column_number_label(const std::string& text) const {
    std::string key = match_key(text);
    if (key.empty() && !trim(text).empty()) return true;  // "**": matching ignores '*'
    for (const auto& label : set.vocabulary.column_number_labels)
        if (match_key(label) == key) return true;
    return false;
}

bool Matcher::is_generic_total(const std::string& text) const {
    std::string key = header_key(text);
    for (const auto& t : set.vocabulary.generic_totals)
        if (header_key(t) == key) return true;
    return false;
}

bool Matcher::is_of_which_group(const std::string& text) const {
    std::string key = header_key(text);
    for (const auto& prefix : set.vocabulary.of_which_prefixes)
        if (key == header_key(prefix)) return true;
    return false;
}

bool Matcher::is_current_year_marker(const std::string& text) const {
    std::string key = header_key(text);
    for (const auto& m : set.vocabulary.current_year_markers)
        if (contains(key, header_key(m))) return true;
    return false;
}

bool has_data_cells(const Grid& grid, int row) {
    for (const Cell* cell : grid.row_cells(row, true))
        if (money_text(cell->text) || code_like(cell->text)) return true;
    return false;
}

bool is_column_number_row(const Grid& grid, const Matcher& matcher, int row) {
    auto cells = grid.row_cells(row, true);
    if (cells.empty()) return false;
    bool has_label = false;
    std::vector<int> numbers;
    for (const Cell* cell : cells) {
        if (matcher.is_column_number_label(cell->text)) {
            has_label = true;
            continue;
        }
        auto n = small_integer(cell->text);
        if (!n) return false;
        numbers.push_back(*n);
    }
    if (has_label) return true;
    if (numbers.size() < 2) return false;
    for (size_t i = 1; i < numbers.size(); ++i)
        if (numbers[i] != numbers[i - 1] + 1) return false;
    return true;
}

bool is_header_like_row(const Grid& grid, const Matcher& matcher, int row) {
    auto cells = grid.row_cells(row, true);
    if (cells.empty()) return false;
    int header = 0, label = 0;
    for (const Cell* cell : cells) {
        if (money_text(cell->text) || code_like(cell->text)) return false;
        if (matcher.is_header_text(cell->text)) ++header;
        if (matcher.match_row(cell->text, "")) ++label;
    }
    // Row labels and header texts share words (合计, 一般公共预算): a lone 合计 row is a body
    // row, a row naming two or more columns is a header.
    return header > label || (header >= min_header_cells_on_tie && header >= label);
}

namespace {

constexpr size_t min_title_fragment_bytes = 9;  // three CJK characters
constexpr size_t max_blank_row_texts = 3;        // texts of a body row whose amounts are all blank

// The first row from `from` that prints an amount or a code and is not a column-number row, or
// whose first cell names a keyed row such as 合计 (a body row even with its amounts blank);
// grid.rows() when none.
int first_data_row(const Grid& grid, const Matcher& matcher, int from) {
    for (int r = from; r < grid.rows(); ++r) {
        if (is_column_number_row(grid, matcher, r)) continue;
        if (has_data_cells(grid, r)) return r;
        if (is_header_like_row(grid, matcher, r)) continue;
        // A body row whose amounts are blank prints its label alone (and maybe a code); a row of
        // many texts is header even where they are also row labels (事业收入 | 其他收入 …).
        std::vector<const Cell*> cells = grid.row_cells(r, true);
        if (!cells.empty() && cells.size() <= max_blank_row_texts && matcher.match_row(cells.front()->text, ""))
            return r;
    }
    return grid.rows();
}

bool is_preamble_row(const Grid& grid, int row, const std::string& title) {
    auto cells = grid.row_cells(row);
    if (cells.empty() || cells.size() > 3) return false;
    std::string title_key = match_key(title);
    for (const Cell* cell : cells) {
        std::string key = match_key(cell->text);
        bool names_title = !title_key.empty() && (contains(key, title_key) ||
                                                  (key.size() >= min_title_fragment_bytes && contains(title_key, key)));
        bool preamble = names_title || contains(key, "单位:") ||
                        starts_with(key, "部门") || starts_with(key, "编制部门") || contains(key, "公开") ||
                        (ends_with(key, "年度") && key.size() <= 12);
        if (!preamble) return false;
    }
    return true;
}

bool is_skipped(const HeaderInfo& info, int row) {
    return std::find(info.skipped_rows.begin(), info.skipped_rows.end(), row) != info.skipped_rows.end();
}

// Text of a header cell that starts in this row, else "".
std::string own_text(const Grid& grid, int row, int col) {
    const Cell* cell = grid.covering(row, col);
    return cell && cell->row == row ? trim(cell->text) : std::string();
}

// Header texts per (row, column) with group headers of grids that draw every cell (no
// merges) widened: an empty header cell takes the text of the nearest non-empty cell to its
// left in the same row when a header row below names this column (预算数 | | | over
// 合计 | 因公出国（境）费 | …). Rows: [first_row, body_start).
std::vector<std::vector<std::string>> header_texts(const Grid& grid, const HeaderInfo& info, int first_row) {
    std::vector<std::vector<std::string>> texts(std::max(0, info.body_start - first_row),
                                                std::vector<std::string>(grid.cols()));
    for (int r = first_row; r < info.body_start; ++r) {
        if (is_skipped(info, r)) continue;
        auto& row = texts[r - first_row];
        for (int c = 0; c < grid.cols(); ++c) {
            const Cell* cell = grid.covering(r, c);
            row[c] = cell ? trim(cell->text) : std::string();
        }
        for (int c = 1; c < grid.cols(); ++c) {
            if (!row[c].empty() || (grid.covering(r, c) && grid.covering(r, c)->row != r)) continue;
            bool named_below = false;
            for (int below = r + 1; below < info.body_start && !named_below; ++below)
                named_below = !is_skipped(info, below) && !own_text(grid, below, c).empty();
            if (!named_below) continue;
            int left = c - 1;
            while (left >= 0 && own_text(grid, r, left).empty() && row[left].empty()) --left;
            if (left >= 0 && grid.covering(r, left) && grid.covering(r, left)->row == r) row[c] = row[left];
        }
    }
    return texts;
}

std::vector<std::string> header_path(const std::vector<std::vector<std::string>>& texts, int col) {
    std::vector<std::string> path;
    for (const auto& row : texts) {
        const std::string& text = row[col];
        if (text.empty() || (!path.empty() && match_key(path.back()) == match_key(text))) continue;
        path.push_back(text);
    }
    return path;
}

// A header text wrapped over two header rows (政府预算支出经济科目名 | 称) is one level again when
// the joined text names a column role or a measure and its first part alone does not.
std::vector<std::string> join_wrapped_levels(const Matcher& matcher, std::vector<std::string> path) {
    auto names_something = [&](const std::string& text) {
        std::vector<std::string> one{text};
        return matcher.match_role(one, 0) != ColumnRole::none || !matcher.match_measure(one, 0).empty();
    };
    for (size_t i = 0; i + 1 < path.size();) {
        std::string joined = path[i] + path[i + 1];
        if (!names_something(path[i]) && names_something(joined)) {
            path[i] = joined;
            path.erase(path.begin() + static_cast<long>(i) + 1);
        } else {
            ++i;
        }
    }
    return path;
}

ColumnInfo read_column(const Matcher& matcher, const std::vector<std::string>& path) {
    ColumnInfo info;
    for (size_t i = 0; i < path.size(); ++i) info.measure_label += (i ? "/" : "") + path[i];
    int measure_level = -1;
    // The layout's own measures, then the shared ones: "预算数/合计" is budget in a 三公 table.
    for (int pass = 0; pass < 2 && info.role == ColumnRole::none; ++pass) {
        for (int level = static_cast<int>(path.size()) - 1; level >= 0; --level) {
            ColumnRole role = pass == 0 ? ColumnRole::none : matcher.match_role(path, level);
            if (role != ColumnRole::none) {
                info.role = role;
                break;
            }
            std::string measure = pass == 0 ? matcher.match_layout_measure(path, level) : matcher.match_measure(path, level);
            if (!measure.empty()) {
                info.role = ColumnRole::measure;
                info.measure = measure;
                measure_level = level;
                break;
            }
        }
    }
    // 基本支出/小计: a generic total under a group that names a measure reads as the group's
    // measure where the table prints a total of its own (read_header decides); alone, it is the
    // table's total (本年收入/合计 of a table with no other total, 基本支出预算/小计 of a basic table).
    if (info.role == ColumnRole::measure && info.measure == keys::total && measure_level > 0 &&
        matcher.is_generic_total(path[measure_level]))
        for (int level = measure_level - 1; level >= 0; --level) {
            std::string measure = matcher.match_measure(path, level);
            if (measure.empty()) continue;
            if (measure != keys::total) info.group_measure = measure;
            break;
        }
    // The measure of a header level above the column's own (项目支出 over 扣除基建项目后预算数):
    // kept only where no other column under that header has it (read_header decides).
    info.path = path;
    info.measure_level = measure_level;
    info.measure_from_group = info.role == ColumnRole::measure && measure_level >= 0 &&
                              measure_level + 1 < static_cast<int>(path.size()) &&
                              !matcher.is_generic_total(path.back());
    for (const auto& level : path) {
        if (matcher.is_current_year_marker(level)) info.current_year_only = true;
        if (matcher.is_of_which_group(level)) info.of_which = true;
    }
    if (matcher.layout.two_sided)
        for (const auto& level : path) {
            Side side = matcher.match_side(level);
            if (side != Side::none) {
                info.side = side;
                break;
            }
        }
    if (!matcher.layout.column_parts.empty() && (info.role == ColumnRole::measure || info.role == ColumnRole::none)) {
        int part_level = -1;
        for (int level = static_cast<int>(path.size()) - 1; level >= 0 && info.part_key.empty(); --level) {
            if (level == measure_level) continue;
            info.part_key = matcher.match_part(path, level);
            if (!info.part_key.empty()) part_level = level;
        }
        if (info.part_key.empty() && measure_level >= 0) {
            info.part_key = matcher.match_part(path, measure_level);
            if (!info.part_key.empty()) part_level = measure_level;
        }
        if (part_level >= 0) {
            info.part_label = path[part_level];
            // The levels above the part that name no part themselves (上年, 预算数) group the parts.
            for (int level = 0; level < part_level; ++level)
                if (matcher.match_part(path, level).empty())
                    info.part_group += (info.part_group.empty() ? "" : "/") + path[level];
        }
        if (!info.part_key.empty() && info.role == ColumnRole::none) {
            info.role = ColumnRole::measure;
            info.measure = matcher.layout.default_measure.empty() ? "total" : matcher.layout.default_measure;
        }
    }
    return info;
}

}  // namespace

HeaderInfo read_header(const Grid& grid, const Matcher& matcher, const std::string& title) {
    HeaderInfo info;
    int row = 0;
    while (row < grid.rows() && is_preamble_row(grid, row, title)) {
        for (const Cell* cell : grid.row_cells(row)) info.preamble_texts.push_back(trim(cell->text));
        info.skipped_rows.push_back(row);
        ++row;
    }
    // A section label (一、政府采购情况) may stand above the first header row: one text alone on
    // its row. A row of several texts over the header is the header's top level.
    for (int k = row; k < grid.rows() && k <= row + max_leading_section_rows; ++k) {
        if (k > row && grid.row_cells(k - 1, true).size() > 1) break;
        if (is_header_like_row(grid, matcher, k)) {
            for (int skipped = row; skipped < k; ++skipped) info.skipped_rows.push_back(skipped);
            row = k;
            break;
        }
        if (has_data_cells(grid, k)) break;  // a body row: no header above the data
    }
    int r = row;
    int data = first_data_row(grid, matcher, row);
    if (data > row && data - row <= max_header_rows) {
        // Every row above the first data row is header: wrapped and grouped header texts that no
        // alias names still name their columns.
        int first = -1;
        for (; r < data; ++r) {
            if (is_column_number_row(grid, matcher, r) || grid.row_cells(r, true).empty()) {
                info.skipped_rows.push_back(r);
                continue;
            }
            if (first < 0) first = r;
            ++info.header_rows;
        }
        info.first_row = first < 0 ? row : first;
    } else {
        info.first_row = row;
        while (r < grid.rows()) {
            if (is_column_number_row(grid, matcher, r)) {
                info.skipped_rows.push_back(r);
                ++r;
                continue;
            }
            // A group row naming nothing known (功能分类 | 支出用途) still belongs to the header
            // when a header row follows it.
            bool header = is_header_like_row(grid, matcher, r) ||
                          (info.header_rows > 0 && r + 1 < grid.rows() && !has_data_cells(grid, r) &&
                           is_header_like_row(grid, matcher, r + 1));
            if (!header) break;
            ++info.header_rows;
            ++r;
        }
    }
    if (info.header_rows == 0) {
        info.body_start = row;
        info.columns.assign(grid.cols(), ColumnInfo{});
        return info;
    }
    info.body_start = r;
    auto texts = header_texts(grid, info, info.first_row);
    for (int c = 0; c < grid.cols(); ++c)
        info.columns.push_back(read_column(matcher, join_wrapped_levels(matcher, header_path(texts, c))));
    // Parts are columns only where several columns name different parts; a lone 合计 column of a
    // table whose parts are rows is a measure.
    std::set<std::string> parts;
    for (const ColumnInfo& col : info.columns)
        if (!col.part_key.empty()) parts.insert(col.part_key);
    if (parts.size() < 2)
        for (ColumnInfo& col : info.columns) {
            col.part_key.clear();
            col.part_label.clear();
            col.part_group.clear();
        }
    // 本年收入/小计 or 基本支出/小计 beside a table total of its own (合计 | 本年收入 | 上年结转) is
    // the group's measure; alone, it is the table's total.
    bool own_total = std::any_of(info.columns.begin(), info.columns.end(), [](const ColumnInfo& col) {
        return col.measure == keys::total && col.group_measure.empty();
    });
    if (own_total)
        for (ColumnInfo& col : info.columns)
            if (!col.group_measure.empty()) col.measure = col.group_measure;
    // A group header's measure names one column below it at most: a column that took the group's
    // measure for want of its own (项目支出/扣除基建项目后预算数 beside 项目支出/项目支出总数) keeps an
    // empty measure when another column under that group has the same one.
    for (size_t c = 0; c < info.columns.size(); ++c) {
        ColumnInfo& col = info.columns[c];
        if (!col.measure_from_group || !col.part_key.empty()) continue;
        auto prefix_end = col.path.begin() + col.measure_level + 1;
        for (size_t d = 0; d < info.columns.size(); ++d) {
            const ColumnInfo& other = info.columns[d];
            if (d == c || other.measure != col.measure || other.path.size() < col.path.size() - 0 ||
                static_cast<int>(other.path.size()) <= col.measure_level ||
                !std::equal(col.path.begin(), prefix_end, other.path.begin()))
                continue;
            col.measure_shared = true;
            break;
        }
    }
    // Under a carry-over group (上年结转结余/一般公共预算资金 … 单位资金) the columns break the
    // carry-over down by fund: not the funds' measures (those are this year's money); the group's
    // own 小计 is the carry-over.
    for (ColumnInfo& col : info.columns) {
        if (col.measure.empty() || !col.part_key.empty() || !col.group_measure.empty()) continue;
        for (int level = 0; level < col.measure_level; ++level) {
            std::string group = matcher.match_measure(col.path, level);
            if ((group == keys::opening_balance || group == keys::prior_carryover) && col.measure != group)
                col.measure_shared = true;
        }
    }
    for (ColumnInfo& col : info.columns)
        if (col.measure_shared) col.measure.clear();
    return info;
}

namespace {

constexpr int min_code_cells = 2;
constexpr int min_codes_per_word = 2;  // a code column: at least two codes for each cell of words (合计)

// Whether the column's body prints codes and nothing else but a few words (a 合计 or 栏次
// row's label written in the code column), and no amounts.
bool prints_codes(const Grid& grid, const std::vector<int>& body_rows, int col) {
    int codes = 0, words = 0;
    for (int r : body_rows) {
        const Cell* cell = grid.top_left(r, col);
        if (!cell || trim(cell->text).empty()) continue;
        auto code = split_code_and_name(cell->text);
        if (code && code->name.empty() && (code->code.size() == 5 || code->code.size() == 7 || code->code.size() == 3)) {
            ++codes;
            continue;
        }
        if (money_text(cell->text) || code) return false;
        ++words;
    }
    return codes >= min_code_cells && words * min_codes_per_word <= codes;
}

bool labelled_before(const HeaderInfo& header, int col) {
    for (int c = 0; c < col; ++c) {
        ColumnRole role = header.columns[c].role;
        if (role == ColumnRole::code || role == ColumnRole::code_lei || role == ColumnRole::code_kuan ||
            role == ColumnRole::code_xiang || role == ColumnRole::name || role == ColumnRole::name_gov ||
           role == ColumnRole::code_gov)
            return true;
    }
    return false;
}

}  // namespace

namespace {

// Whether the column right before `col` holds amounts (a new block's label column starts here).
bool after_amounts(const HeaderInfo& header, int col) {
    return col > 0 && header.columns[static_cast<size_t>(col - 1)].role == ColumnRole::measure;
}

}  // namespace

void assign_roles_by_content(const Grid& grid, const std::vector<int>& body_rows, HeaderInfo& header) {
    const HeaderInfo named = header;  // label columns the header names, before content adds any
    int cols = static_cast<int>(header.columns.size());
    int first_measure = cols;
    for (int c = 0; c < cols; ++c)
        if (header.columns[c].role == ColumnRole::measure) {
            first_measure = c;
            break;
        }
    for (int c = 0; c < cols; ++c) {
        ColumnInfo& col = header.columns[c];
        // A column under a measure's header that prints codes (a wrapped header glued a
        // measure's words onto the code column), or under a name's header (项目 over a code
        // header OCR misread) holds codes.
        if ((col.role == ColumnRole::measure || col.role == ColumnRole::none || col.role == ColumnRole::name) &&
            c < first_measure + 1 && prints_codes(grid, body_rows, c)) {
            ColumnInfo code_column;
            code_column.role = ColumnRole::code;
            code_column.measure_label = col.measure_label;
            col = code_column;
            continue;
        }
        if (col.role != ColumnRole::none) continue;
        int filled = 0, money = 0, marked = 0, text = 0;
        for (int r : body_rows) {
            const Cell* cell = grid.top_left(r, c);
            if (!cell || trim(cell->text).empty()) continue;
            ++filled;
            if (money_text(cell->text)) {
                ++money;
                if (written_amount(cell->text)) ++marked;
            } else if (!looks_like_amount(cell->text) || match_key(cell->text).size() > max_mark_bytes) {
                ++text;  // words (1、一般公共服务支出, [301]工资福利支出), not a not-applicable mark
            }
        }
        if (filled == 0) continue;
        if (marked > 0 && money * 100 >= filled * min_amount_column_percent) {
            col.role = ColumnRole::measure;  // an amount column whose header names no measure
            if (c < first_measure) first_measure = c;
        } else if (text * 2 > filled && (c < first_measure ? !labelled_before(named, c) : after_amounts(header, c))) {
            // Text before the first amount column labels the rows (unless a named label column
            // does already); text right after amount columns labels the rows of a new block
            // (支出功能分类科目（按大类） beside 收入's 项目 | 预算数).
            col.role = ColumnRole::name;
        }
    }
}

}  // namespace budgetpdf
