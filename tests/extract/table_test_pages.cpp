#include "table_test_pages.h"

#include <algorithm>

#include "extract/pdf_reader.h"
#include "extract/table_finder.h"
#include "pdf_test_files.h"

#include <doctest/doctest.h>

namespace budgetpdf::test {

TextSpan span_at(const std::string& text, double x0, double y_top, double width, double size) {
    TextSpan s;
    s.text = text;
    if (width <= 0) {
        double chars = 0;
        for (unsigned char c : text)
            if ((c & 0xC0) != 0x80) chars += c < 0x80 ? 0.55 : 1.0;
        width = chars * size;
    }
    s.bbox = {x0, y_top, x0 + width, y_top + size};
    s.font_size = size;
    return s;
}

TextSpan span_right(const std::string& text, double x1, double y_top, double size) {
    TextSpan s = span_at(text, 0, y_top, 0, size);
    double w = s.bbox.width();
    s.bbox.x0 = x1 - w;
    s.bbox.x1 = x1;
    return s;
}

Ruling hline(double y, double x0, double x1) {
    Ruling r;
    r.orientation = Orientation::horizontal;
    r.from = {x0, y};
    r.to = {x1, y};
    r.width = 0.5;
    return r;
}

Ruling vline(double x, double y0, double y1) {
    Ruling r;
    r.orientation = Orientation::vertical;
    r.from = {x, y0};
    r.to = {x, y1};
    r.width = 0.5;
    return r;
}

std::vector<Ruling> full_grid(const std::vector<double>& col_edges, const std::vector<double>& row_edges) {
    std::vector<Ruling> out;
    for (double y : row_edges) out.push_back(hline(y, col_edges.front(), col_edges.back()));
    for (double x : col_edges) out.push_back(vline(x, row_edges.front(), row_edges.back()));
    return out;
}

Page make_page(int number, std::vector<TextSpan> spans, std::vector<Ruling> rulings, double width, double height) {
    Page p;
    p.number = number;
    p.width = width;
    p.height = height;
    p.spans = std::move(spans);
    p.rulings = std::move(rulings);
    return p;
}

const Cell* cell_at(const Table& table, int row, int col) {
    for (const Cell& c : table.cells)
        if (c.row == row && c.col == col) return &c;
    return nullptr;
}

const Cell* cell_covering(const Table& table, int row, int col) {
    for (const Cell& c : table.cells)
        if (row >= c.row && row < c.row + c.row_span && col >= c.col && col < c.col + c.col_span) return &c;
    return nullptr;
}

bool cells_tile(const Table& table) {
    std::vector<int> covered(static_cast<size_t>(table.rows) * table.cols, 0);
    for (const Cell& c : table.cells) {
        if (c.row < 0 || c.col < 0 || c.row_span < 1 || c.col_span < 1) return false;
        if (c.row + c.row_span > table.rows || c.col + c.col_span > table.cols) return false;
        for (int r = c.row; r < c.row + c.row_span; ++r)
            for (int k = c.col; k < c.col + c.col_span; ++k) ++covered[static_cast<size_t>(r) * table.cols + k];
    }
    return std::all_of(covered.begin(), covered.end(), [](int n) { return n == 1; });
}

std::vector<Table> tables_of(const std::vector<Page>& pages, bool join_continued) {
    std::vector<Diagnostic> diagnostics;
    TableFinderOptions options;
    options.join_continued_tables = join_continued;
    return find_tables(pages, options, diagnostics);
}

std::vector<Table> tables_of_file(const std::string& relative, int first, int last) {
    auto pages = read_pdf_pages(shared_file(relative), PageRange{first, last});
    REQUIRE_MESSAGE(pages.ok(), relative);
    std::vector<Diagnostic> diagnostics;
    return find_tables(pages.value().pages, {}, diagnostics);
}

std::vector<std::string> row_texts(const Table& table, int row) {
    std::vector<std::string> out;
    for (const Cell& c : table.cells)
        if (c.row == row) out.push_back(c.text);
    return out;
}

std::vector<std::string> row_of(const Table& table, const std::string& label) {
    for (const Cell& c : table.cells) {
        if (c.text != label) continue;
        std::vector<const Cell*> row;
        for (const Cell& o : table.cells)
            if (o.row == c.row) row.push_back(&o);
        std::sort(row.begin(), row.end(), [](const Cell* a, const Cell* b) { return a->col < b->col; });
        std::vector<std::string> texts;
        for (const Cell* o : row) texts.push_back(o->text);
        return texts;
    }
    return {};
}

bool contains(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

}  // namespace budgetpdf::test
