#include "pdf_test_files.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace budgetpdf::test {
namespace {

std::string number(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

std::string stream_object(const std::string& dict_entries, const std::string& data) {
    return "<< " + dict_entries + " /Length " + std::to_string(data.size()) + " >>\nstream\n" + data +
           "\nendstream";
}

std::string private_use_cmap() {
    return "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
           "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
           "/CMapName /Garbage def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
           "1 beginbfrange\n<00> <FF> <E000>\nendbfrange\nendcmap\n"
           "CMapName currentdict /CMap defineresource pop\nend\nend";
}

// The per-process scratch directory, removed when the test program exits.
class ScratchDir {
public:
    ScratchDir()
        : path_(std::filesystem::temp_directory_path() / ("budgetpdf_extract_test_" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

const std::filesystem::path& temp_dir() {
    static const ScratchDir dir;
    return dir.path();
}

// Maps code A to the two characters "fi" and code B to a control character.
std::string ligature_cmap() {
    return "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
           "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
           "/CMapName /Ligature def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
           "2 beginbfchar\n<41> <00660069>\n<42> <0007>\nendbfchar\nendcmap\n"
           "CMapName currentdict /CMap defineresource pop\nend\nend";
}

}  // namespace

std::string make_test_pdf(const std::vector<TestPdfPage>& pages, const std::string& producer) {
    // Objects: 1 catalog, 2 page tree, 3 /F1, 4 /F2, 5 its ToUnicode, 6 info, 7 /F3, 8 its
    // ToUnicode, then page + content pairs.
    std::vector<std::string> objects;
    std::string kids;
    for (std::size_t i = 0; i < pages.size(); ++i) kids += std::to_string(9 + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 5 0 R >>");
    objects.push_back(stream_object("", private_use_cmap()));
    objects.push_back("<< /Producer (" + producer + ") >>");
    objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
                      "/ToUnicode 8 0 R >>");
    objects.push_back(stream_object("", ligature_cmap()));
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const TestPdfPage& p = pages[i];
        std::string page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + number(p.width) + " " +
                           number(p.height) + "]";
        if (p.crop_box) {
            page += " /CropBox [";
            for (double v : *p.crop_box) page += number(v) + " ";
            page += "]";
        }
        if (p.rotate != 0) page += " /Rotate " + std::to_string(p.rotate);
        page += " /Resources << /Font << /F1 3 0 R /F2 4 0 R /F3 7 0 R >>"
                " /ExtGState << /Clear << /CA 0 /ca 0 >> >> >> /Contents " +
                std::to_string(10 + 2 * i) + " 0 R >>";
        objects.push_back(page);
        objects.push_back(stream_object("", p.content));
    }

    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R /Info 6 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

std::string test_file_path(const std::string& name) { return (temp_dir() / name).string(); }

std::string write_test_file(const std::string& name, const std::string& bytes) {
    const std::string path = test_file_path(name);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

std::string read_file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string shared_file(const std::string& relative) {
    return (std::filesystem::path(BUDGETPDF_SHARED_DIR) / relative).string();
}

std::string captured_stderr(const std::function<void()>& body) {
    const std::string path = test_file_path("stderr.txt");
    std::fflush(stderr);
    const int saved = ::dup(2);
    std::FILE* sink = std::fopen(path.c_str(), "w");
    ::dup2(::fileno(sink), 2);
    body();
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    std::fclose(sink);
    return read_file_bytes(path);
}

}  // namespace budgetpdf::test
