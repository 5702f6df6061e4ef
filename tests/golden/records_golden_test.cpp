// Golden record files: for every corpus/records/<name>.truth.csv, the CLI's records.csv
// of corpus/grid/<name>.pdf must equal corpus/records/<name>.records.csv byte for byte.
// With BUDGETPDF_UPDATE_GOLDEN=1 in the environment the test rewrites the golden files
// instead (and still fails when one was missing, so a new file is never accepted silently).

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "tests/golden/corpus_extraction.h"

namespace fs = std::filesystem;
using namespace budgetpdf::evaluation;

namespace {

constexpr std::size_t max_reported_lines = 8;

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

// The first differing lines, numbered (1-based, header = line 1).
std::string first_differences(const std::string& golden, const std::string& got) {
    const auto a = lines_of(golden);
    const auto b = lines_of(got);
    std::string report = "golden " + std::to_string(a.size()) + " lines, extracted " + std::to_string(b.size()) + " lines";
    std::size_t shown = 0;
    for (std::size_t i = 0; i < std::max(a.size(), b.size()) && shown < max_reported_lines; ++i) {
        const std::string left = i < a.size() ? a[i] : "(none)";
        const std::string right = i < b.size() ? b[i] : "(none)";
        if (left == right) continue;
        report += "\n  line " + std::to_string(i + 1) + "\n    golden: " + left + "\n    got:    " + right;
        ++shown;
    }
    return report;
}

bool updating() {
    const char* value = std::getenv("BUDGETPDF_UPDATE_GOLDEN");
    return value != nullptr && std::string(value) == "1";
}

}  // namespace

TEST_CASE("corpus records: records.csv equals the golden file") {
    const auto truth_files = record_truth_files();
    REQUIRE_MESSAGE(!truth_files.empty(), "no corpus/records/*.truth.csv (run make_corpus)");
    for (const auto& truth_file : truth_files) {
        const fs::path pdf = corpus_pdf_for(truth_file);
        const std::string name = pdf.filename().string();
        SUBCASE(name.c_str()) {
            const fs::path golden = truth_file.parent_path() / (pdf.stem().string() + ".records.csv");
            std::string csv;
            std::string error;
            REQUIRE_MESSAGE(extract_records_csv(pdf, csv, error), error);
            const bool existed = fs::exists(golden);
            if (updating()) {
                std::ofstream(golden, std::ios::binary) << csv;
                MESSAGE("rewrote ", golden.string());
            }
            if (!existed) {
                FAIL_CHECK("missing golden file ", golden.string(),
                           " (write it with BUDGETPDF_UPDATE_GOLDEN=1 once the records are right)");
            } else if (!updating()) {
                const std::string expected = read_bytes(golden);
                CHECK_MESSAGE(csv == expected, name, ": records.csv differs from ", golden.filename().string(), ": ",
                              first_differences(expected, csv));
            }
        }
    }
}
