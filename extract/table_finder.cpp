#include "extract/table_finder.h"

// How it works, page by page:
// 1. Lattice grids from the ruling lines (grid_lattice); bands holding several records
//    are split by text (grid_rows).
// 2. Among the spans left over, tables drawn with horizontal rules only (grid_text).
// 3. Among the spans still left over, tables without any rules (grid_text, conservative).
// 4. Spans go to cells by their centre (table_cells); header rows are counted; the lines
//    outside every table become the tables' context (table_context).
// Then running headers and footers (lines the neighbouring pages print in their margins
// too) leave the tables' context, and tables continued on the following pages are joined
// (table_continuation).
// Spans are looked up through an index sorted by vertical centre, so collecting the spans
// of a table costs a binary search plus the spans actually inside.

#include <algorithm>
#include <map>
#include <numeric>

#include "extract/grid_lattice.h"
#include "extract/grid_rows.h"
#include "extract/grid_text.h"
#include "extract/span_cuts.h"
#include "extract/table_cells.h"
#include "extract/context_lines.h"
#include "extract/table_context.h"
#include "extract/table_continuation.h"
#include "extract/table_header.h"
#include "extract/table_text.h"

namespace budgetpdf {
namespace {

constexpr double grid_margin_pt = 1.0;  // a span centred this close outside a grid still belongs to it
constexpr double running_margin_fraction = 0.1;  // running headers/footers sit in this share of the page
constexpr double closing_zone_fraction = 0.4;    // a title printed at the foot of a page lies in this share of it

struct SpanIndex {
    std::vector<int> by_centre;  // span indexes sorted by vertical centre
    std::vector<double> centres;

    explicit SpanIndex(const std::vector<TextSpan>& spans) : by_centre(spans.size()) {
        std::iota(by_centre.begin(), by_centre.end(), 0);
        std::sort(by_centre.begin(), by_centre.end(),
                  [&](int a, int b) { return spans[a].bbox.center_y() < spans[b].bbox.center_y(); });
        for (int i : by_centre) centres.push_back(spans[i].bbox.center_y());
    }

    std::vector<int> inside(const std::vector<TextSpan>& spans, const Rect& r, const std::vector<bool>& used) const {
        std::vector<int> out;
        auto lo = std::lower_bound(centres.begin(), centres.end(), r.y0 - grid_margin_pt) - centres.begin();
        auto hi = std::upper_bound(centres.begin(), centres.end(), r.y1 + grid_margin_pt) - centres.begin();
        for (auto k = lo; k < hi; ++k) {
            int i = by_centre[k];
            double cx = spans[i].bbox.center_x();
            if (!used[i] && cx >= r.x0 - grid_margin_pt && cx <= r.x1 + grid_margin_pt) out.push_back(i);
        }
        return out;
    }
};

bool has_text(const std::vector<TextSpan>& spans, const std::vector<int>& indexes) {
    return std::any_of(indexes.begin(), indexes.end(),
                       [&](int i) { return spans[i].text.find_first_not_of(" \t") != std::string::npos; });
}

std::vector<int> unused(const std::vector<bool>& used) {
    std::vector<int> out;
    for (int i = 0; i < static_cast<int>(used.size()); ++i)
        if (!used[i]) out.push_back(i);
    return out;
}

// The lines printed in the top and bottom margins of a page (page numbers aside): running
// headers and footers repeat there.
std::vector<std::string> margin_lines_of(const Page& page, const std::vector<TextLine>& lines) {
    std::vector<std::string> out;
    for (const TextLine& line : lines) {
        bool in_margin = line.bbox.y1 <= running_margin_fraction * page.height ||
                         line.bbox.y0 >= (1 - running_margin_fraction) * page.height;
        if (in_margin && !is_page_furniture(line.text)) out.push_back(line.text);
    }
    return out;
}

std::vector<PageTable> tables_of_page(const Page& page) {
    const std::vector<TextSpan>& spans = page.spans;
    SpanIndex index(spans);
    std::vector<bool> used(spans.size(), false);
    std::vector<std::pair<PageGrid, std::vector<int>>> found;
    auto accept = [&](PageGrid grid, bool split_rows) {
        std::vector<int> inside = index.inside(spans, grid.bbox(), used);
        if (!has_text(spans, inside)) return;
        if (split_rows) split_rows_by_text(grid, spans, inside);
        grid.fragment = grid.rows() < 2;
        bool numeric = std::any_of(inside.begin(), inside.end(), [&](int i) { return is_numeric_text(spans[i].text); });
        if (grid.fragment && !numeric) return;
        for (int i : inside) used[i] = true;
        found.push_back({std::move(grid), std::move(inside)});
    };

    LatticeResult lattice = find_lattice_grids(page.rulings, spans);
    for (PageGrid& grid : lattice.grids) accept(std::move(grid), true);
    for (PageGrid& grid : find_rule_tables(lattice.loose_horizontals, spans, unused(used))) accept(std::move(grid), false);
    for (PageGrid& grid : find_text_tables(spans, unused(used))) accept(std::move(grid), false);

    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first.row_edges.front() < b.first.row_edges.front();
    });
    std::vector<Rect> boxes;
    for (const auto& f : found) boxes.push_back(f.first.bbox());
    std::vector<TextLine> free_lines = group_lines(spans, unused(used));
    std::vector<PageTableContext> contexts = assign_context(spans, free_lines, boxes);

