#include "extract/poppler_document.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <string_view>

#include <Error.h>
#include <ErrorCodes.h>
#include <GlobalParams.h>
#include <goo/GooString.h>
#include <PDFDoc.h>
#include <PDFDocEncoding.h>

#include "extract/pdf_geometry.h"

namespace budgetpdf {
namespace {

constexpr std::size_t header_search_bytes = 1024;  // the PDF spec allows junk before %PDF-

void discard_poppler_message(ErrorCategory, Goffset, const char*) {}

void set_up_poppler() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (!globalParams) globalParams = std::make_unique<GlobalParams>();
        globalParams->setErrQuiet(true);
        setErrorCallback(discard_poppler_message);
    });
}

Error make_error(ErrorKind kind, std::string message) { return Error{kind, std::move(message)}; }

// Checks the file exists, can be read and starts with a PDF header.
std::optional<Error> check_file(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) return make_error(ErrorKind::io, "file not found");
    if (std::filesystem::is_directory(status)) return make_error(ErrorKind::io, "is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorKind::io, "cannot open the file for reading");
    std::array<char, header_search_bytes> buffer{};
    in.read(buffer.data(), buffer.size());
    const std::string_view head(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (head.empty()) return make_error(ErrorKind::not_pdf, "empty file, not a PDF");
    if (head.find("%PDF-") == std::string_view::npos)
        return make_error(ErrorKind::not_pdf, "not a PDF (no %PDF- header)");
    return std::nullopt;
}

std::string utf8_from_pdf_text(const GooString& text) {
    const std::string& s = text.toStr();
    std::string out;
    if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xFE && static_cast<unsigned char>(s[1]) == 0xFF) {
        for (std::size_t i = 2; i + 1 < s.size(); i += 2) {
            char32_t c = (static_cast<unsigned char>(s[i]) << 8) | static_cast<unsigned char>(s[i + 1]);
            if (c >= 0xD800 && c <= 0xDBFF && i + 3 < s.size()) {
                const char32_t low = (static_cast<unsigned char>(s[i + 2]) << 8) | static_cast<unsigned char>(s[i + 3]);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                    i += 2;
                }
            }
            if (c >= 0x20) append_utf8(out, c);
        }
        return out;
    }
    for (unsigned char b : s) {
        const char32_t c = pdfDocEncoding[b];
        if (c >= 0x20) append_utf8(out, c);
    }
    return out;
}

}  // namespace

void PdfDocDeleter::operator()(PDFDoc* doc) const { delete doc; }

Result<PdfDocPtr> open_pdf_document(const std::string& path) {
    if (auto problem = check_file(path)) return *problem;
    set_up_poppler();
    try {
        PdfDocPtr doc(new PDFDoc(std::make_unique<GooString>(path)));
        if (!doc->isOk()) {
            switch (doc->getErrorCode()) {
            case errEncrypted:
                return make_error(ErrorKind::encrypted, "encrypted PDF, a password is needed");
            case errOpenFile:
                return make_error(ErrorKind::io, "cannot open the file for reading");
            default:
                return make_error(ErrorKind::damaged, "damaged PDF that cannot be repaired (poppler error " +
                                                          std::to_string(doc->getErrorCode()) + ")");
            }
        }
        if (doc->getNumPages() <= 0) return make_error(ErrorKind::no_pages, "the PDF has no pages");
        return doc;
    } catch (const std::exception& e) {
        return make_error(ErrorKind::damaged, std::string("damaged PDF: ") + e.what());
    }
}

std::string pdf_producer(PDFDoc& doc) {
    for (const char* key : {"Producer", "Creator"}) {
        if (auto value = doc.getDocInfoStringEntry(key)) {
            std::string text = utf8_from_pdf_text(*value);
            if (!text.empty()) return text;
        }
    }
    return {};
}

}  // namespace budgetpdf
