// Table reading: classify a table by its title, read its header, then give every amount
// cell its row meaning.
//
// How it works:
// 1. Classification: the title (context.title, else a first row spanning the table, else
//    the nearest other line) is matched against every layout's title patterns; the longest
//    pattern wins, and a layout listing requires_headers only wins when all of them are
//    printed in the table's leading rows. No match: an unknown_table diagnostic, nothing read.
// 2. The header (table_columns.cpp) gives each column a role: code parts, name, measure.
// 3. Columns are cut into blocks side by side: a block starts at a code or name column
//    that follows an amount column (two-sided summary tables, the 人员经费 | 公用经费
//    halves of detail tables). Each block reads its own code and label in every row.
// 4. Per row and block: the code (one column, 类/款/项 columns, or fused with the name),
//    the label, then the row rule (row key and role) when the row has no code, a code from
//    the layout's name map (类 names, 经济分类 names) when the layout says so. Keys under a
//    section row become "<section>.<key>", keys of "1." rows under a "一、" row
//    "<parent>.<key>". A block with amounts but no label borrows the label of the nearest
//    label-only block to its left (公用经费合计 printed left of its amounts).
// 5. Every non-empty cell of an amount column that looks like an amount becomes a
//    ReadAmount with the printed text unchanged.

#include "layouts/table_reader.h"

#include <algorithm>

#include "layouts/table_columns.h"
#include "layouts/text_match.h"

