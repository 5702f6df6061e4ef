#include "extract/span_cuts.h"

// How it works: the body of the grid (its rows from the first one holding an amount) gives
// each column's content extent, the x-range its body spans cover. A span crossing a column
// edge by more than half a glyph is cut:
//  - a run of several words or amounts (spaces inside) between words: each word is placed
//    by its share of the run's width (CJK glyphs one em, others half an em) and goes to the
//    column holding its centre; neighbouring words of one column stay together;
//  - a CJK run at the character boundary that puts the edge between the two parts, taking
//    CJK glyphs as one em wide (the rest of the box is space between words), but only when
//    each part lies over the content of its own column: a heading centred over its cell
//    that merely reaches past the middle of a white strip into the next column (the
//    strip's middle is where the edge was drawn) is one heading, not two.
// Lattice grids are never cut: their spans were already split at the drawn borders.

#include <algorithm>
#include <string>

#include "extract/table_text.h"

namespace budgetpdf {
namespace {

constexpr double advance_slack_pt = 0.5;  // rounding in a span box wider than its glyphs
constexpr double latin_em_fraction = 0.5; // a Latin glyph or digit is taken as half an em wide

struct Character {
    std::string text;
    char32_t code = 0;
};

std::vector<Character> characters(const std::string& text) {
    std::vector<Character> out;
    for (size_t i = 0; i < text.size();) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        if (i + n > text.size()) n = text.size() - i;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
        for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back({text.substr(i, n), cp});
        i += n;
    }
    return out;
}

struct Extent {
    double x0 = 1e18;
    double x1 = -1e18;
    bool empty() const { return x1 < x0; }
    bool overlaps(double a, double b) const { return empty() || (a < x1 && b > x0); }
};

// Per column, the x-range covered by the body's spans (rows from the first amount on).
std::vector<Extent> body_extents(const PageGrid& grid, const std::vector<TextSpan>& spans,
                                 const std::vector<int>& grid_spans) {
    int first_data_row = grid.rows();
    for (int index : grid_spans)
        if (is_amount_text(spans[index].text))
            first_data_row = std::min(first_data_row, band_index(grid.row_edges, spans[index].bbox.center_y()));
    std::vector<Extent> out(static_cast<size_t>(std::max(grid.cols(), 0)));
    for (int index : grid_spans) {
        const Rect& b = spans[index].bbox;
        if (band_index(grid.row_edges, b.center_y()) < first_data_row) continue;
        Extent& e = out[static_cast<size_t>(band_index(grid.col_edges, b.center_x()))];
        e.x0 = std::min(e.x0, b.x0);
        e.x1 = std::max(e.x1, b.x1);
    }
    return out;
}

TextSpan piece_of(const TextSpan& span, std::string text, double x0, double x1) {
    TextSpan piece = span;
    piece.text = std::move(text);
    piece.bbox.x0 = x0;
    piece.bbox.x1 = x1;
    return piece;
}

// A run of words: each word to the column holding its centre; words of one column together.
std::vector<TextSpan> cut_between_words(const TextSpan& span, const std::vector<double>& col_edges) {
    std::vector<Character> chars = characters(span.text);
    double units = 0;
    for (const Character& c : chars) units += is_cjk_code_point(c.code) ? 1.0 : latin_em_fraction;
    if (units <= 0) return {span};
    double unit_width = span.bbox.width() / units;
    struct Word {
        std::string text;
        double x0, x1;
    };
    std::vector<Word> words;
    double x = span.bbox.x0;
    for (const Character& c : chars) {
        double w = (is_cjk_code_point(c.code) ? 1.0 : latin_em_fraction) * unit_width;
        if (c.text == " ") {
            if (!words.empty() && !words.back().text.empty()) words.push_back({"", x + w, x + w});
        } else {
            if (words.empty()) words.push_back({"", x, x});
            if (words.back().text.empty()) words.back().x0 = x;
            words.back().text += c.text;
            words.back().x1 = x + w;
        }
        x += w;
    }
    if (!words.empty() && words.back().text.empty()) words.pop_back();
    std::vector<TextSpan> out;
    int column = -1;
    for (const Word& word : words) {
        int c = band_index(col_edges, (word.x0 + word.x1) / 2);
        if (!out.empty() && c == column) {
            out.back().text += " " + word.text;
            out.back().bbox.x1 = word.x1;
        } else {
            out.push_back(piece_of(span, word.text, word.x0, word.x1));
        }
        column = c;
    }
    return out;
}

// A CJK run: cut at each crossing edge where both parts lie over their own column's body.
std::vector<TextSpan> cut_cjk_run(const TextSpan& span, const std::vector<Character>& chars,
                                  const std::vector<double>& col_edges, const std::vector<Extent>& body) {
    const double n = static_cast<double>(chars.size());
    // CJK glyphs are one em wide; what the box has beyond that is space between words.
    double advance = span.font_size > 0 && n * span.font_size <= span.bbox.width() + advance_slack_pt
                         ? span.font_size
                         : span.bbox.width() / std::max(n, 1.0);
    std::vector<std::pair<size_t, double>> cuts;  // character index, column edge
    for (size_t e = 1; e + 1 < col_edges.size(); ++e) {
        double edge = col_edges[e];
        if (edge <= span.bbox.x0 + advance / 2 || edge >= span.bbox.x1 - advance / 2) continue;
        // The cut whose left part ends before the edge and right part starts after it.
        size_t best = 1;
        double best_violation = 1e18;
        for (size_t k = 1; k < chars.size(); ++k) {
            double left_end = span.bbox.x0 + advance * static_cast<double>(k);
            double right_start = span.bbox.x1 - advance * (n - static_cast<double>(k));
            double violation = std::max(0.0, left_end - edge) + std::max(0.0, edge - right_start);
            if (violation < best_violation) {
                best_violation = violation;
                best = k;
            }
        }
        double left_from = cuts.empty() ? span.bbox.x0 : cuts.back().second;
        double left_end = span.bbox.x0 + advance * static_cast<double>(best);
        double right_start = span.bbox.x1 - advance * (n - static_cast<double>(best));
        bool over_content = body[e - 1].overlaps(left_from, left_end) && body[e].overlaps(right_start, span.bbox.x1);
        if (over_content && (cuts.empty() || cuts.back().first < best)) cuts.push_back({best, edge});
    }
    if (cuts.empty()) return {span};
    cuts.push_back({chars.size(), span.bbox.x1});
    std::vector<TextSpan> out;
    size_t from = 0;
    double from_x = span.bbox.x0;
    for (auto [cut, edge] : cuts) {
        std::string text;
        for (size_t k = from; k < cut; ++k) text += chars[k].text;
        out.push_back(piece_of(span, std::move(text), from_x, edge));
        from = cut;
        from_x = edge;
    }
    return out;
}

}  // namespace

