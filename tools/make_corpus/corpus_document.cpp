#include "tools/make_corpus/corpus_document.h"

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <regex>

namespace budgetpdf::corpus {
namespace {

constexpr double margin_side_pt = 42;
constexpr double margin_top_pt = 48;
constexpr double margin_bottom_pt = 48;
constexpr double title_font_pt = 15;
constexpr double context_font_pt = 10;
constexpr double note_font_pt = 9;
constexpr double title_pitch_pt = 26;
constexpr double context_pitch_pt = 17;
constexpr double gap_after_context_pt = 3;
constexpr double gap_before_notes_pt = 5;
constexpr double gap_between_tables_pt = 22;
constexpr double filled_rule_thickness_pt = 0.6;
constexpr double min_fit_scale = 0.4;
constexpr double fit_scale_step = 0.93;
constexpr const char* fixed_pdf_date = "2026-01-01T00:00:00Z";

bool is_info_line(const std::string& line) {
    static const std::regex period(R"(^\d{4}年度?$)");
    return line.find("：") != std::string::npos || line.find(':') != std::string::npos ||
           std::regex_match(line, period);
}

// The lines above a table grouped as printed: each group is one printed line.
struct ContextLine {
    enum class Kind { title, tag_left, tag_right, info, plain } kind;
    std::vector<std::string> texts;
};

std::vector<ContextLine> context_lines(const SeedTable& table) {
    std::vector<ContextLine> lines;
    bool seen_title = false;
    int info_group = -1;
    for (const auto& text : table.lines_above) {
        if (!table.title.empty() && text == table.title && !seen_title) {
            lines.push_back({ContextLine::Kind::title, {text}});
            seen_title = true;
        } else if (!table.tag.empty() && text == table.tag) {
            lines.push_back({seen_title ? ContextLine::Kind::tag_right : ContextLine::Kind::tag_left, {text}});
        } else if (is_info_line(text)) {
            if (info_group < 0) {
                info_group = static_cast<int>(lines.size());
                lines.push_back({ContextLine::Kind::info, {}});
            }
            lines[info_group].texts.push_back(text);
        } else {
            lines.push_back({ContextLine::Kind::plain, {text}});
        }
    }
    return lines;
}

}  // namespace

CorpusDocument::CorpusDocument(const std::string& path, PageSize size) : size_(size) {
    surface_ = cairo_pdf_surface_create(path.c_str(), size.width, size.height);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, fixed_pdf_date);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, fixed_pdf_date);
    context_ = cairo_create(surface_);
    cairo_select_font_face(context_, corpus_font_family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_source_rgb(context_, 0, 0, 0);
    cursor_y_ = margin_top_pt;
}

CorpusDocument::~CorpusDocument() {
    if (context_) cairo_destroy(context_);
    if (surface_) cairo_surface_destroy(surface_);
}

void CorpusDocument::new_page() {
    cairo_show_page(context_);
    ++page_;
    cursor_y_ = margin_top_pt;
    page_blank_ = true;
}

double CorpusDocument::context_height(const SeedTable& table) const {
    double height = gap_after_context_pt;
    for (const auto& line : context_lines(table)) {
        height += line.kind == ContextLine::Kind::title ? title_pitch_pt : context_pitch_pt;
    }
    return height;
}

double CorpusDocument::notes_height(const SeedTable& table, double width) const {
    if (table.notes.empty()) return 0;
    const TextMeasure measure(context_);
    double height = gap_before_notes_pt;
    for (const auto& note : table.notes) {
        height += wrap_text(measure, note, note_font_pt, width).size() * note_font_pt * line_height_factor;
    }
    return height;
}

void CorpusDocument::draw_line(const std::string& text, double font_size, double x, double baseline) {
    cairo_set_font_size(context_, font_size);
    cairo_move_to(context_, x, baseline);
    cairo_show_text(context_, text.c_str());
}

