#pragma once
// The table finder's working form of one table on one page: row and column edges and
// the cells (with spans) that tile the grid. Text is filled in later (table_cells).

#include <vector>

#include "model/geometry.h"
#include "model/table.h"

namespace budgetpdf {

struct GridCell {
    int row = 0;
    int col = 0;
    int row_span = 1;
    int col_span = 1;
};

struct PageGrid {
    GridMethod method = GridMethod::lattice;
    std::vector<double> row_edges;  // ascending y, rows + 1 values
    std::vector<double> col_edges;  // ascending x, cols + 1 values
    std::vector<GridCell> cells;    // row-major, tiling the grid
    bool fragment = false;          // a single ruled row: kept only as the end of a table
                                    // continued from the previous page

    int rows() const { return static_cast<int>(row_edges.size()) - 1; }
    int cols() const { return static_cast<int>(col_edges.size()) - 1; }
    Rect bbox() const {
        if (row_edges.size() < 2 || col_edges.size() < 2) return {};
        return {col_edges.front(), row_edges.front(), col_edges.back(), row_edges.back()};
    }
};

// One cell per grid position (no merged cells).
std::vector<GridCell> unit_cells(int rows, int cols);

// The index of the row or column (between consecutive `edges`) holding position `v`,
// clamped to the first and last one.
int band_index(const std::vector<double>& edges, double v);

}  // namespace budgetpdf