void split_spans_at_columns(const PageGrid& grid, std::vector<TextSpan>& spans, std::vector<int>& grid_spans) {
    if (grid.method == GridMethod::lattice || grid.cols() < 2) return;
    std::vector<Extent> body = body_extents(grid, spans, grid_spans);
    const int cols = grid.cols();
    std::vector<int> owner(static_cast<size_t>(grid.rows()) * cols, -1);
    for (int i = 0; i < static_cast<int>(grid.cells.size()); ++i) {
        const GridCell& c = grid.cells[i];
        for (int r = c.row; r < c.row + c.row_span; ++r)
            for (int k = c.col; k < c.col + c.col_span; ++k) owner[static_cast<size_t>(r) * cols + k] = i;
    }
    std::vector<int> out;
    for (int index : grid_spans) {
        const TextSpan span = spans[index];
        std::vector<Character> chars = characters(span.text);
        // Edges inside the merged cell holding the span's centre are no borders.
        int r = band_index(grid.row_edges, span.bbox.center_y()), c = band_index(grid.col_edges, span.bbox.center_x());
        int cell = owner[static_cast<size_t>(r) * cols + c];
        int first_edge = cell >= 0 ? grid.cells[cell].col : c, last_edge = cell >= 0 ? first_edge + grid.cells[cell].col_span : c + 1;
        bool crosses = false;
        double margin = span.font_size > 0 ? span.font_size * latin_em_fraction / 2 : 0;
        for (size_t e = 1; e + 1 < grid.col_edges.size(); ++e) {
            bool interior = static_cast<int>(e) > first_edge && static_cast<int>(e) < last_edge;
            crosses = crosses || (!interior && grid.col_edges[e] > span.bbox.x0 + margin &&
                                  grid.col_edges[e] < span.bbox.x1 - margin);
        }
        if (cell >= 0 && grid.cells[cell].col_span > 1) crosses = false;
        bool all_cjk = chars.size() >= 2 && std::all_of(chars.begin(), chars.end(), [](const Character& c) {
                           return is_cjk_code_point(c.code);
                       });
        bool words = span.text.find(' ') != std::string::npos;
        std::vector<TextSpan> pieces;
        if (crosses && words) pieces = cut_between_words(span, grid.col_edges);
        else if (crosses && all_cjk) pieces = cut_cjk_run(span, chars, grid.col_edges, body);
        if (pieces.size() < 2) {
            out.push_back(index);
            continue;
        }
        for (TextSpan& piece : pieces) {
            spans.push_back(std::move(piece));
            out.push_back(static_cast<int>(spans.size()) - 1);
        }
    }
    grid_spans = std::move(out);
}

}  // namespace budgetpdf
