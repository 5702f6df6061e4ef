// Table reading: which layout reads a table, then every amount cell with its meaning.
//
// How it works:
// 1. Classification (table_classifier.cpp): title, header and rows together; a table no layout
//    claims is read by the fallback layout (kind other) when it prints amounts.
// 2. Header (table_columns.cpp): the rows above the first data row, each column's header path,
//    role and measure; columns the header does not name take a role from their cells, and an
//    amount column whose header names no measure is read with an empty measure.
// 3. Unit (table_unit.cpp): the token after 金额单位/单位 printed for this table.
// 4. Rows (table_rows.cpp): blocks side by side, codes and labels per block. Then per block,
//    in row order: the row rule (row key and role) of a row without a code, breakdown keys
//    ("<section>.<key>", "<parent>.<key>"), codes from the block's name map, 其中 rows, and the
//    place of each labelled row in the hierarchy of ordinals and indentation.
// 5. Every non-empty cell of an amount column that looks like an amount becomes a ReadAmount
//    with the printed text unchanged. Two amounts with the same meaning (side, code or row
//    key, measure) are reported.

#include "layouts/table_reader.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "layouts/ocr_headers.h"
#include "layouts/table_classifier.h"
#include "layouts/table_columns.h"
#include "layouts/table_rows.h"
#include "layouts/table_unit.h"
#include "layouts/text_match.h"

