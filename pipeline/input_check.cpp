#include "pipeline/input_check.h"

#include <cctype>
#include <fstream>
#include <string_view>

namespace budgetpdf {
namespace {

constexpr std::streamoff tail_bytes = 1024;        // the PDF spec puts %%EOF within the last 1 KB
constexpr std::streamoff xref_probe_bytes = 64;
constexpr std::streamoff page_scan_max_bytes = 64 << 20;

bool generic(const std::string& error) {
    return error.rfind("damaged", 0) == 0 || error == "the PDF has no pages" || error == "cannot read file";
}

std::string read_at(std::ifstream& in, std::streamoff offset, std::streamoff count) {
    std::string bytes(static_cast<size_t>(count), '\0');
    in.clear();
    in.seekg(offset);
    in.read(bytes.data(), count);
    bytes.resize(static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return bytes;
}

// "N G obj" at the start of `text` (after whitespace): an xref stream's object.
bool starts_with_object(std::string_view text) {
    size_t i = 0;
    auto skip_space = [&] {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    };
    auto digits = [&] {
        size_t start = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
        return i > start;
    };
    skip_space();
    if (!digits()) return false;
    skip_space();
    if (!digits()) return false;
    skip_space();
    return text.substr(i, 3) == "obj";
}

// What is wrong with the file's end and its cross-reference pointer; "" when nothing shows.
std::string structural_problem(std::ifstream& in, std::streamoff size) {
    std::streamoff start = std::max<std::streamoff>(0, size - tail_bytes);
    std::string tail = read_at(in, start, size - start);
    if (tail.find("%%EOF") == std::string::npos)
        return "truncated: the file ends without its %%EOF marker (" + std::to_string(size) + " bytes)";
    size_t at = tail.rfind("startxref");
    if (at == std::string::npos) return "damaged xref: no startxref before %%EOF";
    size_t digits = at + 9;
    while (digits < tail.size() && std::isspace(static_cast<unsigned char>(tail[digits]))) ++digits;
    std::streamoff offset = 0;
    bool any = false;
    for (; digits < tail.size() && std::isdigit(static_cast<unsigned char>(tail[digits])); ++digits, any = true)
        offset = offset * 10 + (tail[digits] - '0');
    if (!any) return "damaged xref: startxref gives no offset";
    if (offset >= size) return "damaged xref: startxref points past the end of the file";
    std::string probe = read_at(in, offset, xref_probe_bytes);
    size_t first = probe.find_first_not_of(" \t\r\n");
    if ((first == std::string::npos || probe.compare(first, 4, "xref") != 0) && !starts_with_object(probe))
        return "damaged xref: startxref points at no cross-reference table or stream";
    return "";
}

}  // namespace

std::string explain_failure(const std::string& path, const std::string& converter_error) {
    if (!generic(converter_error)) return converter_error;
    std::ifstream in(path, std::ios::binary);
    if (!in) return converter_error;
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    if (size <= 0) return size == 0 ? "empty file (0 bytes)" : converter_error;
    std::string problem = structural_problem(in, size);
    if (!problem.empty()) return problem + "; " + converter_error;
    if (converter_error == "the PDF has no pages" && size <= page_scan_max_bytes) {
        std::string all = read_at(in, 0, size);
        for (size_t at = all.find("/Type"); at != std::string::npos; at = all.find("/Type", at + 5)) {
            size_t value = all.find_first_not_of(" \t\r\n", at + 5);
            if (value != std::string::npos && all.compare(value, 5, "/Page") == 0 &&
                (value + 5 >= all.size() || !std::isalpha(static_cast<unsigned char>(all[value + 5]))))
                return "damaged: the file has page objects but its page tree cannot be read";
        }
    }
    return converter_error;
}

}  // namespace budgetpdf