void CorpusDocument::draw_context(const SeedTable& table) {
    const TextMeasure measure(context_);
    const double left = margin_side_pt;
    const double right = size_.width - margin_side_pt;
    for (const auto& line : context_lines(table)) {
        const bool title = line.kind == ContextLine::Kind::title;
        const double pitch = title ? title_pitch_pt : context_pitch_pt;
        const double font = title ? title_font_pt : context_font_pt;
        const double baseline = cursor_y_ + pitch * 0.75;
        switch (line.kind) {
        case ContextLine::Kind::title:
            draw_line(line.texts[0], font, (left + right - measure.width(line.texts[0], font)) / 2, baseline);
            break;
        case ContextLine::Kind::tag_right:
            draw_line(line.texts[0], font, right - measure.width(line.texts[0], font), baseline);
            break;
        case ContextLine::Kind::tag_left:
        case ContextLine::Kind::plain:
            draw_line(line.texts[0], font, left, baseline);
            break;
        case ContextLine::Kind::info:
            for (std::size_t i = 0; i < line.texts.size(); ++i) {
                const double w = measure.width(line.texts[i], font);
                double x = left;
                if (i + 1 == line.texts.size() && i > 0) x = right - w;
                else if (i > 0) x = (left + right - w) / 2;
                draw_line(line.texts[i], font, x, baseline);
            }
            break;
        }
        cursor_y_ += pitch;
    }
    cursor_y_ += gap_after_context_pt;
}

void CorpusDocument::draw_notes(const SeedTable& table) {
    if (table.notes.empty()) return;
    const TextMeasure measure(context_);
    const double pitch = note_font_pt * line_height_factor;
    cursor_y_ += gap_before_notes_pt;
    for (const auto& note : table.notes) {
        for (const auto& line : wrap_text(measure, note, note_font_pt, size_.width - 2 * margin_side_pt)) {
            draw_line(line, note_font_pt, margin_side_pt, cursor_y_ + pitch * 0.8);
            cursor_y_ += pitch;
        }
    }
}

void CorpusDocument::draw_cell_text(const GridCell& cell, const FittedText& text, double x0, double y0,
                                    double x1, double y1, VerticalAlign body_align,
                                    double padding) {
    if (text.lines.empty()) return;
    const TextMeasure measure(context_);
    cairo_set_font_size(context_, text.font_size);
    cairo_font_extents_t font;
    cairo_font_extents(context_, &font);
    const double pitch = text.font_size * line_height_factor;
    const bool middle = cell.role == CellRole::header || body_align == VerticalAlign::middle;
    const double block_top = middle ? (y0 + y1 - text.height()) / 2 : y0 + padding;
    const double glyph_height = font.ascent + font.descent;
    for (std::size_t i = 0; i < text.lines.size(); ++i) {
        const std::string& line = text.lines[i];
        const double width = measure.width(line, text.font_size);
        double x = x0 + padding;
        if (cell.role == CellRole::amount) x = x1 - padding - width;
        if (cell.role == CellRole::header) x = (x0 + x1 - width) / 2;
        const double baseline = block_top + i * pitch + (pitch - glyph_height) / 2 + font.ascent;
        draw_line(line, text.font_size, x, baseline);
    }
}

void CorpusDocument::draw_rule(double x0, double y0, double x1, double y1, const TableStyle& style) {
    // Grey rules set their colour and return to black for the text; black rules set nothing.
    const bool grey = style.rule_gray > 0;
    if (grey) cairo_set_source_rgb(context_, style.rule_gray, style.rule_gray, style.rule_gray);
    if (style.borders == Borders::filled_rects) {
        const double t = filled_rule_thickness_pt;
        if (y0 == y1) cairo_rectangle(context_, x0 - t / 2, y0 - t / 2, x1 - x0 + t, t);
        else cairo_rectangle(context_, x0 - t / 2, y0 - t / 2, t, y1 - y0 + t);
        cairo_fill(context_);
    } else {
        cairo_set_line_width(context_, style.rule_width_pt);
        cairo_move_to(context_, x0, y0);
        cairo_line_to(context_, x1, y1);
        cairo_stroke(context_);
    }
    if (grey) cairo_set_source_rgb(context_, 0, 0, 0);
}

