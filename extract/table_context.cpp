#include "extract/table_context.h"

// How it works: every free line is classified span by span: a tag (公开01表, 预算公开表1,
// 表一), an organisation (部门名称：…, 编制单位：…, 单位：<name>), a unit (金额单位：元,
// 单位：万元), a period (2022年度) or a note start (注：, 说明：). The lines between the
// previous table (or the page top) and a table are that table's context; among its
// unclassified lines close enough above the table that stand out (centred over the table,
// larger than the other lines, or naming a table: …表), the one with the largest font
// (ties: the most centred) is the title and the others are kept as other_lines. A title
// printed over two lines is joined first. Lines under a
// table that start with a note marker, and the lines that follow them closely, are that
// table's notes. Page numbers are dropped.

#include <algorithm>
#include <cmath>

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
constexpr int max_header_scan_rows = 6;          // an empty table's header is within its first rows
constexpr size_t max_heading_bytes = 36;         // 功能分类科目编码 and the like

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }
bool contains(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }
bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string without_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ') out += c;
    return out;
}

enum class LineKind { other, tag, organisation, unit, period, note, continued };

bool is_digit_or_numeral_prefix(const std::string& rest) {
    static const char* numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    if (!rest.empty() && rest[0] >= '0' && rest[0] <= '9') return true;
    for (const char* n : numerals)
        if (starts_with(rest, n)) return true;
    return false;
}

LineKind classify(const std::string& raw) {
    std::string t = without_spaces(raw);
    if (t.empty()) return LineKind::other;
    if (t == "续表" || starts_with(t, "续表") || t == "(续)" || t == "（续）" || t == "续") return LineKind::continued;
    if (starts_with(t, "注：") || starts_with(t, "注:") || starts_with(t, "说明：") || starts_with(t, "说明:") ||
        starts_with(t, "备注") || (starts_with(t, "注") && t.size() > 3 && t[3] >= '0' && t[3] <= '9'))
        return LineKind::note;
    if (contains(t, "金额单位") || ((starts_with(t, "单位：") || starts_with(t, "单位:")) && t.size() <= 20 &&
                                   ends_with(t, "元")))
        return LineKind::unit;
    if (starts_with(t, "部门名称") || starts_with(t, "单位名称") || starts_with(t, "编制部门") ||
        starts_with(t, "编制单位") || starts_with(t, "预算单位") || starts_with(t, "部门：") ||
        starts_with(t, "单位：") || starts_with(t, "单位:"))
        return LineKind::organisation;
    if (t.size() <= 36) {
        if ((starts_with(t, "公开") && ends_with(t, "表")) || starts_with(t, "预算公开表") || starts_with(t, "部门公开表") || starts_with(t, "附表") ||
            (starts_with(t, "表") && is_digit_or_numeral_prefix(t.substr(3))))
            return LineKind::tag;
        if (t.size() >= 7 && t[0] >= '1' && t[0] <= '2' && t.size() <= 20 && contains(t, "年") && !contains(t, "表"))
            return LineKind::period;
    }
    return LineKind::other;
}

bool is_title_candidate(const std::string& text) {
    if (text.empty() || text.size() > max_title_bytes) return false;
    return !ends_with(text, "。") && !ends_with(text, "；");
}


