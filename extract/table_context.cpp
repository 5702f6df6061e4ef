#include "extract/table_context.h"

// How it works: every free line is cut into the pieces it holds (one per span when its
// spans say different things, and a run holding a tag and a title, or an organisation
// and a unit, cut in two: context_lines) and each piece is classified. Page furniture
// (page numbers, 第1页，共15页) and part headings (第二部分 …) belong to no table and are
// dropped. The lines between the previous table (or the page top) and a table are that
// table's context: tag, organisation, unit, period go to their fields; among the plain
// lines close enough above the table that stand out (centred over the table, larger than
// the other lines, naming a table: …表, or printed after a tag on its line), the one with
// the largest font (ties: the most centred) is the title. Sentences never are; a numbered section heading (三、支出预算总表)
// is only when no plain line qualifies. The others are kept as other_lines. A title printed
// over two lines is joined first (never two lines that each name a table, never a line
// and a heading under it). Lines under a table that start with a note marker, and the
// lines that follow them closely, are that table's notes.

#include <algorithm>
#include <cmath>

#include "extract/context_lines.h"

namespace budgetpdf {
namespace {

constexpr double max_title_distance_pt = 120.0;  // a title sits at most this far above its table
constexpr size_t max_title_bytes = 180;          // about 60 CJK characters
constexpr double title_centre_fraction = 0.15;   // a centred title's offset from the table centre, in table widths
constexpr double max_centred_title_width_fraction = 0.8;  // wider lines are paragraph lines, not titles
constexpr double title_size_margin_pt = 1.0;     // or its font is this much larger than the other lines
constexpr double title_wrap_gap_factor = 0.8;    // a wrapped title's lines are this close, in line heights
constexpr double min_wrapped_title_font_pt = 12; // only large lines are joined as a wrapped title
constexpr double note_gap_factor = 2.0;          // note lines follow each other within this many line heights
constexpr double note_title_size_factor = 1.1;   // a line this much larger than the note is the next table's title
constexpr double same_size_pt = 0.5;             // font sizes this close are the same size

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Kinds that fill a context field (or mark one): a line holding one beside other text is
// read span by span.
bool is_field(LineKind kind) {
    return kind == LineKind::tag || kind == LineKind::organisation || kind == LineKind::unit ||
           kind == LineKind::period || kind == LineKind::note || kind == LineKind::continued;
}

bool is_title_candidate(const std::string& text) {
    if (text.empty() || text.size() > max_title_bytes) return false;
    LineKind kind = classify_line(text);
    return kind == LineKind::other || (kind == LineKind::section_heading && names_a_table(text));
}

// Joins a title printed over two lines (same font, tight spacing) into one line.
std::vector<TextLine> join_wrapped_titles(const std::vector<const TextLine*>& lines) {
    std::vector<TextLine> out;
    for (const TextLine* line : lines) {
        if (!out.empty()) {
            TextLine& last = out.back();
            double h = std::max(last.bbox.height(), 1.0);
            LineKind upper = classify_line(last.text);
            bool both_plain = (upper == LineKind::other || upper == LineKind::section_heading) &&
                              classify_line(line->text) == LineKind::other;
            bool two_titles = names_a_table(last.text) && names_a_table(line->text);
            if (both_plain && !two_titles && last.text.size() <= max_title_bytes &&
                std::abs(last.font_size - line->font_size) <= same_size_pt &&
                line->bbox.y0 - last.bbox.y1 <= title_wrap_gap_factor * h && line->bbox.y0 > last.bbox.center_y() &&
                last.font_size >= min_wrapped_title_font_pt) {
                append_joined(last.text, line->text);
                last.bbox = rect_union(last.bbox, line->bbox);
                continue;
            }
        }
        out.push_back(*line);
    }
    return out;
}

// One piece of a line per thing it says: the spans of a line that holds several kinds
// of context apart, and a run holding a tag and a title (or an organisation and a unit)
// cut in two, each part given its share of the run's box by its number of characters.
void add_pieces(const std::string& text, const Rect& box, double font_size, const std::vector<int>& span_indexes,
                std::vector<TextLine>& pieces) {
    std::vector<std::string> parts = split_context_text(text);
    size_t total = 0;
    for (const std::string& part : parts) total += part.size();
    double x = box.x0;
    for (const std::string& part : parts) {
        TextLine piece;
        piece.spans = span_indexes;
        double width = total == 0 ? box.width() : box.width() * static_cast<double>(part.size()) / static_cast<double>(total);
        piece.bbox = {x, box.y0, x + width, box.y1};
        piece.font_size = font_size;
        piece.text = part;
        x += width;
        pieces.push_back(std::move(piece));
    }
}

std::vector<TextLine> context_pieces(const std::vector<TextSpan>& spans, const std::vector<TextLine>& free_lines) {
    std::vector<TextLine> pieces;
    for (const TextLine& line : free_lines) {
        bool special = false;
        if (line.spans.size() >= 2 && classify_line(line.text) != LineKind::page_furniture)
            for (int index : line.spans) special = special || is_field(classify_line(spans[index].text));
        if (!special) {
            add_pieces(line.text, line.bbox, line.font_size, line.spans, pieces);
            continue;
        }
        for (size_t k = 0; k < line.spans.size(); ++k) {
            int index = line.spans[k];
            std::string text = squeeze_cjk_spaces(spans[index].text);
            // 部门：<name>: the name printed apart still belongs to the label.
            if (!pieces.empty() && k > 0 && classify_line(pieces.back().text) == LineKind::organisation &&
                (ends_with(pieces.back().text, "：") || ends_with(pieces.back().text, ":")) &&
                classify_line(text) == LineKind::other) {
                append_joined(pieces.back().text, text);
                pieces.back().bbox = rect_union(pieces.back().bbox, spans[index].bbox);
                continue;
            }
            add_pieces(text, spans[index].bbox, spans[index].font_size, {index}, pieces);
        }
    }
    return pieces;
}

}  // namespace

void apply_lines_above(PageTableContext& ctx, const std::vector<const TextLine*>& line_ptrs, const Rect& box,
                       bool limit_distance) {
    std::vector<TextLine> lines = join_wrapped_titles(line_ptrs);
    // A title is centred over the table, printed larger than the other plain lines, or
    // names a table (…表).
    std::vector<double> sizes;
    for (const TextLine& line : lines)
        if (classify_line(line.text) == LineKind::other) sizes.push_back(line.font_size);
    std::sort(sizes.begin(), sizes.end());
    double median_size = sizes.empty() ? 0 : sizes[sizes.size() / 2];
    auto stands_out = [&](const TextLine& line) {
        bool centred = std::abs(line.bbox.center_x() - box.center_x()) <= title_centre_fraction * box.width() &&
                       line.bbox.width() <= max_centred_title_width_fraction * box.width();
        return centred || names_a_table(line.text) || line.font_size >= median_size + title_size_margin_pt;
    };
    int title = -1;
    bool best_plain = false;
    double best_size = 0, best_offset = 0;
    std::vector<int> others;
    for (int k = 0; k < static_cast<int>(lines.size()); ++k) {
        const TextLine& line = lines[k];
        LineKind kind = classify_line(line.text);
        switch (kind) {
        case LineKind::continued: ctx.continued_mark = true; break;
        case LineKind::tag: ctx.context.tag = line.text; break;
        case LineKind::organisation: ctx.context.organisation = line.text; break;
        case LineKind::unit: ctx.context.unit = line.text; break;
        case LineKind::period: ctx.context.period = line.text; break;
        case LineKind::page_furniture:
        case LineKind::part_heading: break;
        case LineKind::note:
        case LineKind::prose:
        case LineKind::section_heading:
        case LineKind::other: {
            others.push_back(k);
            // The text printed after a tag on its line (表4 2025年物流业投资增速) is the title.
            bool after_tag = k > 0 && classify_line(lines[k - 1].text) == LineKind::tag &&
                             std::abs(lines[k - 1].bbox.center_y() - line.bbox.center_y()) < line.bbox.height() / 2;
            if (!is_title_candidate(line.text) || !(stands_out(line) || after_tag)) break;
            if (limit_distance && box.y0 - line.bbox.y1 > max_title_distance_pt) break;
            bool plain = kind == LineKind::other;
            double offset = std::abs(line.bbox.center_x() - box.center_x());
            bool better = title < 0 || (plain && !best_plain) ||
                          (plain == best_plain && (line.font_size > best_size + same_size_pt ||
                                                   (std::abs(line.font_size - best_size) <= same_size_pt &&
                                                    offset < best_offset)));
            if (better) {
                title = k;
                best_plain = plain;
                best_size = line.font_size;
                best_offset = offset;
            }
            break;
        }
        }
    }
    for (int k : others) {
        if (k == title) ctx.context.title = lines[k].text;
        else ctx.context.other_lines.push_back(lines[k].text);
    }
}

std::vector<PageTableContext> assign_context(const std::vector<TextSpan>& spans,
                                             const std::vector<TextLine>& free_lines,
                                             const std::vector<Rect>& table_boxes) {
    std::vector<PageTableContext> out(table_boxes.size());
    if (table_boxes.empty()) return out;
    std::vector<TextLine> pieces = context_pieces(spans, free_lines);
    // Each piece: which gap it lies in (0 = above the first table, k = below table k-1).
    std::vector<std::vector<const TextLine*>> gaps(table_boxes.size() + 1);
    for (const TextLine& line : pieces) {
        LineKind kind = classify_line(line.text);
        if (kind == LineKind::page_furniture || kind == LineKind::part_heading) continue;
        double cy = line.bbox.center_y();
        size_t g = 0;
        while (g < table_boxes.size() && cy > table_boxes[g].center_y()) ++g;
        gaps[g].push_back(&line);
    }
    for (size_t g = 0; g < gaps.size(); ++g) {
        std::vector<const TextLine*>& lines = gaps[g];
        // Notes of the table above.
        size_t first_context = 0;
        if (g > 0 && !lines.empty()) {
            PageTableContext& upper = out[g - 1];
            upper.text_below = true;
            if (classify_line(lines[0]->text) == LineKind::note) {
                size_t k = 0;
                upper.context.notes.push_back(lines[0]->text);
                for (k = 1; k < lines.size(); ++k) {
                    double h = std::max(lines[k - 1]->bbox.height(), 1.0);
                    bool near = lines[k]->bbox.y0 - lines[k - 1]->bbox.y1 <= note_gap_factor * h;
                    LineKind kind = classify_line(lines[k]->text);
                    bool note_text = kind == LineKind::other || kind == LineKind::note || kind == LineKind::prose ||
                                     kind == LineKind::section_heading;
                    if (!(near && note_text)) break;
                    if (g < table_boxes.size() && is_title_candidate(lines[k]->text) &&
                        lines[k]->font_size > lines[0]->font_size * note_title_size_factor)
                        break;
                    upper.context.notes.push_back(lines[k]->text);
                }
                first_context = k;
            }
        }
        std::vector<const TextLine*> rest(lines.begin() + static_cast<long>(first_context), lines.end());
        if (g == table_boxes.size()) {
            for (const TextLine* line : rest) out[g - 1].lines_below.push_back(*line);
            continue;
        }
        apply_lines_above(out[g], rest, table_boxes[g], true);
    }
    return out;
}

}  // namespace budgetpdf
