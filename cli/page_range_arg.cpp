#include "cli/page_range_arg.h"

#include <charconv>

namespace budgetpdf {
namespace {

std::optional<int> positive_int(const std::string& text) {
    int value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
    return value;
}

}  // namespace

std::optional<PageRange> page_range_from_arg(const std::string& text) {
    auto dash = text.find('-');
    if (dash == std::string::npos) {
        auto page = positive_int(text);
        if (!page) return std::nullopt;
        return PageRange{*page, *page};
    }
    auto first = positive_int(text.substr(0, dash));
    if (!first) return std::nullopt;
    std::string rest = text.substr(dash + 1);
    if (rest.empty()) return PageRange{*first, 0};
    auto last = positive_int(rest);
    if (!last || *last < *first) return std::nullopt;
    return PageRange{*first, *last};
}

}  // namespace budgetpdf
