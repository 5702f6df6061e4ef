#include "extract/table_continuation.h"

// How it works: a table continues on the next page when
//  - it is the last table of its page and has no text under it (page numbers and running
//    footers aside), and the next page's first table
//  - has above it nothing but running headers, units, periods and organisation lines, or
//    the table's own title again (same title, same or no tag, same or no organisation:
//    a repeated title), and
//  - has the table's columns: every column edge matches a column edge of the table's first
//    part within a tolerance (a scanned part moved first by the distance of the two left
//    edges, up to what a sheet's placement on a scanner varies; looser for grids whose
//    columns come from text alignment;
//    for those, a continuation with as many columns whose every edge lies between the
//    neighbours of the corresponding edge also matches: edges drawn in wide white gaps
//    move with the text of each page); a continuation that repeats the header rows word
//    for word may have its columns drawn wider or narrower (as many columns, each page
//    sized on its own); a continuation with fewer columns (borders not drawn in its rows)
//    is mapped onto the table's columns, its cells getting the matching col/col_span, and
//  - the page break is explained: a 续表 mark, a repeated title or header, or the table
//    ends in the bottom part of its page and the continuation starts in the top part, or
//    the continuation's first record (its first row and the rows its merged cells span)
//    would not have fitted in the space left under the table (the next page's top margin,
//    plus a slack, taken as the bottom margin).
// A continuation whose first row has the layout of the table's first row but other words
// in it (an in-grid title row naming another item, or 项目名称 | <another project>) is a
// new instance of the same form, never a continuation.
// The continuation's leading rows are dropped when they repeat the first part's header
// rows (same texts); its other rows are appended to the logical table.
// A table that starts a page without title or tag takes its title from the lines printed
// under the last table of the previous page, or closing the previous page when it has no
// table (a title separated from its table by a page break).

#include <algorithm>
#include <cmath>
#include <string>

#include "extract/table_text.h"