// Joins a title printed over two lines (same font, tight spacing) into one line.
std::vector<TextLine> join_wrapped_titles(const std::vector<const TextLine*>& lines) {
    std::vector<TextLine> out;
    for (const TextLine* line : lines) {
        if (!out.empty()) {
            TextLine& last = out.back();
            double h = std::max(last.bbox.height(), 1.0);
            bool both_plain = classify(last.text) == LineKind::other && classify(line->text) == LineKind::other;
            if (both_plain && is_title_candidate(last.text) && std::abs(last.font_size - line->font_size) <= 0.5 &&
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

bool is_heading_word(const std::string& raw) {
    static const char* words[] = {"项目", "类", "款", "项", "栏次", "金额", "决算数", "预算数", "行次"};
    std::string t = without_spaces(raw);
    for (const char* w : words)
        if (t == w) return true;
    return t.size() <= max_heading_bytes && (ends_with(t, "编码") || ends_with(t, "名称") || ends_with(t, "代码"));
}

}  // namespace

void apply_lines_above(PageTableContext& ctx, const std::vector<const TextLine*>& line_ptrs, const Rect& box,
                       bool limit_distance) {
    std::vector<TextLine> lines = join_wrapped_titles(line_ptrs);
    // A title is centred over the table, printed larger than the other plain lines, or
    // names a table (…表).
    std::vector<double> sizes;
    for (const TextLine& line : lines)
        if (classify(line.text) == LineKind::other) sizes.push_back(line.font_size);
    std::sort(sizes.begin(), sizes.end());
    double median_size = sizes.empty() ? 0 : sizes[sizes.size() / 2];
    auto stands_out = [&](const TextLine& line) {
        bool centred = std::abs(line.bbox.center_x() - box.center_x()) <= title_centre_fraction * box.width() &&
                       line.bbox.width() <= max_centred_title_width_fraction * box.width();
        bool names_a_table = ends_with(line.text, "表") || contains(line.text, "表（") || contains(line.text, "表(");
        return centred || names_a_table || line.font_size >= median_size + title_size_margin_pt;
    };
    int title = -1;
    double best_size = 0, best_offset = 0;
    std::vector<int> others;
    for (int k = 0; k < static_cast<int>(lines.size()); ++k) {
        const TextLine& line = lines[k];
        LineKind kind = classify(line.text);
        switch (kind) {
        case LineKind::continued: ctx.continued_mark = true; break;
        case LineKind::tag: ctx.context.tag = line.text; break;
        case LineKind::organisation: ctx.context.organisation = line.text; break;
        case LineKind::unit: ctx.context.unit = line.text; break;
        case LineKind::period: ctx.context.period = line.text; break;
        case LineKind::note:
        case LineKind::other: {
            others.push_back(k);
            if (kind == LineKind::note || !is_title_candidate(line.text) || !stands_out(line)) break;
            if (limit_distance && box.y0 - line.bbox.y1 > max_title_distance_pt) break;
            double offset = std::abs(line.bbox.center_x() - box.center_x());
            if (title < 0 || line.font_size > best_size + 0.5 ||
                (std::abs(line.font_size - best_size) <= 0.5 && offset < best_offset)) {
                title = k;
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

bool is_page_number_line(const std::string& text) {
    std::string t = without_spaces(text);
    std::string digits;
    for (char c : t)
        if (c >= '0' && c <= '9') digits += c;
    if (digits.empty() || digits.size() > 4) return false;
    std::string rest;
    for (char c : t)
        if (!(c >= '0' && c <= '9')) rest += c;
    return rest.empty() || rest == "--" || rest == "——" || rest == "—" || rest == "-" || rest == "第页" ||
           rest == "——" || rest == "－－" || rest == "/";
}

std::vector<PageTableContext> assign_context(const std::vector<TextSpan>& spans,
                                             const std::vector<TextLine>& free_lines,
                                             const std::vector<Rect>& table_boxes) {
    std::vector<PageTableContext> out(table_boxes.size());
    if (table_boxes.empty()) return out;
    // Each line: which gap it lies in (0 = above the first table, k = below table k-1).
    // A line may hold an organisation, a unit and a tag side by side: such lines are
    // cut into one piece per span; lines whose spans say nothing special stay whole.
    std::vector<TextLine> pieces;
    for (const TextLine& line : free_lines) {
        bool special = false;
        if (line.spans.size() >= 2)
            for (int index : line.spans) special = special || classify(spans[index].text) != LineKind::other;
        if (!special) {
            pieces.push_back(line);
            continue;
        }
        for (size_t k = 0; k < line.spans.size(); ++k) {
            int index = line.spans[k];
            std::string text = squeeze_cjk_spaces(spans[index].text);
            // 部门：<name>: the name printed apart still belongs to the label.
            if (!pieces.empty() && k > 0 && classify(pieces.back().text) == LineKind::organisation &&
                (ends_with(pieces.back().text, "：") || ends_with(pieces.back().text, ":")) &&
                classify(text) == LineKind::other) {
                append_joined(pieces.back().text, text);
                pieces.back().bbox = rect_union(pieces.back().bbox, spans[index].bbox);
                continue;
            }
            TextLine piece;
            piece.spans = {index};
            piece.bbox = spans[index].bbox;
            piece.font_size = spans[index].font_size;
            piece.text = text;
            pieces.push_back(std::move(piece));
        }
    }
    std::vector<std::vector<const TextLine*>> gaps(table_boxes.size() + 1);
    for (const TextLine& line : pieces) {
        if (is_page_number_line(line.text)) continue;
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
            if (classify(lines[0]->text) == LineKind::note) {
                size_t k = 0;
                upper.context.notes.push_back(lines[0]->text);
                for (k = 1; k < lines.size(); ++k) {
                    double h = std::max(lines[k - 1]->bbox.height(), 1.0);
                    bool near = lines[k]->bbox.y0 - lines[k - 1]->bbox.y1 <= note_gap_factor * h;
                    LineKind kind = classify(lines[k]->text);
                    if (!(near && (kind == LineKind::other || kind == LineKind::note))) break;
                    if (g < table_boxes.size() && is_title_candidate(lines[k]->text) && kind == LineKind::other &&
                        lines[k]->font_size > lines[0]->font_size * 1.1)
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

int count_header_rows(const std::vector<Cell>& cells, int rows) {
    std::vector<bool> numeric(rows, false), label(rows, false), column_numbers(rows, false);
    std::vector<std::vector<std::string>> texts(rows);
    for (const Cell& c : cells) {
        if (c.row < 0 || c.row >= rows) continue;
        if (c.text.empty()) continue;
        texts[c.row].push_back(c.text);
        if (is_numeric_text(c.text)) numeric[c.row] = true;
        if (without_spaces(c.text) == "栏次") label[c.row] = true;
    }
    for (int r = 0; r < rows; ++r) {
        // 1 2 3 4 … across the row: column numbers.
        int expected = 1, run = 0;
        for (const std::string& t : texts[r]) {
            if (t == std::to_string(expected)) {
                ++expected;
                ++run;
            }
        }
        column_numbers[r] = run >= 3;
    }
    for (int r = 0; r < rows; ++r) {
        if (numeric[r] && !label[r] && !column_numbers[r]) return r;
    }
    // No data row (an empty table, 本表无数据): the header ends with the last leading row
    // holding a column-heading word.
    int last_heading = -1;
    for (int r = 0; r < std::min(rows, max_header_scan_rows); ++r) {
        if (texts[r].empty()) break;
        for (const std::string& t : texts[r])
            if (is_heading_word(t)) last_heading = r;
    }
    return last_heading + 1;
}

}  // namespace budgetpdf