    std::vector<std::string> margin_lines = margin_lines_of(page, free_lines);
    std::vector<TextSpan> cut_spans = spans;  // spans plus the pieces of spans cut at column edges
    std::vector<PageTable> out;
    for (size_t k = 0; k < found.size(); ++k) {
        PageTable t;
        t.page = page.number;
        t.order_on_page = static_cast<int>(k);
        t.page_height = page.height;
        t.scanned = page.source == TextSource::ocr;
        t.grid = std::move(found[k].first);
        split_spans_at_columns(t.grid, cut_spans, found[k].second);
        t.cells = fill_cells(t.grid, cut_spans, found[k].second, page.number);
        t.header_rows = count_header_rows(t.cells, t.grid.rows());
        t.context = std::move(contexts[k]);
        t.margin_lines = margin_lines;
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<TextLine> all_lines(const Page& page) {
    std::vector<int> all(page.spans.size());
    std::iota(all.begin(), all.end(), 0);
    return group_lines(page.spans, all);
}

// The lines closing a page without tables, after its last paragraph: a table title
// printed at the foot of the page, its table starting on the next page.
std::vector<TextLine> closing_lines(const Page& page) {
    std::vector<TextLine> lines = all_lines(page);
    std::vector<TextLine> out;
    for (const TextLine& line : lines) {
        if (is_page_furniture(line.text)) continue;
        bool paragraph_end = line.text.size() >= 3 && line.text.compare(line.text.size() - 3, 3, "。") == 0;
        if (paragraph_end || line.bbox.y0 < (1 - closing_zone_fraction) * page.height) out.clear();
        else out.push_back(line);
    }
    return out;
}

// Drops from the context of each table the running headers and footers: lines printed in
// the margins of the page before or after too, unless they name a table (a title repeated
// over a continued table is not a running header).
void drop_running_lines(std::vector<PageTable>& page_tables, const std::map<int, std::vector<std::string>>& margins) {
    auto running = [&](int page, const std::string& text) {
        if (text.empty() || names_a_table(text)) return false;
        for (int other : {page - 1, page + 1}) {
            auto it = margins.find(other);
            if (it != margins.end() && std::find(it->second.begin(), it->second.end(), text) != it->second.end())
                return true;
        }
        return false;
    };
    for (PageTable& t : page_tables) {
        TableContext& c = t.context.context;
        if (running(t.page, c.title)) c.title.clear();
        c.other_lines.erase(std::remove_if(c.other_lines.begin(), c.other_lines.end(),
                                           [&](const std::string& line) { return running(t.page, line); }),
                            c.other_lines.end());
    }
}

}  // namespace

std::vector<Table> find_tables(const std::vector<Page>& pages, const TableFinderOptions& options,
                               std::vector<Diagnostic>& diagnostics) {
    std::vector<PageTable> page_tables;
    std::map<int, std::vector<std::string>> margins;
    std::vector<TextLine> previous_closing;
    int previous_page = 0;
    for (const Page& page : pages) {
        std::vector<PageTable> tables = tables_of_page(page);
        margins[page.number] = tables.empty() ? margin_lines_of(page, all_lines(page)) : tables.front().margin_lines;
        if (!tables.empty() && previous_page == page.number - 1) tables.front().lines_on_previous_page = previous_closing;
        previous_closing = tables.empty() ? closing_lines(page) : std::vector<TextLine>{};
        previous_page = page.number;
        page_tables.insert(page_tables.end(), std::make_move_iterator(tables.begin()),
                           std::make_move_iterator(tables.end()));
    }
    drop_running_lines(page_tables, margins);
    return join_tables(page_tables, options.join_continued_tables, diagnostics);
}

}  // namespace budgetpdf
