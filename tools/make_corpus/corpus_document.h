#pragma once
// Draws seed tables into one PDF with cairo and records what was drawn as ground truth.
//
// How it works: each table is laid out (table_layout.h), then placed from the current
// cursor: the lines above it (title centred, tag, one line holding 部门名称/年度/单位
// spread left-centre-right), the header rows, the body rows, the 注： lines. When a body
// row does not fit the page, the table continues on a new page (with a copy of the header
// rows, with the lines above and the header rows again, or with neither); a table that must
// stay on one page is laid out again at a smaller scale until it fits. Borders are drawn per
// page part: stroked cell edges (any width and grey), horizontal rules only (with or without
// rules inside the header band), or thin filled rectangles.

#include <cairo.h>

#include <string>
#include <vector>

#include "tools/make_corpus/seed_tables.h"
#include "tools/make_corpus/table_layout.h"
#include "tools/make_corpus/truth.h"

namespace budgetpdf::corpus {

// Frees the font caches cairo and fontconfig keep for the whole process. Call once, after
// the last CorpusDocument is gone, so leak checkers see only real leaks.
void release_font_caches();

struct PageSize {
    double width = 595.276;   // A4 portrait, points
    double height = 841.89;
};

class CorpusDocument {
public:
    CorpusDocument(const std::string& path, PageSize size);
    ~CorpusDocument();
    CorpusDocument(const CorpusDocument&) = delete;
    CorpusDocument& operator=(const CorpusDocument&) = delete;

    // share_page: start below the previous table when the whole table fits there.
    void add_table(const SeedTable& table, const TableStyle& style, bool share_page);

    // Ends the document; returns the tables as drawn. False when cairo reported an error.
    bool finish();
    const std::vector<TruthTable>& truth() const { return truth_; }
    // Cells whose text could not be fitted inside the cell (drawn overflowing).
    int overflowing_cells() const { return overflowing_cells_; }

private:
    struct Placement;

    void new_page();
    double context_height(const SeedTable& table) const;
    double notes_height(const SeedTable& table, double width) const;
    void draw_context(const SeedTable& table);
    void draw_notes(const SeedTable& table);
    void draw_line(const std::string& text, double font_size, double x, double baseline);
    void draw_cell_text(const GridCell& cell, const FittedText& text, double x0, double y0, double x1, double y1,
                        VerticalAlign body_align, double padding);
    void draw_rule(double x0, double y0, double x1, double y1, const TableStyle& style);
    void draw_part(const Grid& grid, const TableLayout& layout, const TableStyle& style,
                   const std::vector<int>& rows, const std::vector<double>& row_top, bool record, TruthTable& truth);

    PageSize size_;
    cairo_surface_t* surface_ = nullptr;
    cairo_t* context_ = nullptr;
    int page_ = 1;
    double cursor_y_ = 0;
    bool page_blank_ = true;
    std::vector<TruthTable> truth_;
    int overflowing_cells_ = 0;
};

}  // namespace budgetpdf::corpus
