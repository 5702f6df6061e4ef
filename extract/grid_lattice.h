#pragma once
// Lattice tables: grids drawn with ruling lines in both directions.

#include <vector>

#include "extract/grid_model.h"
#include "model/page.h"

namespace budgetpdf {

// A ruling after snapping and merging: one maximal straight segment.
struct MergedRuling {
    double position = 0;  // y for horizontal, x for vertical
    double start = 0;
    double end = 0;
};

struct LatticeResult {
    std::vector<PageGrid> grids;                 // >= 2 columns; a single row is a fragment
    std::vector<MergedRuling> loose_horizontals; // horizontal rules not part of any grid
};

// Snaps collinear segments (positions within the snap tolerance) and joins overlapping
// or nearly touching ones.
std::vector<MergedRuling> merge_rulings(const std::vector<Ruling>& rulings, Orientation orientation);

// Cells tiling a rows × cols grid from the borders drawn: vborder[col edge][row],
// hborder[row edge][col]. A cell grows right while its right border is missing, then down
// while the bottom borders under it are missing: merged cells get row_span/col_span and the
// cells tile the grid without overlap.
std::vector<GridCell> tile_cells(const std::vector<std::vector<bool>>& vborder,
                                 const std::vector<std::vector<bool>>& hborder, int rows, int cols);

// `spans`: the page's text, used only to keep amounts out of merged cells where a
// vertical border is not drawn.
LatticeResult find_lattice_grids(const std::vector<Ruling>& rulings, const std::vector<TextSpan>& spans);

}  // namespace budgetpdf
