// Text spans from glyphs.
//
// How it works: all glyphs and rulings of a page are collected first, then
// 1. left-to-right glyphs are sorted by baseline and grouped into lines: a glyph joins the
//    current line while its baseline is within `line_tolerance_em` of the line's first one;
// 2. each line is sorted by x; a glyph drawn twice at (almost) the same place (fake bold)
//    is kept once;
// 3. a line is cut into spans wherever the gap between two neighbours is wider than
//    `span_split_gap_em` or a vertical ruling passes between them (a span never crosses a
//    cell border); inside a span one ASCII space marks a gap wider than `word_space_em`
//    between two non-CJK characters, CJK characters are never separated;
// 4. glyphs running in another direction (vertical text, rare) are joined in drawing order
//    while they touch;
// 5. spans are sorted top to bottom (by line), then left to right.
#include "extract/pdf_geometry.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace budgetpdf {
namespace {

constexpr double line_tolerance_em = 0.3;      // baselines closer than this share a line
constexpr double span_split_gap_em = 1.5;      // a wider gap ends the span (borderless tables)
constexpr double word_space_em = 0.15;         // a wider gap between Latin words is a space
constexpr double duplicate_glyph_em = 0.15;    // same character this close is drawn twice
constexpr double ruling_overlap_pt = 1.0;      // a vertical ruling this near the line still cuts
constexpr double other_direction_join_em = 0.6;  // gap joining glyphs of vertical text

struct SpanDraft {
    TextSpan span;
    double line_key = 0;
};

class SpanWriter {
public:
    SpanWriter(const std::vector<char32_t>& codepoints) : codepoints_(codepoints) {}

    void start(const PdfGlyph& g, double line_key) {
        draft_ = SpanDraft{};
        draft_.line_key = line_key;
        draft_.span.bbox = g.box;
        draft_.span.font_size = g.font_size;
        append_text(g);
        open_ = true;
    }

    void extend(const PdfGlyph& g, bool space) {
        if (space) draft_.span.text.push_back(' ');
        draft_.span.bbox = rect_union(draft_.span.bbox, g.box);
        draft_.span.font_size = std::max(draft_.span.font_size, g.font_size);
        append_text(g);
    }

    void finish(std::vector<SpanDraft>& out) {
        if (open_ && !draft_.span.text.empty()) out.push_back(std::move(draft_));
        open_ = false;
    }

private:
    void append_text(const PdfGlyph& g) {
        for (std::uint32_t i = 0; i < g.text_length; ++i)
            append_utf8(draft_.span.text, codepoints_[g.text_begin + i]);
    }

    const std::vector<char32_t>& codepoints_;
    SpanDraft draft_;
    bool open_ = false;
};

char32_t first_char(const PdfGlyph& g, const std::vector<char32_t>& cps) {
    return g.text_length ? cps[g.text_begin] : 0;
}
char32_t last_char(const PdfGlyph& g, const std::vector<char32_t>& cps) {
    return g.text_length ? cps[g.text_begin + g.text_length - 1] : 0;
}

bool same_text(const PdfGlyph& a, const PdfGlyph& b, const std::vector<char32_t>& cps) {
    return a.text_length == b.text_length &&
           std::equal(cps.begin() + a.text_begin, cps.begin() + a.text_begin + a.text_length,
                      cps.begin() + b.text_begin);
}

// Vertical rulings sorted by x; answers "does one pass between these two glyphs".
class RulingCutter {
public:
    explicit RulingCutter(const std::vector<Ruling>& rulings) {
        for (const Ruling& r : rulings)
            if (r.orientation == Orientation::vertical) vertical_.push_back(&r);
        std::sort(vertical_.begin(), vertical_.end(),
                  [](const Ruling* a, const Ruling* b) { return a->from.x < b->from.x; });
    }

