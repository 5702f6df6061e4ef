// Blocks, row codes and labels, and the hierarchy of rows without codes.
//
// How it works:
// 1. Blocks: columns left to right; a code or name column after an amount column opens a new
//    block. A column without any header right of a label column holds labels too. A block's
//    side is the side its header names; its name map comes from its label header
//    (支出功能分类科目 → func_lei, 部门预算支出经济分类科目 → econ, …) or the layout.
// 2. Codes: one code column (2011301, 2011301行政运行, [201]一般公共服务支出, 201 13 01), split
//    类 | 款 | 项 columns (joined, padding a 款/项 printed without its leading zero), and split
//    columns printing only their own level, which take the 类 and 款 of the rows above.
// 3. Labels: the name column (with two, the right one; the left one is its group), else the
//    code column's name part.
// 4. Hierarchy: a stack of open rows ordered by depth; ordinals give depths 1–5, a row without
//    an ordinal is deeper than any ordinal, and deeper still the more it is indented.

#include "layouts/table_rows.h"

#include <algorithm>
#include <cmath>

#include "layouts/text_match.h"

namespace budgetpdf {
namespace {

constexpr double indent_tolerance_pt = 2.5;  // labels within this distance are indented alike
constexpr double centred_tolerance_pt = 3.0;  // a label this close to its cell's middle is centred
constexpr double centred_slack = 0.25;        // (or this share of the smaller gap: borders read from a scan)
constexpr int min_centred_labels = 2;
constexpr double centred_share = 0.8;         // of the labels set in from the left, centred ones
constexpr int unranked_depth = 6;            // a row without an ordinal is deeper than any ordinal

bool is_digits(const std::string& text, size_t length) {
    return text.size() == length && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 部门 and 政府 经济分类 name the same spending twice; 功能分类 has no counterpart.
CodeSystem other_economic_system(CodeSystem system) {
    if (system == CodeSystem::econ) return CodeSystem::econ_gov;
    if (system == CodeSystem::econ_gov) return CodeSystem::econ;
    return CodeSystem::none;
}

bool is_label_role(ColumnRole role) {
    return role == ColumnRole::code || role == ColumnRole::code_lei || role == ColumnRole::code_kuan ||
           role == ColumnRole::code_xiang || role == ColumnRole::name || role == ColumnRole::name_gov ||
           role == ColumnRole::code_gov;
}

// Side named by a word inside the block's label header (收入项目, 支出功能分类科目（按大类）).
Side side_in_label_header(const Matcher& matcher, const std::string& header) {
    std::string key = header_key(header);
    if (key.empty()) return Side::none;
    Side found = Side::none;
    for (const auto& rule : matcher.set.vocabulary.sides)
        for (const auto& alias : rule.aliases) {
            std::string a = header_key(alias);
            if (a.empty() || !contains(key, a)) continue;
            Side side = rule.key == "income" ? Side::income : Side::expenditure;
            if (found != Side::none && found != side) return Side::none;  // 收支: names both
            found = side;
        }
    return found;
}

std::string name_map_of_header(const Vocabulary& vocabulary, const std::string& header) {
    std::string key = header_key(header);
    for (const auto& rule : vocabulary.name_map_headers)
        for (const auto& h : rule.headers)
            if (contains(key, header_key(h))) return rule.map;
    return "";
}

// The code a group of code columns prints on a row: one cell (50101, 501 01) or split 类 | 款
// cells (501 | 01), a 款 printed alone taking the 类 above; "" when it prints none.
std::string code_in_group(const Grid& grid, const std::vector<int>& group, int row, std::string& lei_above) {
    std::vector<std::string> parts;
    const Cell* previous = nullptr;
    for (int c : group) {
        const Cell* cell = grid.covering(row, c);
        if (cell == previous) continue;
        previous = cell;
        parts.push_back(grid.text(row, c));
    }
    std::string digits;
    for (size_t i = 0; i < parts.size(); ++i) {
        std::string part;
        for (char ch : parts[i])
            if (ch != ' ') part += ch;
        if (i > 0 && is_digits(part, 1)) part = "0" + part;
        digits += part;
    }
    if (!is_digits(digits, digits.size())) return "";
    if (parts.size() > 1 && trim(parts[0]).empty() && digits.size() == 2 && !lei_above.empty()) digits = lei_above + digits;
    if (digits.size() != 3 && digits.size() != 5) return "";
    if (digits.size() == 3) lei_above = digits;
    return digits;
}

// The row's code in another economic classification printed beside its own (部门 301 01 |
// 政府 501 01). Only 部门 and 政府 经济分类 pair up: a 功能 row's economic codes (政府采购 tables)
// are attributes of the row, not another name of it.
void read_cross_code(const Grid& grid, const Block& block, int row, std::vector<std::string>& lei_above, RowMeaning& m) {
    if (block.cross_code_groups.empty() && block.cross_name_col < 0) return;
    lei_above.resize(block.cross_code_groups.size());
    CodeSystem wanted = other_economic_system(system_of_code(m.code));
    for (size_t g = 0; g < block.cross_code_groups.size(); ++g) {
        std::string code = code_in_group(grid, block.cross_code_groups[g], row, lei_above[g]);
        if (wanted == CodeSystem::none || code.empty() || system_of_code(code) != wanted || !m.cross_code.empty()) continue;
        m.cross_code = code;
        if (block.cross_name_col >= 0) m.cross_label = trim(grid.text(row, block.cross_name_col));
    }
    // Or the code leads the other classification's name (50101-工资奖金津补贴 | 30101-基本工资).
    if (wanted == CodeSystem::none || !m.cross_code.empty() || block.cross_name_col < 0) return;
    auto parsed = split_code_and_name(grid.text(row, block.cross_name_col));
    if (!parsed || system_of_code(parsed->code) != wanted) return;
    m.cross_code = parsed->code;
    m.cross_label = parsed->name;
}

}  // namespace

CodeSystem system_of_code(const std::string& code) {
    if (code.empty()) return CodeSystem::none;
    if (code[0] == '2') return CodeSystem::func;
    if (code[0] == '3') return CodeSystem::econ;
    if (code[0] == '5') return CodeSystem::econ_gov;
    return CodeSystem::none;
}

std::vector<Block> cut_blocks(const HeaderInfo& header, const Matcher& matcher) {
    std::vector<Block> blocks(1);
    std::vector<std::string> label_headers(1);
    for (int c = 0; c < static_cast<int>(header.columns.size()); ++c) {
        ColumnInfo col = header.columns[c];
        if (col.role == ColumnRole::none && col.measure_label.empty() && blocks.back().measure_cols.empty() &&
            (!blocks.back().name_cols.empty() || !blocks.back().code_cols.empty()))
            col.role = ColumnRole::name;
        if (is_label_role(col.role) && !blocks.back().measure_cols.empty()) {
            blocks.emplace_back();
            label_headers.emplace_back();
        }
        Block& b = blocks.back();
        // A second code group after the block's name (部门 类|款 | 名称 | 政府 类|款 | 名称): another
        // classification of the same row, not the row's code.
        // So is a 类 | 款 group repeated after other columns (功能 类|款|项 … 部门经济 类|款 | 政府经济 类|款).
        bool code_role = col.role == ColumnRole::code || col.role == ColumnRole::code_lei ||
                         col.role == ColumnRole::code_kuan || col.role == ColumnRole::code_xiang;
        bool repeated = (col.role == ColumnRole::code_lei && b.lei_col >= 0) ||
                        (col.role == ColumnRole::code_kuan && b.kuan_col >= 0) ||
                        (col.role == ColumnRole::code_xiang && b.xiang_col >= 0);
        bool opens_group = col.role == ColumnRole::code || col.role == ColumnRole::code_lei;
        if (code_role && (repeated || (!b.name_cols.empty() && (!b.code_cols.empty() || b.lei_col >= 0)))) {
            if (opens_group || b.cross_code_groups.empty()) b.cross_code_groups.emplace_back();
            b.cross_code_groups.back().push_back(c);
            col.role = ColumnRole::code_gov;
        } else if (col.role == ColumnRole::code_gov) {
            b.cross_code_groups.emplace_back(1, c);
        }
        if (b.side == Side::none) b.side = col.side;
        // The block's own label columns name its classification (not a 政府预算 name beside it).
        if (is_label_role(col.role) && col.role != ColumnRole::name_gov && col.role != ColumnRole::code_gov)
            label_headers.back() += col.measure_label + "/";
        switch (col.role) {
            case ColumnRole::code: b.code_cols.push_back(c); break;
            case ColumnRole::code_lei: b.lei_col = c; break;
            case ColumnRole::code_kuan: b.kuan_col = c; break;
            case ColumnRole::code_xiang: b.xiang_col = c; break;
            case ColumnRole::name: b.name_cols.push_back(c); break;
            case ColumnRole::measure: b.measure_cols.push_back(c); break;
            case ColumnRole::name_gov:
                if (b.cross_name_col < 0) b.cross_name_col = c;
                break;
            default: break;
        }
    }
    for (size_t i = 0; i < blocks.size(); ++i) {
        Block& b = blocks[i];
        // A code header spanning two or three columns (类/款/项 labels missing or merged into
        // the first body row) reads as split code columns.
        if (b.code_cols.size() == 1) b.code_col = b.code_cols[0];
        if (b.code_cols.size() >= 2 && b.lei_col < 0) {
            b.lei_col = b.code_cols[0];
            b.kuan_col = b.code_cols[1];
            if (b.code_cols.size() >= 3) b.xiang_col = b.code_cols[2];
        }
        if (b.side == Side::none && matcher.layout.two_sided) b.side = side_in_label_header(matcher, label_headers[i]);
        b.name_map = name_map_of_header(matcher.set.vocabulary, label_headers[i]);
        if (b.name_map.empty()) b.name_map = matcher.layout.name_map;
    }
    if (matcher.layout.two_sided) {
        bool any_named = std::any_of(blocks.begin(), blocks.end(), [](const Block& b) { return b.side != Side::none; });
        for (size_t i = 0; i < blocks.size(); ++i) {
            if (blocks[i].side != Side::none) continue;
            // Unnamed blocks follow the named block to their left; with no side named at all,
            // the first block is income and the others expenditure.
            Side left = Side::none;
            for (size_t k = i; k-- > 0 && left == Side::none;) left = blocks[k].side;
            if (left != Side::none) blocks[i].side = left;
            else if (blocks.size() > 1 && !any_named) blocks[i].side = i == 0 ? Side::income : Side::expenditure;
            else if (any_named) blocks[i].side = Side::income;  // left of the first named side
        }
    }
    return blocks;
}

void forget_centred_indents(std::vector<std::vector<RowMeaning>>& rows, size_t block) {
    int set_in = 0, centred = 0;
    for (const auto& row : rows) {
        if (block >= row.size()) continue;
        const RowMeaning& m = row[block];
        if (m.label.empty() || m.indent_pt <= indent_tolerance_pt) continue;
        ++set_in;
        const double room = std::min(m.indent_pt, m.right_gap_pt);
        if (std::abs(m.indent_pt - m.right_gap_pt) <= std::max(centred_tolerance_pt, centred_slack * room)) ++centred;
    }
    if (centred < min_centred_labels || centred < centred_share * set_in) return;
    for (auto& row : rows)
        if (block < row.size()) row[block].indent_pt = 0;
}

std::vector<std::vector<RowMeaning>> read_row_meanings(const Grid& grid, const std::vector<Block>& blocks,
                                                       const std::vector<int>& body_rows, CodeSystem preferred) {
    std::vector<std::vector<RowMeaning>> out;
    std::vector<std::string> lei_above(blocks.size()), kuan_above(blocks.size());
    std::vector<std::vector<std::string>> cross_lei_above(blocks.size());
    for (int r : body_rows) {
        std::vector<RowMeaning> row;
        for (size_t bi = 0; bi < blocks.size(); ++bi) {
            const Block& block = blocks[bi];
            RowMeaning m;
            m.row = r;
            std::string fallback;
            const Cell* code_cell = nullptr;
            if (block.lei_col >= 0) {
                code_cell = grid.covering(r, block.lei_col);
                std::string lei = grid.text(r, block.lei_col);
                bool spans = block.kuan_col >= 0 && grid.covering(r, block.kuan_col) == code_cell;
                std::string kuan = spans || block.kuan_col < 0 ? "" : grid.text(r, block.kuan_col);
                std::string xiang = spans || block.xiang_col < 0 || grid.covering(r, block.xiang_col) == code_cell
                                        ? ""
                                        : grid.text(r, block.xiang_col);
                if (is_digits(kuan, 1)) kuan = "0" + kuan;
                if (is_digits(xiang, 1)) xiang = "0" + xiang;
                bool kuan_ok = kuan.empty() || is_digits(kuan, 2), xiang_ok = xiang.empty() || is_digits(xiang, 2);
                if (is_digits(lei, 3) && kuan_ok && xiang_ok && !(kuan.empty() && !xiang.empty())) {
                    m.code = lei + kuan + xiang;
                } else if (lei.empty() && is_digits(kuan, 2) && xiang_ok && !lei_above[bi].empty()) {
                    m.code = lei_above[bi] + kuan + xiang;  // a 款 row under the 类 above
                } else if (lei.empty() && kuan.empty() && is_digits(xiang, 2) && !kuan_above[bi].empty()) {
                    m.code = kuan_above[bi] + xiang;  // a 项 row under the 款 above
                } else if (auto parsed = split_code_and_name(lei)) {
                    m.code = parsed->code;
                    fallback = parsed->name;
                } else {
                    fallback = lei;
                }
            } else if (block.code_col >= 0) {
                code_cell = grid.covering(r, block.code_col);
                std::string text = grid.text(r, block.code_col);
                if (auto parsed = split_code_and_name(text)) {
                    m.code = parsed->code;
                    fallback = parsed->name;
                } else {
                    fallback = text;
                }
            }
            std::vector<std::string> names;
            const Cell* previous = code_cell;
            const Cell* label_cell = nullptr;
            for (int c : block.name_cols) {
                const Cell* cell = grid.covering(r, c);
                if (!cell || cell == previous) continue;
                previous = cell;
                std::string text = trim(cell->text);
                if (text.empty()) continue;
                names.push_back(text);
                label_cell = cell;
            }
            // Without a code column, the label may print its own code (2010401行政运行,
            // 30101-基本工资). With several such columns (北京 支出总表: 功能 | 政府经济 | 部门经济),
            // the row is the one of the layout's classification, else the rightmost.
            if (m.code.empty() && block.code_col < 0 && block.lei_col < 0 && !names.empty()) {
                size_t chosen = names.size();
                for (size_t i = names.size(); i-- > 0;) {
                    // A number leading a name is a code only in a classification the codes
                    // name (功能 2…, 经济 3…, 政府经济 5…): 12320卫生热线服务项目 is a project.
                    auto parsed = split_code_and_name(names[i]);
                    if (!parsed || parsed->name.empty() || system_of_code(parsed->code) == CodeSystem::none) continue;
                    if (chosen == names.size()) chosen = i;
                    if (system_of_code(parsed->code) == preferred) {
                        chosen = i;
                        break;
                    }
                }
                if (chosen < names.size()) {
                    auto parsed = split_code_and_name(names[chosen]);
                    m.code = parsed->code;
                    std::string name = parsed->name;
                    // The row's code in the other economic classification (50101-… beside 30101-…).
                    CodeSystem other = other_economic_system(system_of_code(m.code));
                    for (size_t i = 0; i < names.size() && other != CodeSystem::none; ++i) {
                        auto beside = split_code_and_name(names[i]);
                        if (i == chosen || !beside || system_of_code(beside->code) != other) continue;
                        m.cross_code = beside->code;
                        m.cross_label = beside->name;
                        break;
                    }
                    names.erase(names.begin() + static_cast<long>(chosen));
                    names.push_back(name);
                }
            }
            if (!names.empty()) {
                m.label = names.back();
                for (size_t i = 0; i + 1 < names.size(); ++i) m.group += (i ? "/" : "") + names[i];
            } else {
                m.label = fallback;
                label_cell = code_cell;
            }
            m.code_printed = !m.code.empty();
            read_cross_code(grid, block, r, cross_lei_above[bi], m);
            if (m.code.size() == 3) lei_above[bi] = m.code, kuan_above[bi].clear();
            if (m.code.size() == 5) kuan_above[bi] = m.code;
            m.ordinal_rank = ordinal_rank(m.label);
            if (label_cell && !label_cell->text_bbox.empty()) {
                m.indent_pt = std::max(0.0, label_cell->text_bbox.x0 - label_cell->bbox.x0);
                m.right_gap_pt = std::max(0.0, label_cell->bbox.x1 - label_cell->text_bbox.x1);
            }
            for (int c : block.measure_cols) {
                const Cell* cell = grid.top_left(r, c);
                if (cell && looks_like_amount(cell->text)) m.has_amounts = true;
            }
            row.push_back(std::move(m));
        }
        out.push_back(std::move(row));
    }
    for (size_t b = 0; b < blocks.size(); ++b) forget_centred_indents(out, b);
    return out;
}

namespace {

bool label_resolves(const LayoutSet& set, const Matcher& matcher, const std::string& name_map, const std::string& label) {
    return matcher.match_row(label, "") || !code_for_name(set, name_map, label, "").empty();
}

}  // namespace

void join_wrapped_labels(const LayoutSet& set, const Matcher& matcher, const std::vector<Block>& blocks,
                         std::vector<std::vector<RowMeaning>>& rows) {
    for (size_t i = 0; i + 1 < rows.size(); ++i)
        for (size_t b = 0; b < rows[i].size(); ++b) {
            RowMeaning& m = rows[i][b];
            RowMeaning& next = rows[i + 1][b];
            if (!m.code.empty() || m.label.empty() || !next.code.empty() || next.has_amounts || next.label.empty() ||
                !next.group.empty())
                continue;
            if (label_key(next.label) != match_key(next.label)) continue;  // an ordinal: a row of its own
            const std::string& map = blocks[b].name_map;
            if (label_resolves(set, matcher, map, m.label)) continue;
            std::string joined = m.label + next.label;
            if (!label_resolves(set, matcher, map, joined)) continue;
            m.label = joined;
            next.label.clear();
        }
}

RowHierarchy parents_from_ordinals(const std::vector<RowMeaning>& rows, const std::vector<int>& kinds) {
    // Indentation levels of the rows without ordinals: distinct indents, in order.
    std::vector<double> indents;
    for (size_t i = 0; i < rows.size(); ++i)
        if (kinds[i] == 0 && rows[i].ordinal_rank == 0) indents.push_back(rows[i].indent_pt);
    std::sort(indents.begin(), indents.end());
    std::vector<double> levels;
    for (double x : indents)
        if (levels.empty() || x - levels.back() > indent_tolerance_pt) levels.push_back(x);
    auto depth_of = [&](const RowMeaning& m) {
        if (m.ordinal_rank > 0) return m.ordinal_rank;
        int level = 0;
        for (size_t k = 0; k < levels.size(); ++k)
            if (m.indent_pt >= levels[k] - indent_tolerance_pt) level = static_cast<int>(k);
        return unranked_depth + level;
    };
    RowHierarchy h;
    h.parents.assign(rows.size(), -1);
    h.sums_children.assign(rows.size(), false);
    std::vector<int> depth(rows.size(), 0);
    std::vector<std::pair<int, int>> open;  // (depth, index)
    // A numbered list indented under a row without an ordinal (财政拨款 above 1.一般公共预算拨款,
    // 2.政府性基金预算拨款) belongs to that row: its rank is placed one level below it while the
    // row stays open.
    struct ListUnder {
        int rank, depth, parent;
    };
    std::vector<ListUnder> lists;
    auto is_open = [&](int index) {
        return std::any_of(open.begin(), open.end(), [&](const auto& o) { return o.second == index; });
    };
    for (size_t i = 0; i < rows.size(); ++i) {
        if (kinds[i] == 1) {
            open.clear();
            lists.clear();
            continue;
        }
        if (kinds[i] != 0 || rows[i].label.empty()) continue;
        depth[i] = rows[i].top_level ? 0 : depth_of(rows[i]);
        int rank = rows[i].ordinal_rank;
        if (rank > 0 && !rows[i].top_level) {
            lists.erase(std::remove_if(lists.begin(), lists.end(), [&](const ListUnder& l) { return !is_open(l.parent); }),
                        lists.end());
            auto list = std::find_if(lists.begin(), lists.end(), [&](const ListUnder& l) { return l.rank == rank; });
            if (list != lists.end()) {
                depth[i] = list->depth;
            } else if (!open.empty() && rows[static_cast<size_t>(open.back().second)].ordinal_rank == 0 &&
                       !rows[static_cast<size_t>(open.back().second)].top_level &&
                       rows[i].indent_pt > rows[static_cast<size_t>(open.back().second)].indent_pt + indent_tolerance_pt) {
                depth[i] = open.back().first + 1;
                lists.push_back({rank, depth[i], open.back().second});
            }
        }
        while (!open.empty() && open.back().first >= depth[i]) open.pop_back();
        if (!open.empty()) h.parents[i] = open.back().second;
        open.emplace_back(depth[i], static_cast<int>(i));
    }
    // A parent sums its children when they all print one ordinal rank (1. 2. 3.), or when they
    // print none but indentation tells the levels apart: unnumbered rows at one indent may be
    // 款 and 项 alike, and their sum means nothing.
    bool indents_tell = levels.size() > 1;
    for (size_t p = 0; p < rows.size(); ++p) {
        int rank = -1;
        bool any = false, one_level = true;
        for (size_t i = 0; i < rows.size(); ++i) {
            if (h.parents[i] != static_cast<int>(p)) continue;
            if (!any) rank = rows[i].ordinal_rank;
            any = true;
            if (rows[i].ordinal_rank != rank) one_level = false;
        }
        h.sums_children[p] = any && one_level && (rank > 0 || indents_tell);
    }
    return h;
}

std::string code_for_name(const LayoutSet& set, const std::string& name_map, const std::string& label,
                          const std::string& lei_above) {
    std::optional<std::string> code;
    if (name_map == "func_lei") code = func_code_for_lei_name(set, label);
    else if (name_map == "econ") code = econ_code_for_name(set, label, lei_above);
    else if (name_map == "econ_gov") code = econ_gov_code_for_name(set, label, lei_above);
    return code ? *code : std::string();
}

}  // namespace budgetpdf
