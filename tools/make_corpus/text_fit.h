#pragma once
// Measures text with the corpus font and fits a cell's text into its box: one line when
// it fits, else wrapped by character (CJK wraps anywhere), else a smaller font.

#include <cairo.h>

#include <string>
#include <vector>

namespace budgetpdf::corpus {

inline constexpr const char* corpus_font_family = "WenQuanYi Micro Hei";
inline constexpr double min_font_size_pt = 4.0;
inline constexpr double line_height_factor = 1.25;  // line pitch / font size

struct FittedText {
    double font_size = 0;
    std::vector<std::string> lines;
    bool fits = true;  // false only when even min_font_size_pt overflows the box
    double height() const { return static_cast<double>(lines.size()) * font_size * line_height_factor; }
};

// Measures with a cairo context whose font face is the corpus font. Not owning.
class TextMeasure {
public:
    explicit TextMeasure(cairo_t* context) : context_(context) {}
    double width(const std::string& text, double font_size) const;

private:
    cairo_t* context_;
};

// Wraps greedily by code point at the given size; no line is wider than max_width unless
// a single character is.
std::vector<std::string> wrap_text(const TextMeasure& measure, const std::string& text, double font_size,
                                   double max_width);

// Fits text into a box of inner size width×height: keeps font_size when the (wrapped,
// if may_wrap) text fits, otherwise shrinks it, down to min_font_size_pt. A height of 0
// means unlimited.
FittedText fit_text(const TextMeasure& measure, const std::string& text, double width, double height,
                    double font_size, bool may_wrap);

}  // namespace budgetpdf::corpus