namespace budgetpdf {
namespace {

constexpr int max_leading_rows_for_headers = 8;

struct TitleMatch {
    const Layout* layout = nullptr;
    std::string pattern;
    size_t score = 0;
};

std::vector<TitleMatch> title_matches(const LayoutSet& set, const std::string& text) {
    std::vector<TitleMatch> out;
    std::string key = match_key(text);
    if (key.empty()) return out;
    for (const Layout& layout : set.layouts) {
        bool excluded = false;
        for (const auto& ex : layout.titles_exclude) excluded = excluded || contains(key, match_key(ex));
        if (excluded) continue;
        TitleMatch best;
        for (const auto& pattern : layout.titles) {
            std::string p = match_key(pattern);
            if (contains(key, p) && p.size() > best.score) best = {&layout, pattern, p.size()};
        }
        if (best.layout) out.push_back(best);
    }
    return out;
}

std::vector<std::string> title_candidates(const Table& table, const Grid& grid) {
    std::vector<std::string> out;
    if (!table.context.title.empty()) out.push_back(table.context.title);
    if (grid.rows() > 0) {
        auto cells = grid.row_cells(0);
        if (cells.size() == 1 && cells[0]->col_span >= std::max(1, grid.cols() / 2)) out.push_back(cells[0]->text);
    }
    for (auto it = table.context.other_lines.rbegin(); it != table.context.other_lines.rend(); ++it) out.push_back(*it);
    if (!table.context.tag.empty()) out.push_back(table.context.tag);
    return out;
}

std::string leading_text(const Grid& grid) {
    std::string text;
    for (int r = 0; r < grid.rows() && r < max_leading_rows_for_headers; ++r)
        for (const Cell* cell : grid.row_cells(r)) text += header_key(cell->text) + "|";
    return text;
}

struct Classification {
    const Layout* layout = nullptr;
    std::string title;
    std::string pattern;
};

Classification classify(const LayoutSet& set, const Table& table, const Grid& grid) {
    std::string leading = leading_text(grid);
    auto candidates = title_candidates(table, grid);
    for (const auto& candidate : candidates) {
        auto matches = title_matches(set, candidate);
        if (matches.empty()) continue;
        std::stable_sort(matches.begin(), matches.end(), [](const TitleMatch& a, const TitleMatch& b) {
            if (a.score != b.score) return a.score > b.score;
            return a.layout->requires_headers.size() > b.layout->requires_headers.size();
        });
        for (const auto& m : matches) {
            bool all = std::all_of(m.layout->requires_headers.begin(), m.layout->requires_headers.end(),
                                   [&](const std::string& h) { return contains(leading, header_key(h)); });
            if (all) return {m.layout, trim(candidate), m.pattern};
        }
        return {nullptr, trim(candidate), ""};
    }
    return {nullptr, candidates.empty() ? "" : trim(candidates.front()), ""};
}

std::string find_unit(const LayoutSet& set, const std::vector<std::string>& texts) {
    for (const auto& text : texts) {
        std::string key = match_key(text);
        size_t at = key.find("单位");
        while (at != std::string::npos) {
            std::string rest = key.substr(at + std::string("单位").size());
            if (starts_with(rest, ":")) rest = rest.substr(1);
            const UnitRule* best = nullptr;
            size_t best_len = 0;
            for (const auto& rule : set.vocabulary.units)
                for (const auto& marker : rule.markers) {
                    std::string m = match_key(marker);
                    if (starts_with(rest, m) && m.size() > best_len) best = &rule, best_len = m.size();
                }
            if (best) return best->unit;
            at = key.find("单位", at + 1);
        }
    }
    return "";
}

bool marked_no_data(const LayoutSet& set, const std::vector<std::string>& texts) {
    for (const auto& text : texts)
        for (const auto& marker : set.vocabulary.no_data_markers)
            if (contains(match_key(text), match_key(marker))) return true;
    return false;
}

CodeSystem code_system_of(const std::string& code, CodeSystem layout_system) {
    if (code.empty()) return CodeSystem::none;
    if (code[0] == '2') return CodeSystem::func;
    if (code[0] == '3') return CodeSystem::econ;
    if (code[0] == '5') return CodeSystem::econ_gov;
    return layout_system == CodeSystem::func ? CodeSystem::none : layout_system;
}

bool is_digits(const std::string& text, size_t length) {
    return text.size() == length && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A leading "1." / "1、" / "(1)" / "(一)" ordinal: a breakdown of the row above.
bool is_child_ordinal(const std::string& label) {
    std::string key = match_key(label);
    if (key.empty()) return false;
    if (key[0] == '(') return true;
    size_t i = 0;
    while (i < key.size() && std::isdigit(static_cast<unsigned char>(key[i]))) ++i;
    return i > 0 && i < key.size() && (key[i] == '.' || starts_with(key.substr(i), "、"));
}

struct Block {
    int code_col = -1, lei_col = -1, kuan_col = -1, xiang_col = -1;
    std::vector<int> code_cols;  // columns under a code header: one, or 类 | 款 (| 项) unlabelled
    std::vector<int> name_cols;
    std::vector<int> measure_cols;
    Side side = Side::none;
    // Reading state.
    std::string section;
    bool section_not_amount = false;
    std::string parent;
    std::string econ_lei;
};

std::vector<Block> cut_blocks(const HeaderInfo& header) {
    std::vector<Block> blocks(1);
    for (int c = 0; c < static_cast<int>(header.columns.size()); ++c) {
        ColumnInfo col = header.columns[c];
        // A column without any header right of a label column (项目名称 printed over the
        // first of two label columns) holds labels too.
        if (col.role == ColumnRole::none && col.measure_label.empty() && blocks.back().measure_cols.empty() &&
            (!blocks.back().name_cols.empty() || !blocks.back().code_cols.empty()))
            col.role = ColumnRole::name;
        bool label = col.role == ColumnRole::code || col.role == ColumnRole::code_lei ||
                     col.role == ColumnRole::code_kuan || col.role == ColumnRole::code_xiang ||
                     col.role == ColumnRole::name || col.role == ColumnRole::name_gov;
        if (label && !blocks.back().measure_cols.empty()) blocks.emplace_back();
        Block& b = blocks.back();
        if (b.side == Side::none) b.side = col.side;
        switch (col.role) {
            case ColumnRole::code: b.code_cols.push_back(c); break;
            case ColumnRole::code_lei: b.lei_col = c; break;
            case ColumnRole::code_kuan: b.kuan_col = c; break;
            case ColumnRole::code_xiang: b.xiang_col = c; break;
            case ColumnRole::name: b.name_cols.push_back(c); break;
            case ColumnRole::measure: b.measure_cols.push_back(c); break;
            default: break;
        }
    }
    // A code header spanning two or three columns (类/款/项 labels missing or merged into
    // the first body row) reads as split code columns.
    for (Block& b : blocks) {
        if (b.code_cols.size() == 1) b.code_col = b.code_cols[0];
        if (b.code_cols.size() >= 2 && b.lei_col < 0) {
            b.lei_col = b.code_cols[0];
            b.kuan_col = b.code_cols[1];
            if (b.code_cols.size() >= 3) b.xiang_col = b.code_cols[2];
        }
    }
    return blocks;
}

struct RowMeaning {
    std::string label;
    std::string group;
    std::string code;
    const RowKeyRule* rule = nullptr;
    bool has_amounts = false;
};

RowMeaning read_row_meaning(const Grid& grid, const Block& block, int r) {
    RowMeaning m;
    std::string fallback;
    const Cell* code_cell = nullptr;
    if (block.lei_col >= 0) {
        code_cell = grid.covering(r, block.lei_col);
        std::string lei = grid.text(r, block.lei_col);
        bool spans = block.kuan_col >= 0 && grid.covering(r, block.kuan_col) == code_cell;
        std::string kuan = spans || block.kuan_col < 0 ? "" : grid.text(r, block.kuan_col);
        std::string xiang = spans || block.xiang_col < 0 || grid.covering(r, block.xiang_col) == code_cell
                                ? "" : grid.text(r, block.xiang_col);
        // A 款/项 printed without its leading zero (Excel number cells: "301 | 2") is padded.
        if (is_digits(kuan, 1)) kuan = "0" + kuan;
        if (is_digits(xiang, 1)) xiang = "0" + xiang;
        if (is_digits(lei, 3) && (kuan.empty() || is_digits(kuan, 2)) && (xiang.empty() || is_digits(xiang, 2)) &&
            !(kuan.empty() && !xiang.empty())) {
            m.code = lei + kuan + xiang;
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
    for (int c : block.name_cols) {
        const Cell* cell = grid.covering(r, c);
        if (!cell || cell == previous) continue;
        previous = cell;
        std::string text = trim(cell->text);
        if (text.empty()) continue;
        if (m.code.empty() && block.code_col < 0 && block.lei_col < 0) {
            if (auto parsed = split_code_and_name(text); parsed && !parsed->name.empty()) {
                m.code = parsed->code;
                text = parsed->name;
            }
        }
        names.push_back(text);
    }
    if (!names.empty()) {
        m.label = names.back();
        for (size_t i = 0; i + 1 < names.size(); ++i) m.group += (i ? "/" : "") + names[i];
    } else {
        m.label = fallback;
    }
    for (int c : block.measure_cols) {
        const Cell* cell = grid.top_left(r, c);
        if (cell && looks_like_amount(cell->text)) m.has_amounts = true;
    }
    return m;
}

// True when a label without a code means something to the layout: a row key or a name
// the layout's name map knows.
bool label_resolves(const LayoutSet& set, const Matcher& matcher, const std::string& label) {
    if (matcher.match_row(label, "")) return true;
    if (matcher.layout.name_map == "func_lei") return func_code_for_lei_name(set, label).has_value();
    if (matcher.layout.name_map == "econ") return econ_code_for_name(set, label).has_value();
    return false;
}

// A label wrapped onto the next row by a text-alignment grid (八、社会保障和就 | 业支出) is
// joined when the joined text resolves and the first part alone does not.
void join_wrapped_labels(const LayoutSet& set, const Matcher& matcher, std::vector<std::vector<RowMeaning>>& rows) {
    for (size_t i = 0; i + 1 < rows.size(); ++i)
        for (size_t b = 0; b < rows[i].size(); ++b) {
            RowMeaning& m = rows[i][b];
            RowMeaning& next = rows[i + 1][b];
            if (!m.code.empty() || m.label.empty() || !next.code.empty() || next.has_amounts || next.label.empty() ||
                !next.group.empty())
                continue;
            if (label_key(next.label) != match_key(next.label)) continue;  // an ordinal: a row of its own
            if (label_resolves(set, matcher, m.label)) continue;
            std::string joined = m.label + next.label;
            if (!label_resolves(set, matcher, joined)) continue;
            m.label = joined;
            next.label.clear();
        }
}

}  // namespace

const Layout* classify_table(const LayoutSet& layouts, const Table& table, std::string* title_out) {
    Grid grid(table);
    Classification c = classify(layouts, table, grid);
    if (title_out) *title_out = c.title;
    return c.layout;
}

std::optional<TableReading> read_table(const LayoutSet& set, const Table& table, int table_index,
                                       std::vector<Diagnostic>& diagnostics) {
    Grid grid(table);
    Classification found = classify(set, table, grid);
    if (!found.layout) {
        Diagnostic d;
        d.severity = Severity::warning;
        d.kind = "unknown_table";
        d.page = table.page;
        d.message = "no layout matches the table titled '" + (found.title.empty() ? std::string("(no title)") : found.title) + "'";
        diagnostics.push_back(d);
        return std::nullopt;
    }
    const Layout& layout = *found.layout;
    Matcher matcher{set, layout};

    TableReading reading;
    reading.table_index = table_index;
    reading.page = table.page;
    reading.order_on_page = table.order_on_page;
    reading.layout_id = layout.id;
    reading.table_kind = layout.kind;
    reading.table_title = found.title;
    reading.checks = layout.checks;

    HeaderInfo header = read_header(grid, matcher, found.pattern);
    std::vector<std::string> unit_texts{table.context.unit, table.context.organisation, table.context.title};
    unit_texts.insert(unit_texts.end(), table.context.other_lines.rbegin(), table.context.other_lines.rend());
    unit_texts.insert(unit_texts.end(), header.preamble_texts.begin(), header.preamble_texts.end());
    for (int r = 0; r < header.body_start; ++r)
        for (const Cell* cell : grid.row_cells(r)) unit_texts.push_back(cell->text);
    reading.unit = find_unit(set, unit_texts);
    if (reading.unit.empty())
        diagnostics.push_back({Severity::warning, "unit_missing", table.page, {}, "no unit printed for '" + found.title + "'"});

    if (marked_no_data(set, {found.title})) {
        diagnostics.push_back({Severity::info, "empty_table", table.page, {}, "'" + found.title + "' is marked as having no data"});
        return reading;
    }
    if (header.header_rows == 0) {
        diagnostics.push_back({Severity::warning, "header_not_found", table.page, {},
                               "no column headers recognised in '" + found.title + "' (layout " + layout.id + ")"});
        return reading;
    }

    std::vector<Block> blocks = cut_blocks(header);
    if (layout.two_sided)
        for (size_t i = 0; i < blocks.size(); ++i)
            if (blocks[i].side == Side::none) blocks[i].side = i == 0 ? Side::income : Side::expenditure;

    std::vector<bool> reported_unmapped(header.columns.size(), false);
    int not_amount_cells = 0;
    std::vector<int> body_rows;
    for (int r = header.body_start; r < grid.rows(); ++r) {
        if (std::find(header.skipped_rows.begin(), header.skipped_rows.end(), r) != header.skipped_rows.end()) continue;
        if (is_column_number_row(grid, matcher, r) || is_header_like_row(grid, matcher, r)) continue;
        body_rows.push_back(r);
    }
    std::vector<std::vector<RowMeaning>> row_meanings;
    for (int r : body_rows) {
        row_meanings.emplace_back();
        for (const Block& block : blocks) row_meanings.back().push_back(read_row_meaning(grid, block, r));
    }
    join_wrapped_labels(set, matcher, row_meanings);
    for (size_t i = 0; i < body_rows.size(); ++i) {
        int r = body_rows[i];
        for (size_t c = 0; c < header.columns.size(); ++c) {
            const Cell* cell = grid.top_left(r, static_cast<int>(c));
            if (header.columns[c].role == ColumnRole::none && cell && looks_like_amount(cell->text) &&
                !small_integer(cell->text) && !reported_unmapped[c]) {
                reported_unmapped[c] = true;
                diagnostics.push_back({Severity::warning, "unmapped_column", cell->page, cell->bbox,
                                       "column '" + header.columns[c].measure_label + "' of '" + found.title +
                                           "' has amounts but no measure in layout " + layout.id});
            }
        }
        std::vector<RowMeaning>& meanings = row_meanings[i];
        for (size_t b = 0; b < blocks.size(); ++b) {
            RowMeaning& m = meanings[b];
            if (m.label.empty() && m.code.empty() && m.has_amounts)
                for (size_t k = b; k-- > 0;)
                    if (!meanings[k].has_amounts && (!meanings[k].label.empty() || !meanings[k].code.empty())) {
                        m.label = meanings[k].label;
                        m.group = meanings[k].group;
                        m.code = meanings[k].code;
                        break;
                    }
        }
        for (size_t b = 0; b < blocks.size(); ++b) {
            Block& block = blocks[b];
            RowMeaning& m = meanings[b];
            if (m.label.empty() && m.code.empty() && !m.has_amounts) continue;
            std::string row_key;
            RowRole role = RowRole::item;
            bool not_amount = block.section_not_amount;
            if (m.code.empty() && !m.label.empty()) {
                m.rule = matcher.match_row(m.label, m.group);
                bool child = is_child_ordinal(m.label);
                if (m.rule) {
                    row_key = m.rule->key;
                    role = m.rule->role;
                    not_amount = not_amount || m.rule->not_amount;
                    if (role != RowRole::item) {
                        block.section.clear();
                        block.section_not_amount = false;
                    } else if (m.rule->starts_section) {
                        block.section = row_key;
                        block.section_not_amount = m.rule->not_amount;
                    } else if (!block.section.empty()) {
                        row_key = block.section + "." + row_key;
                    } else if (child && !block.parent.empty()) {
                        row_key = block.parent + "." + row_key;
                    }
                } else if (layout.name_map == "func_lei") {
                    if (auto code = func_code_for_lei_name(set, m.label)) m.code = *code;
                } else if (layout.name_map == "econ") {
                    if (auto code = econ_code_for_name(set, m.label, block.econ_lei)) m.code = *code;
                }
                if (!child) block.parent = m.rule ? m.rule->key : "";
            }
            CodeSystem system = code_system_of(m.code, layout.code_system);
            if ((system == CodeSystem::econ || system == CodeSystem::econ_gov) && m.code.size() == 3) block.econ_lei = m.code;
            for (int c : block.measure_cols) {
                const Cell* cell = grid.top_left(r, c);
                if (!cell || !looks_like_amount(cell->text)) continue;
                if (not_amount) {
                    ++not_amount_cells;
                    continue;
                }
                const ColumnInfo& col = header.columns[c];
                ReadAmount a;
                a.page = cell->page > 0 ? cell->page : table.page;
                a.row = r;
                a.col = c;
                a.side = col.side != Side::none ? col.side : block.side;
                a.role = role;
                a.row_key = row_key;
                a.row_label = m.label;
                a.code = m.code;
                a.code_system = system;
                a.measure = col.measure;
                a.measure_label = col.measure_label;
                a.printed = trim(cell->text);
                a.bbox = cell->bbox;
                a.confidence = cell->confidence;
                if (!col.part_key.empty()) {
                    a.row_key = col.part_key;
                    if (a.row_label.empty()) a.row_label = col.part_label;
                    if (const RowKeyRule* part_rule = matcher.row_rule_by_key(col.part_key)) a.role = part_rule->role;
                }
                reading.amounts.push_back(std::move(a));
            }
        }
    }
    if (not_amount_cells > 0)
        diagnostics.push_back({Severity::info, "not_amount_rows", table.page, {},
                               std::to_string(not_amount_cells) + " count cells of '" + found.title +
                                   "' are not money and were not read"});
    if (reading.amounts.empty())
        diagnostics.push_back({Severity::info, "empty_table", table.page, {}, "'" + found.title + "' has no amounts"});
    return reading;
}

}  // namespace budgetpdf
