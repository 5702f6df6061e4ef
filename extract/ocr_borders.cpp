#include "extract/ocr_borders.h"

#include <algorithm>
#include <cstdlib>

namespace budgetpdf {
namespace {

constexpr int same_position_px = 2;  // pieces of one line lie this close across it

// True when a line across `line` passes within `anchor_px` of its end at `end`.
bool end_meets_a_line(const PixelLine& line, int end, const std::vector<PixelLine>& lines, int anchor_px) {
    return std::any_of(lines.begin(), lines.end(), [&](const PixelLine& across) {
        if (across.horizontal == line.horizontal) return false;
        const int reach = anchor_px + across.thickness;
        return std::abs(across.position - end) <= reach && line.position >= across.from - anchor_px &&
               line.position <= across.to + anchor_px;
    });
}

}  // namespace

std::vector<PixelLine> table_borders(const std::vector<PixelLine>& lines, int free_length_px, int anchor_px) {
    // A scanned line may break into pieces (a speck of paper, a JPEG block); collinear pieces
    // with small gaps are judged as the one line they are.
    std::vector<std::size_t> order(lines.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const PixelLine &x = lines[a], &y = lines[b];
        if (x.horizontal != y.horizontal) return x.horizontal;
        if (x.position != y.position) return x.position < y.position;
        return x.from < y.from;
    });
    std::vector<bool> keep(lines.size(), false);
    std::vector<bool> done(lines.size(), false);
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t first = order[k];
        if (done[first]) continue;
        std::vector<std::size_t> pieces{first};
        PixelLine whole = lines[first];
        done[first] = true;
        for (bool grew = true; grew;) {
            grew = false;
            for (std::size_t j = k + 1; j < order.size(); ++j) {
                const std::size_t i = order[j];
                const PixelLine& piece = lines[i];
                if (done[i] || piece.horizontal != whole.horizontal) continue;
                if (std::abs(piece.position - whole.position) > same_position_px) continue;
                if (piece.from > whole.to + anchor_px || piece.to < whole.from - anchor_px) continue;
                whole.from = std::min(whole.from, piece.from);
                whole.to = std::max(whole.to, piece.to);
                pieces.push_back(i);
                done[i] = true;
                grew = true;
            }
        }
        const bool border = whole.to - whole.from >= free_length_px ||
                            (end_meets_a_line(whole, whole.from, lines, anchor_px) &&
                             end_meets_a_line(whole, whole.to, lines, anchor_px));
        if (border)
            for (std::size_t i : pieces) keep[i] = true;
    }
    std::vector<PixelLine> borders;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (keep[i]) borders.push_back(lines[i]);
    return borders;
}

}  // namespace budgetpdf