namespace budgetpdf {
namespace {

bool has_ascii_alnum(const std::string& text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

enum class HierarchyKind { item = 0, closes = 1, outside = 2 };

constexpr int max_name_mismatch_reports = 5;  // per table: a misprinted name, not a misread table
constexpr int max_duplicate_meaning_reports = 5;  // per table: enough to find the misread rows

bool marked_no_data(const LayoutSet& set, const std::vector<std::string>& texts) {
    for (const auto& text : texts)
        for (const auto& marker : set.vocabulary.no_data_markers)
            if (contains(match_key(text), match_key(marker))) return true;
    return false;
}

CodeSystem code_system_of(const std::string& code, CodeSystem layout_system) {
    if (code.empty()) return CodeSystem::none;
    CodeSystem system = system_of_code(code);
    if (system != CodeSystem::none) return system;
    return layout_system == CodeSystem::func ? CodeSystem::none : layout_system;
}

bool is_of_which(const Vocabulary& vocabulary, const std::string& label) {
    std::string key = match_key(label);
    for (const auto& prefix : vocabulary.of_which_prefixes)
        if (starts_with(key, match_key(prefix))) return true;
    return false;
}

// The label after its 其中 prefix (其中：(1)公务用车购置费 → (1)公务用车购置费).
std::string without_of_which(const Vocabulary& vocabulary, const std::string& label) {
    std::string key = match_key(label);
    for (const auto& prefix : vocabulary.of_which_prefixes) {
        std::string p = match_key(prefix);
        if (!starts_with(key, p)) continue;
        std::string rest = key.substr(p.size());
        if (starts_with(rest, ":")) rest = rest.substr(1);
        return rest;
    }
    return label;
}

std::vector<std::string> title_excludes(const Vocabulary& vocabulary, const std::string& title) {
    std::vector<std::string> out;
    std::string key = match_key(title);
    for (const auto& rule : vocabulary.title_excludes)
        for (const auto& alias : rule.aliases)
            if (contains(key, match_key(alias))) {
                out.push_back(rule.key);
                break;
            }
    return out;
}

std::vector<std::string> unit_texts(const Table& table, const Grid& grid, const HeaderInfo& header) {
    std::vector<std::string> texts{table.context.unit, table.context.organisation, table.context.title};
    texts.insert(texts.end(), header.preamble_texts.begin(), header.preamble_texts.end());
    for (int r = 0; r < header.body_start; ++r)
        for (const Cell* cell : grid.row_cells(r)) texts.push_back(cell->text);
    // A form prints its unit in the label of the rows holding the money (资金金额（万元） beside
    // 实施期资金总额 | 285.87); a label over a target (人均培训成本（元） | ≤1947) states none.
    auto labels_amounts = [&](const Cell& label) {
        for (int r = label.row; r < label.row + std::max(1, label.row_span); ++r)
            for (const Cell* cell : grid.row_cells(r))
                if (cell != &label && written_amount(cell->text)) return true;
        return false;
    };
    for (int r = header.body_start; r < grid.rows(); ++r)
        for (const Cell* cell : grid.row_cells(r))
            if (header.columns[static_cast<size_t>(cell->col)].role != ColumnRole::measure &&
                !looks_like_amount(cell->text) && labels_amounts(*cell))
                texts.push_back(cell->text);
    texts.insert(texts.end(), table.context.other_lines.rbegin(), table.context.other_lines.rend());
    return texts;
}

// Per block, in row order: the section and parent a keyed row's key hangs under.
struct KeyState {
    std::string section;
    bool section_not_amount = false;
    std::string lei_above;   // 类 code of the nearest row above with one
    std::string kuan_above;  // 款 code of the nearest row above with one, under that 类
};

struct RowReading {
    std::string row_key;
    RowRole role = RowRole::item;
    bool not_amount = false;
    HierarchyKind hierarchy = HierarchyKind::item;
};

RowReading resolve_row(const LayoutSet& set, const Matcher& matcher, const Block& block, RowMeaning& m,
                       KeyState& state) {
    RowReading out;
    out.not_amount = state.section_not_amount;
    if (!m.code.empty()) {
        out.hierarchy = HierarchyKind::outside;
    } else if (!m.label.empty()) {
        bool of_which = is_of_which(set.vocabulary, m.label);
        const RowKeyRule* rule = matcher.match_row(of_which ? without_of_which(set.vocabulary, m.label) : m.label, m.group);
        if (rule) {
            out.row_key = rule->key;
            out.role = rule->role;
            out.not_amount = out.not_amount || rule->not_amount;
            if (out.role != RowRole::item) {
                state.section.clear();
                state.section_not_amount = false;
                out.hierarchy = HierarchyKind::closes;
            } else if (rule->starts_section) {
                state.section = out.row_key;
                state.section_not_amount = rule->not_amount;
                m.top_level = true;
            } else if (!state.section.empty()) {
                out.row_key = state.section + "." + out.row_key;
            }
        } else {
            m.code = code_for_name(set, block.name_map, m.label, state.lei_above);
            // A 款/项 printed by name only (深圳 收支总表: 统计信息事务 under 一般公共服务支出) takes
            // the catalogue's code among the children of the code above it.
            for (const std::string* parent : {&state.kuan_above, &state.lei_above})
                if (m.code.empty() && !parent->empty())
                    if (auto code = catalog_code_under(set, m.label, *parent)) m.code = *code;
        }
        if (out.role == RowRole::item && of_which) {
            out.role = RowRole::of_which;
            out.hierarchy = HierarchyKind::outside;
        }
    }
    CodeSystem system = code_system_of(m.code, matcher.layout.code_system);
    if (m.code.size() == 3 && system != CodeSystem::none) {
        state.lei_above = m.code;
        state.kuan_above.clear();
    }
    if (m.code.size() == 5 && system != CodeSystem::none) state.kuan_above = m.code;
    return out;
}

void report(std::vector<Diagnostic>& diagnostics, Severity severity, const char* kind, int page, std::string message,
            Rect bbox = {}) {
    diagnostics.push_back({severity, kind, page, bbox, std::move(message)});
}

// Amounts whose meaning (side, code, row key, label of an unkeyed row without code, measure,
// column part) another amount of the table already has.
void report_duplicate_meanings(const TableReading& reading, const std::string& title,
                               std::vector<Diagnostic>& diagnostics) {
    // A code printed again under another name or beside another classification (北京 支出总表:
    // 2040601-行政运行 | 50101-… | 30101-基本工资, then | 30102-津贴补贴) is a part of that code,
    // not the same meaning.
    using Key = std::tuple<int, std::string, std::string, std::string, std::string, std::string>;
    std::map<Key, const ReadAmount*> seen;
    int reported = 0;
    for (const ReadAmount& a : reading.amounts) {
        if (a.measure.empty() || a.role == RowRole::of_which) continue;
        std::string who = !a.code.empty() ? a.code : !a.row_key.empty() ? "key:" + a.row_key : "label:" + a.row_label;
        if (a.code.empty() && a.row_key.empty()) continue;  // unkeyed labels (projects, units) may repeat
        std::string beside =
            a.code.empty() ? std::string() : a.cross_code + "|" + match_key(a.row_label) + "|" + match_key(a.row_group);
        Key key{static_cast<int>(a.side), who, beside, a.measure, a.measure_label, std::to_string(a.parent_row >= 0)};
        auto [it, inserted] = seen.emplace(key, &a);
        if (inserted || reported >= max_duplicate_meaning_reports) continue;
        ++reported;
        report(diagnostics, Severity::warning, "duplicate_meaning", a.page,
               "'" + title + "': the amount of row " + std::to_string(a.row) + " (" + who + ", " + a.measure +
                   ") has the same meaning as row " + std::to_string(it->second->row),
               a.bbox);
    }
}

// Amounts printed outside any amount column (form tables: 年度预算资金总额： | 9.00 in a
// 绩效目标表) are records too: the row label is the nearest text to the left, the measure empty,
// the measure label the nearest short text above in the same column (预算金额（万元）), else the
// column's header.
constexpr size_t max_form_heading_bytes = 60;  // a column heading inside a form is short (20 CJK characters)

void read_loose_amounts(const Grid& grid, const HeaderInfo& header, const std::vector<int>& body_rows,
                        const Table& table, TableReading& reading) {
    for (int r : body_rows)
        for (int c = 0; c < grid.cols(); ++c) {
            const ColumnInfo& col = header.columns[static_cast<size_t>(c)];
            // A label column holds names; an amount written in one is a form's value (部门预算支出 |
            // 基本支出 | 12,634.14 where text fills most of the column).
            if (col.role != ColumnRole::none && col.role != ColumnRole::name) continue;
            const Cell* cell = grid.top_left(r, c);
            if (!cell || !written_amount(cell->text)) continue;
            std::string label;
            for (int k = c - 1; k >= 0 && label.empty(); --k) {
                const Cell* left = grid.covering(r, k);
                if (left && !trim(left->text).empty() && !looks_like_amount(left->text)) label = trim(left->text);
            }
            std::string heading = col.measure_label;
            for (int k = r - 1; k >= 0; --k) {
                const Cell* above = grid.covering(k, c);
                if (!above || trim(above->text).empty() || looks_like_amount(above->text)) continue;
                if (above->text.size() <= max_form_heading_bytes) heading = trim(above->text);
                break;
            }
            ReadAmount a;
            a.page = cell->page > 0 ? cell->page : table.page;
            a.row = r;
            a.col = c;
            a.row_label = label;
            a.measure_label = heading;
            a.printed = trim(cell->text);
            a.bbox = cell->bbox;
            a.confidence = cell->confidence;
            reading.amounts.push_back(std::move(a));
        }
}

// Whether a header level or row label names another period than the fiscal year: a marker of
// the vocabulary (上年, 增减变化情况), or a year (2025年, 2025 年预算数) other than the document's.
bool names_other_period(const Vocabulary& vocabulary, const std::string& text, const std::string& fiscal_year) {
    std::string key = header_key(text);
    for (const auto& marker : vocabulary.other_period_markers)
        if (key == header_key(marker)) return true;
    std::string raw = match_key(text);
    if (fiscal_year.size() != 4 || raw.size() < 7 || raw.compare(4, 3, "年") != 0) return false;
    if (!std::all_of(raw.begin(), raw.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) return false;
    static const std::vector<std::string> year_headers = {"年", "年预算数", "年决算数", "年预算", "年度"};
    std::string rest = raw.substr(4);
    bool year_only = std::find(year_headers.begin(), year_headers.end(), rest) != year_headers.end();
    return year_only && raw.compare(0, 4, fiscal_year) != 0;
}

// An OCR label of a name column that names nothing, a single character away from exactly one
// name of the block's classification (离体费 for 离休费: a closed list of names) that no other
// row of the block prints (高休费 is as close to 退休费, printed below it), takes that name,
// with an info diagnostic `ocr_label` naming what was read.
void mend_ocr_name(const LayoutSet& set, const Matcher& matcher, const Grid& grid, const Block& block, RowMeaning& m,
                   const std::set<std::string>& block_labels, const std::string& title, int page,
                   std::vector<Diagnostic>& diagnostics) {
    if (block.name_map.empty() || !m.code.empty() || m.label.empty()) return;
    const bool by_ocr = std::any_of(block.name_cols.begin(), block.name_cols.end(), [&](int c) {
        const Cell* cell = grid.covering(m.row, c);
        return cell && cell->read_by_ocr;
    });
    if (!by_ocr || matcher.match_row(m.label, m.group) || !code_for_name(set, block.name_map, m.label, "").empty()) return;
    const std::optional<std::string> name = name_one_character_away(set, block.name_map, m.label, block_labels);
    const std::string read = label_key(m.label);
    if (!name || !ends_with(m.label, read)) return;
    const std::string mended = m.label.substr(0, m.label.size() - read.size()) + *name;
    report(diagnostics, Severity::info, "ocr_label", page,
           "'" + title + "': label read '" + m.label + "' by OCR names no " + block.name_map +
               " item; the one a character away is '" + mended + "', taken");
    m.label = mended;
}

// The label cells of a row in its block (names, groups, year columns) naming another period.
bool row_names_other_period(const Grid& grid, const Block& block, int row, const Vocabulary& vocabulary,
                            const std::string& fiscal_year) {
    for (int c : block.name_cols)
        if (const Cell* cell = grid.covering(row, c); cell && names_other_period(vocabulary, cell->text, fiscal_year))
            return true;
    return false;
}

bool path_names_other_period(const Vocabulary& vocabulary, const std::vector<std::string>& path,
                             const std::string& fiscal_year) {
    return std::any_of(path.begin(), path.end(), [&](const std::string& level) {
        return names_other_period(vocabulary, level, fiscal_year);
    });
}

}  // namespace

const Layout* classify_table(const LayoutSet& layouts, const Table& table, std::string* title_out) {
    Grid grid(table);
    Classification c = classify(layouts, table, grid, profile_table(grid));
    if (title_out) *title_out = c.title;
    return c.claimed ? c.layout : nullptr;
}

bool prints_amounts(const Table& table) {
    Grid grid(table);
    return profile_table(grid).amount_columns > 0;
}

std::optional<TableReading> read_table(const LayoutSet& set, const Table& table, int table_index,
                                       std::vector<Diagnostic>& diagnostics, const ReadOptions& options) {
    Grid grid(table);
    TableProfile profile = profile_table(grid);
    Classification found = classify(set, table, grid, profile);
    std::string shown_title = found.title.empty() ? std::string("(no title)") : found.title;
    if (!found.claimed)
        report(diagnostics, Severity::warning, "unknown_table", table.page,
               "no layout claims the table titled '" + shown_title + "'" +
                   (found.layout ? ": its amounts are read as table kind other" : ""));
    if (!found.layout) return std::nullopt;
    const Layout& layout = *found.layout;
    Matcher matcher{set, layout};
    const std::optional<Table> mended = mend_ocr_headers(matcher, table, shown_title, options.reread_ocr_cells, diagnostics);
    if (mended) grid = Grid(*mended);

    TableReading reading;
    reading.table_index = table_index;
    reading.page = table.page;
    reading.order_on_page = table.order_on_page;
    reading.layout_id = layout.id;
    reading.table_kind = layout.kind;
    reading.table_title = found.title;
    reading.checks = layout.checks;
    reading.excludes = layout.excludes;
    for (const std::string& e : title_excludes(set.vocabulary, found.title)) reading.excludes.push_back(e);

    HeaderInfo header = read_header(grid, matcher, found.title);
    std::vector<int> body_rows;
    for (int r = header.body_start; r < grid.rows(); ++r) {
        if (std::find(header.skipped_rows.begin(), header.skipped_rows.end(), r) != header.skipped_rows.end()) continue;
        if (is_column_number_row(grid, matcher, r) || is_header_like_row(grid, matcher, r)) continue;
        body_rows.push_back(r);
    }
    assign_roles_by_content(grid, body_rows, header);
    UnitFound unit = read_unit(set.vocabulary, unit_texts(table, grid, header));
    reading.unit = unit.unit;
    if (!unit.conflict.empty()) {
        report(diagnostics, Severity::error, "unit_conflict", table.page,
               "'" + shown_title + "' prints two units, " + unit.unit + " and " + unit.conflict +
                   ": its amounts are not recorded");
        reading.unit.clear();
        reading.unit_printed = false;
    }

    // 本表无数据 in the title, or in a note under a table that prints no amount.
    if (marked_no_data(set, {found.title}) || (profile.amount_cells == 0 && marked_no_data(set, table.context.notes))) {
        report(diagnostics, Severity::info, "empty_table", table.page, "'" + shown_title + "' is marked as having no data");
        return reading;
    }
    if (header.header_rows == 0)
        report(diagnostics, Severity::warning, "header_not_found", table.page,
               "no column headers recognised in '" + shown_title + "' (layout " + layout.id +
                   "): amounts are read without measures");

    std::vector<Block> blocks = cut_blocks(header, matcher);
    std::vector<std::vector<RowMeaning>> meanings = read_row_meanings(grid, blocks, body_rows, layout.code_system);
    join_wrapped_labels(set, matcher, blocks, meanings);

    // Amount columns whose header names no measure: read, and reported once each. A measure the
    // header withholds on purpose (a fund under 上年结转结余 breaks the carry-over down) is no gap.
    for (size_t c = 0; c < header.columns.size(); ++c) {
        const ColumnInfo& col = header.columns[c];
        bool unmapped_measure = col.role == ColumnRole::measure && col.measure.empty() && !col.measure_shared;
        if (!unmapped_measure && col.role != ColumnRole::none) continue;
        for (int r : body_rows) {
            const Cell* cell = grid.top_left(r, static_cast<int>(c));
            if (!cell || !(unmapped_measure ? looks_like_amount(cell->text) : written_amount(cell->text))) continue;
            report(diagnostics, Severity::warning, "unmapped_column", cell->page,
                   "column '" + (col.measure_label.empty() ? std::string("(no header)") : col.measure_label) +
                       "' of '" + shown_title + "' has amounts but no measure in layout " + layout.id +
                       ": read with an empty measure",
                   cell->bbox);
            break;
        }
    }

    // A block with amounts but no label takes the label of the nearest label-only block to its
    // left on the same side (公用经费合计 printed left of its amounts).
    for (auto& row : meanings)
        for (size_t b = 0; b < blocks.size(); ++b) {
            RowMeaning& m = row[b];
            if (!m.label.empty() || !m.code.empty() || !m.has_amounts) continue;
            for (size_t k = b; k-- > 0;) {
                if (blocks[k].side != blocks[b].side) break;
                if (row[k].has_amounts || (row[k].label.empty() && row[k].code.empty())) continue;
                m.label = row[k].label;
                m.group = row[k].group;
                m.code = row[k].code;
                m.code_printed = row[k].code_printed;
                break;
            }
        }

    // Row keys, roles and name-map codes, per block in row order; then the hierarchy.
    int name_mismatches = 0;
    std::vector<std::vector<RowReading>> rows(meanings.size(), std::vector<RowReading>(blocks.size()));
    for (size_t b = 0; b < blocks.size(); ++b) {
        KeyState state;
        std::vector<RowMeaning> column;
        std::vector<int> kinds;
        std::set<std::string> block_labels;
        for (const auto& row : meanings)
            if (!row[b].label.empty()) block_labels.insert(label_key(row[b].label));
        for (size_t i = 0; i < meanings.size(); ++i) {
            RowMeaning& m = meanings[i][b];
            if (m.label.empty() && m.code.empty()) {
                column.push_back(m);
                kinds.push_back(static_cast<int>(HierarchyKind::outside));
                continue;
            }
            mend_ocr_name(set, matcher, grid, blocks[b], m, block_labels, shown_title, table.page, diagnostics);
            rows[i][b] = resolve_row(set, matcher, blocks[b], m, state);
            if (m.code_printed && !m.label.empty() && name_mismatches < max_name_mismatch_reports &&
                catalog_lists_name(set, m.code, m.label) == false) {
                ++name_mismatches;
                report(diagnostics, Severity::info, "code_name_mismatch", table.page,
                       "'" + shown_title + "': code " + m.code + " is printed with the name '" + m.label +
                           "', which the catalogue of printed names does not list for it");
            }
            column.push_back(m);
            // A code printed on the page has its own hierarchy; one from a name map (一、一般公共
            // 服务支出 → 201) keeps its ordinal's place among the labelled rows.
            HierarchyKind kind = rows[i][b].hierarchy;
            if (kind == HierarchyKind::outside && !m.code_printed && rows[i][b].row_key.empty() &&
                rows[i][b].role == RowRole::item)
                kind = HierarchyKind::item;
            kinds.push_back(static_cast<int>(kind));
        }
        RowHierarchy hierarchy = parents_from_ordinals(column, kinds);
        for (size_t i = 0; i < meanings.size(); ++i) {
            int parent = hierarchy.parents[i];
            if (parent >= 0) meanings[i][b].parent_row = meanings[static_cast<size_t>(parent)][b].row;
            meanings[i][b].sums_children = hierarchy.sums_children[i];
            // A keyed row under a keyed item row itemises it: "parent.key" (一、财政拨款收入 →
            // fiscal_grant, its 一般公共预算 line → fiscal_grant.general_budget).
            RowReading& reading_i = rows[i][b];
            if (parent >= 0 && matcher.layout.breakdown_keys && !reading_i.row_key.empty() &&
                reading_i.row_key.find('.') == std::string::npos && reading_i.role == RowRole::item) {
                const RowReading& above = rows[static_cast<size_t>(parent)][b];
                if (!above.row_key.empty() && above.role == RowRole::item)
                    reading_i.row_key = above.row_key + "." + reading_i.row_key;
            }
        }
    }

    int not_amount_cells = 0, worded_cells = 0;
    for (size_t i = 0; i < meanings.size(); ++i) {
        for (size_t b = 0; b < blocks.size(); ++b) {
            const RowMeaning& m = meanings[i][b];
            const RowReading& rr = rows[i][b];
            if (m.label.empty() && m.code.empty() && !m.has_amounts) continue;
            CodeSystem system = code_system_of(m.code, layout.code_system);
            for (int c : blocks[b].measure_cols) {
                const Cell* cell = grid.top_left(m.row, c);
                // OCR ink in an amount cell that reads as Latin letters or digits but no amount
                // (figures under a seal: 'WE ;只i') is kept as printed: an unreadable amount, not
                // a blank one. Chinese alone there is the seal's own text (财务专用章 read 四).
                const bool unread_ink = cell && cell->read_by_ocr && m.has_amounts && has_ascii_alnum(cell->text);
                if (!cell || !(looks_like_amount(cell->text) || unread_ink)) continue;
                if (worded_value(cell->text) && !(cell->read_by_ocr && amount_with_stray_marks(cell->text))) {
                    ++worded_cells;
                    continue;
                }
                if (rr.not_amount) {
                    ++not_amount_cells;
                    continue;
                }
                const ColumnInfo& col = header.columns[c];
                ReadAmount a;
                a.page = cell->page > 0 ? cell->page : table.page;
                a.row = m.row;
                a.col = c;
                a.block = static_cast<int>(b);
                a.side = col.side != Side::none ? col.side : blocks[b].side;
                a.role = rr.role;
                a.row_key = rr.row_key;
                a.row_label = m.label;
                a.row_group = m.group;
                a.code = m.code;
                a.code_system = system;
                a.cross_code = m.cross_code;
                a.cross_code_system = system_of_code(m.cross_code);
                a.cross_label = m.cross_label;
                a.measure = col.measure;
                a.measure_label = col.measure_label;
                // Last year's figures and changes printed beside this year's are not the year's
                // measure: they keep their label and an empty measure.
                if (path_names_other_period(set.vocabulary, col.path, options.fiscal_year) ||
                    row_names_other_period(grid, blocks[b], m.row, set.vocabulary, options.fiscal_year)) {
                    a.measure.clear();
                    a.other_period = true;
                }
                a.printed = trim(cell->text);
                a.bbox = cell->bbox;
                a.confidence = cell->confidence;
                a.current_year_only = col.current_year_only;
                a.of_which_column = col.of_which;
                a.parent_row = m.parent_row;
                a.sums_children = m.sums_children;
                if (!col.part_key.empty()) {
                    a.part_in_header = true;
                    a.part_group = col.part_group;
                    a.row_key = col.part_key;
                    a.row_label = col.part_label;  // parts as columns: the row label is the part's header
                    if (const RowKeyRule* part_rule = matcher.row_rule_by_key(col.part_key)) a.role = part_rule->role;
                }
                reading.amounts.push_back(std::move(a));
            }
        }
    }
    read_loose_amounts(grid, header, body_rows, table, reading);
    if (not_amount_cells > 0)
        report(diagnostics, Severity::info, "not_amount_rows", table.page,
               std::to_string(not_amount_cells) + " count cells of '" + shown_title + "' are not money and were not read");
    if (worded_cells > 0)
        report(diagnostics, Severity::info, "worded_values", table.page,
               std::to_string(worded_cells) + " cells of '" + shown_title +
                   "' in amount columns print words or signs beside their digits (≥95%, 10月底): targets or notes, not read as amounts");
    if (reading.amounts.empty())
        report(diagnostics, Severity::info, "empty_table", table.page, "'" + shown_title + "' has no amounts");
    report_duplicate_meanings(reading, shown_title, diagnostics);
    return reading;
}

}  // namespace budgetpdf
