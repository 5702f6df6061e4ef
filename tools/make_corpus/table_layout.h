#pragma once
// Sizes a corpus table: column widths from the text they hold, the text of every cell
// fitted into its box, and row heights tall enough for the fitted text.

#include <vector>

#include "tools/make_corpus/grid_model.h"
#include "tools/make_corpus/text_fit.h"

namespace budgetpdf::corpus {

enum class Borders { stroked_grid, horizontal_rules, filled_rects };
enum class VerticalAlign { top, middle };
// repeat_title_and_header: continuation pages print the lines above the table again
// (title, tag, unit line) and the header rows, as the national template does.
enum class Continuation { shrink_to_fit, repeat_header, no_header, repeat_title_and_header };

struct TableStyle {
    bool merge_headers = true;
    Borders borders = Borders::stroked_grid;
    VerticalAlign body_align = VerticalAlign::middle;
    double narrow_label_column_pt = 0;  // > 0: the widest label column gets this width
    Continuation continuation = Continuation::shrink_to_fit;
    double body_row_height_pt = 16;
    double header_row_height_pt = 18;
    double font_size_pt = 9;
    double cell_padding_pt = 2.5;  // between the text and each side of its cell
    double rule_width_pt = 0.5;     // stroked rules (filled rectangles keep their own thickness)
    double rule_gray = 0;           // 0 black … 1 white
    bool rules_inside_header = true;  // horizontal_rules: false leaves the header band unruled inside
    bool spare_width_to_labels = false;  // a table narrower than the page widens its label column only
    bool last_row_alone = false;    // a continued table puts its last row alone on the last page
};

struct TableLayout {
    std::vector<double> col_x;       // cols + 1 edges, starting at the left margin
    std::vector<double> row_height;  // one per row
    std::vector<FittedText> texts;   // one per grid cell, same order as Grid::cells
    double font_size = 0;

    double header_height(int header_rows) const;
    double rows_height(int first, int last) const;  // rows first..last-1
};

// scale < 1 shrinks fonts and row heights (used to fit a table on one page).
TableLayout layout_table(const TextMeasure& measure, const Grid& grid, const TableStyle& style, double left,
                         double width, double scale);

}  // namespace budgetpdf::corpus
