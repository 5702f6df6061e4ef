#include "tools/make_corpus/text_fit.h"

#include <algorithm>

#include "tools/make_corpus/seed_tables.h"

namespace budgetpdf::corpus {
namespace {

constexpr double shrink_step = 0.92;

}  // namespace

double TextMeasure::width(const std::string& text, double font_size) const {
    cairo_set_font_size(context_, font_size);
    cairo_text_extents_t extents;
    cairo_text_extents(context_, text.c_str(), &extents);
    return std::max(extents.x_advance, extents.x_bearing + extents.width);
}

std::vector<std::string> wrap_text(const TextMeasure& measure, const std::string& text, double font_size,
                                   double max_width) {
    std::vector<std::string> lines;
    std::string line;
    for (const auto& point : utf8_code_points(text)) {
        if (line.empty() && point == " ") continue;
        const std::string candidate = line + point;
        if (!line.empty() && measure.width(candidate, font_size) > max_width) {
            lines.push_back(trim_text(line));
            line = point == " " ? "" : point;
        } else {
            line = candidate;
        }
    }
    if (!trim_text(line).empty()) lines.push_back(trim_text(line));
    return lines;
}

FittedText fit_text(const TextMeasure& measure, const std::string& text, double width, double height,
                    double font_size, bool may_wrap) {
    FittedText fitted;
    for (double size = font_size;; size *= shrink_step) {
        if (size < min_font_size_pt) size = min_font_size_pt;
        fitted.font_size = size;
        if (may_wrap) {
            fitted.lines = wrap_text(measure, text, size, width);
        } else {
            fitted.lines = {text};
        }
        bool fits = true;
        for (const auto& line : fitted.lines) fits = fits && measure.width(line, size) <= width;
        if (height > 0 && fitted.height() > height) fits = false;
        fitted.fits = fits;
        if (fits || size <= min_font_size_pt) return fitted;
    }
}

}  // namespace budgetpdf::corpus