    bool cuts(const PdfGlyph& left, const PdfGlyph& right) const {
        const double x0 = left.box.center_x();
        const double x1 = right.box.center_x();
        const double y = (left.box.center_y() + right.box.center_y()) / 2;
        auto it = std::upper_bound(vertical_.begin(), vertical_.end(), x0,
                                   [](double x, const Ruling* r) { return x < r->from.x; });
        for (; it != vertical_.end() && (*it)->from.x < x1; ++it) {
            if ((*it)->from.y - ruling_overlap_pt <= y && y <= (*it)->to.y + ruling_overlap_pt)
                return true;
        }
        return false;
    }

private:
    std::vector<const Ruling*> vertical_;
};

void build_line(std::vector<const PdfGlyph*>& line, double line_key,
                const std::vector<char32_t>& cps, const RulingCutter& cutter,
                std::vector<SpanDraft>& out) {
    std::sort(line.begin(), line.end(),
              [](const PdfGlyph* a, const PdfGlyph* b) { return a->box.x0 < b->box.x0; });
    SpanWriter writer(cps);
    const PdfGlyph* prev = nullptr;
    double run_right = 0;
    for (const PdfGlyph* g : line) {
        if (!prev) {
            writer.start(*g, line_key);
            prev = g;
            run_right = g->box.x1;
            continue;
        }
        const double em = std::max(prev->font_size, g->font_size);
        if (std::abs(g->box.x0 - prev->box.x0) < duplicate_glyph_em * em && same_text(*g, *prev, cps))
            continue;
        const double gap = g->box.x0 - run_right;
        if (gap > span_split_gap_em * em || cutter.cuts(*prev, *g)) {
            writer.finish(out);
            writer.start(*g, line_key);
        } else {
            const bool space = gap > word_space_em * em && !is_cjk_codepoint(last_char(*prev, cps)) &&
                               !is_cjk_codepoint(first_char(*g, cps));
            writer.extend(*g, space);
        }
        run_right = std::max(run_right, g->box.x1);
        prev = g;
    }
    writer.finish(out);
}

double box_distance(const Rect& a, const Rect& b) {
    const double dx = std::max({0.0, b.x0 - a.x1, a.x0 - b.x1});
    const double dy = std::max({0.0, b.y0 - a.y1, a.y0 - b.y1});
    return std::max(dx, dy);
}

void build_other_direction(const std::vector<const PdfGlyph*>& glyphs,
                           const std::vector<char32_t>& cps, std::vector<SpanDraft>& out) {
    SpanWriter writer(cps);
    const PdfGlyph* prev = nullptr;
    for (const PdfGlyph* g : glyphs) {
        if (prev && box_distance(prev->box, g->box) <= other_direction_join_em * g->font_size) {
            writer.extend(*g, false);
        } else {
            writer.finish(out);
            writer.start(*g, g->box.y1);
        }
        prev = g;
    }
    writer.finish(out);
}

}  // namespace

std::vector<TextSpan> build_text_spans(const std::vector<PdfGlyph>& glyphs,
                                       const std::vector<char32_t>& codepoints,
                                       const std::vector<Ruling>& rulings) {
    std::vector<const PdfGlyph*> horizontal;
    std::vector<const PdfGlyph*> other;
    horizontal.reserve(glyphs.size());
    for (const PdfGlyph& g : glyphs) {
        if (g.text_length == 0) continue;
        (g.direction == GlyphDirection::left_to_right ? horizontal : other).push_back(&g);
    }
    std::stable_sort(horizontal.begin(), horizontal.end(), [](const PdfGlyph* a, const PdfGlyph* b) {
        return a->baseline < b->baseline;
    });

    const RulingCutter cutter(rulings);
    std::vector<SpanDraft> drafts;
    std::vector<const PdfGlyph*> line;
    double line_baseline = 0;
    for (const PdfGlyph* g : horizontal) {
        if (!line.empty() && g->baseline - line_baseline > line_tolerance_em * g->font_size) {
            build_line(line, line_baseline, codepoints, cutter, drafts);
            line.clear();
        }
        if (line.empty()) line_baseline = g->baseline;
        line.push_back(g);
    }
    if (!line.empty()) build_line(line, line_baseline, codepoints, cutter, drafts);
    build_other_direction(other, codepoints, drafts);

    std::stable_sort(drafts.begin(), drafts.end(), [](const SpanDraft& a, const SpanDraft& b) {
        if (a.line_key != b.line_key) return a.line_key < b.line_key;
        return a.span.bbox.x0 < b.span.bbox.x0;
    });
    std::vector<TextSpan> spans;
    spans.reserve(drafts.size());
    for (SpanDraft& d : drafts) spans.push_back(std::move(d.span));
    return spans;
}

bool is_cjk_codepoint(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) ||   // radicals, punctuation, kana, ideographs
           (c >= 0xAC00 && c <= 0xD7AF) ||   // hangul
           (c >= 0xF900 && c <= 0xFAFF) ||   // compatibility ideographs
           (c >= 0xFE30 && c <= 0xFE4F) ||   // compatibility forms
           (c >= 0xFF00 && c <= 0xFFEF) ||   // full-width forms
           (c >= 0x20000 && c <= 0x3FFFF);   // supplementary ideographs
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

}  // namespace budgetpdf