namespace budgetpdf {
namespace {

constexpr double bottom_zone_fraction = 0.3;   // a table "ends near the bottom" within this share of the page
constexpr double top_zone_fraction = 0.3;      // a continuation starts within this share of the page
constexpr double lattice_col_tolerance_pt = 6.0;
constexpr double aligned_col_tolerance_pt = 20.0;
constexpr double max_scan_shift_pt = 20.0;         // a scanned page's content sits at most this far off
constexpr double page_break_slack_fraction = 0.1;  // the bottom margin may exceed the top margin by this share of the page

std::vector<std::string> row_texts(const std::vector<Cell>& cells, int row) {
    std::vector<std::string> out;
    for (const Cell& c : cells)
        if (c.row == row) out.push_back(c.text);
    return out;
}

// Whether every inner edge of `b` lies strictly between the neighbours of the edge of
// `a` with the same index, the outer edges matching within aligned_col_tolerance_pt (the
// same columns, their edges placed differently in the white gaps between them).
bool interleaved(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size() || a.size() < 2) return false;
    if (std::abs(a.front() - b.front()) > aligned_col_tolerance_pt ||
        std::abs(a.back() - b.back()) > aligned_col_tolerance_pt)
        return false;
    for (size_t k = 1; k + 1 < a.size(); ++k)
        if (!(a[k - 1] < b[k] && b[k] < a[k + 1])) return false;
    return true;
}

// For each column edge of `next`, the index of the matching column edge of `first`
// (the logical table's columns); empty when some edge of `next` matches none. A part may
// have fewer columns than the table (a row band where some borders are not drawn).
std::vector<int> column_map(const PageGrid& first, const PageGrid& next, bool header_repeated, double shift) {
    double tolerance = first.method == GridMethod::lattice && next.method == GridMethod::lattice
                           ? lattice_col_tolerance_pt
                           : aligned_col_tolerance_pt;
    if (next.cols() > first.cols()) return {};
    std::vector<int> same(next.col_edges.size());
    for (size_t k = 0; k < same.size(); ++k) same[k] = static_cast<int>(k);
    if (header_repeated && next.cols() == first.cols()) return same;
    std::vector<double> next_edges = next.col_edges;
    for (double& edge : next_edges) edge -= shift;
    if (!(first.method == GridMethod::lattice && next.method == GridMethod::lattice) && next.cols() == first.cols() &&
        interleaved(first.col_edges, next_edges))
        return same;
    std::vector<int> map;
    size_t j = 0;
    for (double edge : next_edges) {
        while (j < first.col_edges.size() && first.col_edges[j] < edge - tolerance) ++j;
        if (j == first.col_edges.size() || std::abs(first.col_edges[j] - edge) > tolerance) return {};
        map.push_back(static_cast<int>(j));
        ++j;
    }
    if (map.front() != 0 || map.back() != first.cols()) return {};
    return map;
}

// How far a scanned part sits off the table's first part across the page: the distance of
// their left edges when either was scanned and it is no more than a sheet laid on a scanner
// moves; 0 otherwise (pages drawn by a program place a table's parts alike).
double placement_shift(const PageTable& first, const PageTable& next) {
    if (!(first.scanned || next.scanned) || first.grid.col_edges.empty() || next.grid.col_edges.empty()) return 0;
    const double shift = next.grid.col_edges.front() - first.grid.col_edges.front();
    return std::abs(shift) <= max_scan_shift_pt ? shift : 0;
}

// Number of leading rows of `next` that repeat the header rows of `first`.
int repeated_header_rows(const PageTable& first, const PageTable& next) {
    if (first.header_rows == 0 || next.grid.rows() < first.header_rows) return 0;
    for (int r = 0; r < first.header_rows; ++r)
        if (row_texts(first.cells, r) != row_texts(next.cells, r)) return 0;
    return first.header_rows;
}

bool among(const std::string& text, const std::vector<std::string>& lines) {
    return std::find(lines.begin(), lines.end(), text) != lines.end();
}

enum class ContextRelation { none, repeated_title, foreign };

// What is printed above the continuation: nothing but running headers (lines the previous
// page prints in its margins too), units, periods and organisation lines (none); the
// first part's title again, with the same or no tag and organisation and no line the first
// part does not print (repeated_title); or anything else (foreign).
ContextRelation context_relation(const TableContext& first, const TableContext& c,
                                 const std::vector<std::string>& previous_margins) {
    bool running_only = std::all_of(c.other_lines.begin(), c.other_lines.end(),
                                    [&](const std::string& line) { return among(line, previous_margins); });
    bool titled = !c.title.empty() && !among(c.title, previous_margins);
    if (running_only && !titled && c.tag.empty()) return ContextRelation::none;
    // A repeated title block repeats its other lines too.
    bool repeated_lines = std::all_of(c.other_lines.begin(), c.other_lines.end(), [&](const std::string& line) {
        return among(line, previous_margins) || among(line, first.other_lines);
    });
    if (!repeated_lines || !titled) return ContextRelation::foreign;
    bool same_title = titled && without_spaces(c.title) == without_spaces(first.title);
    bool same_tag = c.tag.empty() || without_spaces(c.tag) == without_spaces(first.tag);
    bool same_organisation = c.organisation.empty() || first.organisation.empty() ||
                             without_spaces(c.organisation) == without_spaces(first.organisation);
    return same_title && same_tag && same_organisation ? ContextRelation::repeated_title : ContextRelation::foreign;
}

// The cells of `row`, left to right.
std::vector<const Cell*> row_cells(const std::vector<Cell>& cells, int row) {
    std::vector<const Cell*> out;
    for (const Cell& c : cells)
        if (c.row == row) out.push_back(&c);
    std::sort(out.begin(), out.end(), [](const Cell* a, const Cell* b) { return a->col < b->col; });
    return out;
}

// The first row of `next` laid out like the first row of `first` (same cells and spans)
// but with other words: a single full-width cell (an in-grid title naming another item),
// or the same label in the first cell and another value beside it (项目名称 | <another
// project>). A new instance of the same form, not a continuation.
bool starts_new_instance(const PageTable& first, const PageTable& next, const std::vector<int>& map) {
    std::vector<const Cell*> a = row_cells(first.cells, 0), b = row_cells(next.cells, 0);
    if (a.empty() || a.size() != b.size()) return false;
    bool same_texts = true;
    for (size_t k = 0; k < a.size(); ++k) {
        int col = map[b[k]->col], span = map[b[k]->col + b[k]->col_span] - col;
        if (a[k]->col != col || a[k]->col_span != span) return false;
        same_texts = same_texts && without_spaces(a[k]->text) == without_spaces(b[k]->text);
    }
    if (same_texts) return false;
    if (a.size() == 1) return true;
    return !a[0]->text.empty() && without_spaces(a[0]->text) == without_spaces(b[0]->text);
}

// Height of the continuation's first record after `skip` repeated header rows: its first
// row and every row a merged cell starting there reaches, measured from the grid's top.
double first_record_height(const PageTable& next, int skip) {
    if (next.grid.rows() <= skip) return 0;
    int end = skip + 1;
    for (int r = skip; r < end; ++r)
        for (const Cell& c : next.cells)
            if (c.row == r) end = std::max(end, std::min(c.row + c.row_span, next.grid.rows()));
    return next.grid.row_edges[end] - next.grid.row_edges.front();
}

// Nothing under the table but a running footer (a line the next page prints in its margins too).
bool nothing_below(const PageTable& previous, const PageTable& next) {
    const PageTableContext& c = previous.context;
    if (!c.context.notes.empty()) return false;
    if (!c.text_below) return true;
    if (c.lines_below.empty()) return false;
    return std::all_of(c.lines_below.begin(), c.lines_below.end(),
                       [&](const TextLine& line) { return among(line.text, next.margin_lines); });
}

Table table_from(const PageTable& p) {
    Table t;
    t.page = p.page;
    t.order_on_page = p.order_on_page;
    t.method = p.grid.method;
    t.rows = p.grid.rows();
    t.cols = p.grid.cols();
    t.header_rows = p.header_rows;
    t.cells = p.cells;
    t.context = p.context.context;
    TablePart part;
    part.page = p.page;
    part.bbox = p.grid.bbox();
    part.first_row = 0;
    part.row_count = t.rows;
    part.row_edges = p.grid.row_edges;
    part.col_edges = p.grid.col_edges;
    t.parts.push_back(std::move(part));
    return t;
}

void append_part(Table& t, const PageTable& first, const PageTable& p, int skip_rows) {
    std::vector<int> map = column_map(first.grid, p.grid, skip_rows > 0, placement_shift(first, p));
    int offset = t.rows - skip_rows;
    for (const Cell& c : p.cells) {
        if (c.row < skip_rows) continue;
        Cell moved = c;
        moved.row += offset;
        moved.col = map[c.col];
        moved.col_span = map[c.col + c.col_span] - map[c.col];
        t.cells.push_back(std::move(moved));
    }
    TablePart part;
    part.page = p.page;
    part.first_row = t.rows;
    part.row_count = p.grid.rows() - skip_rows;
    part.repeats_header = skip_rows > 0;
    part.row_edges.assign(p.grid.row_edges.begin() + skip_rows, p.grid.row_edges.end());
    part.col_edges = first.grid.col_edges;
    for (size_t k = 0; k < map.size(); ++k) part.col_edges[map[k]] = p.grid.col_edges[k];
    Rect box = p.grid.bbox();
    box.y0 = part.row_edges.front();
    part.bbox = box;
    t.rows += part.row_count;
    t.parts.push_back(std::move(part));
    for (const std::string& note : p.context.context.notes) t.context.notes.push_back(note);
}

}  // namespace

