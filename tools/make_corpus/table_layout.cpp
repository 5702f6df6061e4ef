#include "tools/make_corpus/table_layout.h"

#include <algorithm>
#include <numeric>

namespace budgetpdf::corpus {
namespace {

constexpr double min_column_width_pt = 18;
constexpr double label_column_cap_pt = 170;
constexpr double header_natural_chars = 4;  // a header may wrap beyond this many characters

bool may_wrap(CellRole role) { return role == CellRole::header || role == CellRole::label; }

std::vector<double> natural_widths(const TextMeasure& measure, const Grid& grid, double font_size,
                                   double cell_padding_pt) {
    std::vector<double> widths(grid.cols, min_column_width_pt);
    for (const auto& cell : grid.cells) {
        if (cell.col_span != 1 || cell.text.empty()) continue;
        double width = measure.width(cell.text, font_size) + 2 * cell_padding_pt;
        if (cell.role == CellRole::header) width = std::min(width, header_natural_chars * font_size + 2 * cell_padding_pt);
        if (cell.role == CellRole::label) width = std::min(width, label_column_cap_pt);
        widths[cell.col] = std::max(widths[cell.col], width);
    }
    return widths;
}

// The width a column cannot go below without shrinking text: its widest amount or code.
std::vector<double> rigid_widths(const TextMeasure& measure, const Grid& grid, double font_size,
                                 double cell_padding_pt) {
    std::vector<double> widths(grid.cols, min_column_width_pt);
    for (const auto& cell : grid.cells) {
        if (cell.col_span != 1 || may_wrap(cell.role)) continue;
        widths[cell.col] = std::max(widths[cell.col], measure.width(cell.text, font_size) + 2 * cell_padding_pt);
    }
    return widths;
}

int widest_label_column(const TextMeasure& measure, const Grid& grid, double font_size) {
    int column = -1;
    double widest = 0;
    for (const auto& cell : grid.cells) {
        if (cell.role != CellRole::label || cell.col_span != 1) continue;
        const double width = measure.width(cell.text, font_size);
        if (width > widest) { widest = width; column = cell.col; }
    }
    return column;
}

}  // namespace

double TableLayout::header_height(int header_rows) const { return rows_height(0, header_rows); }

double TableLayout::rows_height(int first, int last) const {
    return std::accumulate(row_height.begin() + first, row_height.begin() + last, 0.0);
}

TableLayout layout_table(const TextMeasure& measure, const Grid& grid, const TableStyle& style, double left,
                         double width, double scale) {
    TableLayout layout;
    layout.font_size = style.font_size_pt * scale;
    std::vector<double> widths = natural_widths(measure, grid, layout.font_size, style.cell_padding_pt);
    std::vector<bool> fixed(grid.cols, false);
    if (style.narrow_label_column_pt > 0) {
        const int column = widest_label_column(measure, grid, layout.font_size);
        if (column >= 0) {
            widths[column] = style.narrow_label_column_pt;
            fixed[column] = true;
        }
    }
    // Too wide: narrow the wrappable part of each column first (labels and headers wrap),
    // and only when even the amounts do not fit scale every column. Too narrow: widen all.
    const std::vector<double> rigid = rigid_widths(measure, grid, layout.font_size, style.cell_padding_pt);
    double fixed_total = 0;
    double free_total = 0;
    double rigid_total = 0;
    for (int c = 0; c < grid.cols; ++c) {
        (fixed[c] ? fixed_total : free_total) += widths[c];
        if (!fixed[c]) rigid_total += std::min(rigid[c], widths[c]);
    }
    const double free_width = width - fixed_total;
    const bool squeeze = free_total > free_width && rigid_total <= free_width;
    const double factor = squeeze ? (free_width - rigid_total) / (free_total - rigid_total)
                          : free_total > 0 ? free_width / free_total : 1.0;
    // Spare width to the label column: the other columns keep their natural widths, so
    // headers stay narrow and wrap as they do in a spreadsheet with one wide name column.
    const int spare_column = style.spare_width_to_labels && free_total < free_width
                                 ? widest_label_column(measure, grid, layout.font_size)
                                 : -1;
    layout.col_x.push_back(left);
    for (int c = 0; c < grid.cols; ++c) {
        double w = widths[c];
        if (spare_column >= 0) {
            if (c == spare_column && !fixed[c]) w += free_width - free_total;
        } else if (!fixed[c] && squeeze) {
            const double base = std::min(rigid[c], widths[c]);
            w = base + (widths[c] - base) * factor;
        } else if (!fixed[c]) {
            w = widths[c] * factor;
        }
        layout.col_x.push_back(layout.col_x.back() + w);
    }

    const double body_height = style.body_row_height_pt * scale;
    const double header_height = style.header_row_height_pt * scale;
    layout.row_height.assign(grid.rows, 0);
    for (int r = 0; r < grid.rows; ++r) layout.row_height[r] = r < grid.header_rows ? header_height : body_height;
    for (const auto& cell : grid.cells) {
        const double inner_width =
            layout.col_x[cell.col + cell.col_span] - layout.col_x[cell.col] - 2 * style.cell_padding_pt;
        FittedText fitted = fit_text(measure, cell.text, inner_width, 0, layout.font_size, may_wrap(cell.role));
        const double needed = fitted.height() + 2 * style.cell_padding_pt;
        const double have = layout.rows_height(cell.row, cell.row + cell.row_span);
        if (needed > have) layout.row_height[cell.row + cell.row_span - 1] += needed - have;
        layout.texts.push_back(std::move(fitted));
    }
    return layout;
}

}  // namespace budgetpdf::corpus