void CorpusDocument::draw_part(const Grid& grid, const TableLayout& layout, const TableStyle& style,
                               const std::vector<int>& rows, const std::vector<double>& row_top, bool record,
                               TruthTable& truth) {
    const double left = layout.col_x.front();
    const double right = layout.col_x.back();
    const double top = row_top.front();
    const double bottom = row_top.back() + layout.row_height[rows.back()];
    for (std::size_t i = 0; i < grid.cells.size(); ++i) {
        const GridCell& cell = grid.cells[i];
        const auto found = std::find(rows.begin(), rows.end(), cell.row);
        if (found == rows.end()) continue;
        const double x0 = layout.col_x[cell.col];
        const double x1 = layout.col_x[cell.col + cell.col_span];
        const double y0 = row_top[found - rows.begin()];
        const double y1 = y0 + layout.rows_height(cell.row, cell.row + cell.row_span);
        draw_cell_text(cell, layout.texts[i], x0, y0, x1, y1, style.body_align, style.cell_padding_pt);
        if (style.borders != Borders::horizontal_rules) {
            draw_rule(x0, y0, x1, y0, style);
            draw_rule(x0, y0, x0, y1, style);
        }
        if (record && (cell.row >= grid.header_rows || page_ == truth.first_page)) {
            truth.cells.push_back({cell.row, cell.col, cell.row_span, cell.col_span, cell.text, page_});
        }
    }
    if (style.borders == Borders::horizontal_rules) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const bool inside_header = rows[i] > 0 && rows[i] < grid.header_rows;
            if (style.rules_inside_header || !inside_header) draw_rule(left, row_top[i], right, row_top[i], style);
        }
    } else {
        draw_rule(right, top, right, bottom, style);
    }
    draw_rule(left, bottom, right, bottom, style);
}

void CorpusDocument::add_table(const SeedTable& table, const TableStyle& style, bool share_page) {
    const TextMeasure measure(context_);
    const Grid grid = build_grid(table, style.merge_headers);
    const double left = margin_side_pt;
    const double width = size_.width - 2 * margin_side_pt;
    const double bottom = size_.height - margin_bottom_pt;
    const double usable = bottom - margin_top_pt;
    const double above = context_height(table);
    const double below = notes_height(table, width);

    TableLayout layout;
    for (double scale = 1.0;; scale *= fit_scale_step) {
        layout = layout_table(measure, grid, style, left, width, scale);
        if (style.continuation != Continuation::shrink_to_fit) break;
        if (above + layout.rows_height(0, grid.rows) + below <= usable || scale < min_fit_scale) break;
    }
    for (const auto& text : layout.texts) overflowing_cells_ += text.fits ? 0 : 1;
    const double whole = above + layout.rows_height(0, grid.rows) + below;
    if (!page_blank_) {
        if (share_page && cursor_y_ + gap_between_tables_pt + whole <= bottom) cursor_y_ += gap_between_tables_pt;
        else new_page();
    }
    page_blank_ = false;

    TruthTable truth;
    truth.title = table.title;
    truth.tag = table.tag;
    truth.lines_above = table.lines_above;
    truth.notes = table.notes;
    truth.first_page = page_;
    truth.rows = grid.rows;
    truth.cols = grid.cols;
    truth.header_rows = grid.header_rows;
    truth.repeats_title = style.continuation == Continuation::repeat_title_and_header;
    truth.repeats_header = style.continuation == Continuation::repeat_header || truth.repeats_title;

    draw_context(table);
    std::vector<int> rows;
    std::vector<double> tops;
    double y = cursor_y_;
    for (int r = 0; r < grid.rows; ++r) {
        const bool body = r >= grid.header_rows;
        const double reserve = r + 1 == grid.rows ? below : 0;
        const bool part_has_body = !rows.empty() && rows.back() >= grid.header_rows;
        const bool alone = style.last_row_alone && r + 1 == grid.rows;
        if (body && part_has_body && (alone || y + layout.row_height[r] + reserve > bottom)) {
            draw_part(grid, layout, style, rows, tops, true, truth);
            new_page();
            page_blank_ = false;
            rows.clear();
            tops.clear();
            if (truth.repeats_title) draw_context(table);
            y = cursor_y_;
            if (truth.repeats_header) {
                for (int h = 0; h < grid.header_rows; ++h) {
                    rows.push_back(h);
                    tops.push_back(y);
                    y += layout.row_height[h];
                }
            }
        }
        rows.push_back(r);
        tops.push_back(y);
        y += layout.row_height[r];
    }
    draw_part(grid, layout, style, rows, tops, true, truth);
    cursor_y_ = y;
    draw_notes(table);
    truth.last_page = page_;
    std::sort(truth.cells.begin(), truth.cells.end(), [](const TruthCell& a, const TruthCell& b) {
        return a.row != b.row ? a.row < b.row : a.col < b.col;
    });
    truth_.push_back(std::move(truth));
}

bool CorpusDocument::finish() {
    cairo_destroy(context_);
    context_ = nullptr;
    cairo_surface_finish(surface_);
    const bool ok = cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(surface_);
    surface_ = nullptr;
    return ok;
}

void release_font_caches() {
    cairo_debug_reset_static_data();
    FcFini();
}

}  // namespace budgetpdf::corpus