bool continues(const PageTable& first, const PageTable& previous, const PageTable& next) {
    if (next.page != previous.page + 1) return false;
    if (!nothing_below(previous, next)) return false;
    ContextRelation context = context_relation(first.context.context, next.context.context, previous.margin_lines);
    if (context == ContextRelation::foreign) return false;
    int skip = repeated_header_rows(first, next);
    std::vector<int> map = column_map(first.grid, next.grid, skip > 0, placement_shift(first, next));
    if (map.empty()) return false;
    if (skip == 0 && starts_new_instance(first, next, map)) return false;
    if (next.context.continued_mark || context == ContextRelation::repeated_title || skip > 0) return true;
    Rect prev_box = previous.grid.bbox(), next_box = next.grid.bbox();
    bool ends_low = previous.page_height - prev_box.y1 <= bottom_zone_fraction * previous.page_height;
    bool starts_high = next_box.y0 <= top_zone_fraction * next.page_height;
    if (!starts_high) return false;
    double space_left = previous.page_height - next_box.y0 - prev_box.y1 - page_break_slack_fraction * previous.page_height;
    return ends_low || first_record_height(next, 0) > space_left;
}

std::vector<Table> join_tables(const std::vector<PageTable>& page_tables, bool join,
                               std::vector<Diagnostic>& diagnostics) {
    std::vector<Table> tables;
    const PageTable* first = nullptr;
    const PageTable* previous = nullptr;
    for (size_t i = 0; i < page_tables.size(); ++i) {
        const PageTable& p = page_tables[i];
        bool last_on_previous_page = previous && (i == 0 || page_tables[i - 1].page != p.page) &&
                                     previous == &page_tables[i - 1];
        if (join && previous && last_on_previous_page && p.order_on_page == 0 && continues(*first, *previous, p)) {
            int skip = repeated_header_rows(*first, p);
            append_part(tables.back(), *first, p, skip);
            diagnostics.push_back({Severity::info, "continued_table", p.page, p.grid.bbox(),
                                   "table from page " + std::to_string(first->page) + " continues on page " +
                                       std::to_string(p.page)});
            previous = &p;
            continue;
        }
        if (p.grid.fragment) {
            diagnostics.push_back({Severity::info, "table_fragment_dropped", p.page, p.grid.bbox(),
                                   "a single ruled row that continues no table is not a table"});
            continue;
        }
        tables.push_back(table_from(p));
        // A title printed at the foot of the previous page, its table starting on this one.
        const std::vector<TextLine>* foot = nullptr;
        if (p.order_on_page == 0 && i > 0 && page_tables[i - 1].page == p.page - 1)
            foot = &page_tables[i - 1].context.lines_below;
        else if (p.order_on_page == 0 && !p.lines_on_previous_page.empty())
            foot = &p.lines_on_previous_page;
        if (foot && !foot->empty() && p.context.context.title.empty() && p.context.context.tag.empty()) {
            PageTableContext carried = p.context;
            std::vector<const TextLine*> lines;
            for (const TextLine& line : *foot)
                if (!among(line.text, p.margin_lines)) lines.push_back(&line);
            apply_lines_above(carried, lines, p.grid.bbox(), false);
            tables.back().context = carried.context;
        }
        first = &p;
        previous = &p;
    }
    // Dropped fragments leave gaps in the order of tables on a page.
    int page = -1, order = 0;
    for (Table& t : tables) {
        order = t.page == page ? order + 1 : 0;
        page = t.page;
        t.order_on_page = order;
    }
    return tables;
}

}  // namespace budgetpdf
