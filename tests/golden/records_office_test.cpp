// Records of the PDFs printed by LibreOffice Calc (corpus/office/*.pdf, written by
// tools/office_corpus from the same seed tables as corpus/grid). Each office PDF holds
// exactly the seed tables of one corpus/grid PDF, named in corpus/office/truth_sources.tsv,
// so that PDF's expected records (corpus/records/<grid name>.truth.csv) are its expected
// records too; pages differ, and the evaluator does not match on page. The bar is the same
// as for our own renderings: every expected amount matched, no extra code-table records.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/golden/corpus_extraction.h"
#include "tests/golden/record_evaluation.h"

namespace fs = std::filesystem;
using namespace budgetpdf::evaluation;

namespace {

const fs::path& office_folder() {
    static const fs::path folder = fs::path(BUDGETPDF_SOURCE_DIR) / "corpus" / "office";
    return folder;
}

// (office PDF file name, grid truth name) per line of truth_sources.tsv; '#' lines are comments.
std::vector<std::pair<std::string, std::string>> truth_sources() {
    std::vector<std::pair<std::string, std::string>> sources;
    std::ifstream in(office_folder() / "truth_sources.tsv");
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        if (tab == std::string::npos) continue;
        sources.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    return sources;
}

}  // namespace

TEST_CASE("office records: every office PDF is listed with a truth file") {
    const auto sources = truth_sources();
    REQUIRE_MESSAGE(!sources.empty(), "no corpus/office/truth_sources.tsv entries");
    int pdfs = 0;
    for (const auto& entry : fs::directory_iterator(office_folder())) {
        if (entry.path().extension() != ".pdf") continue;
        ++pdfs;
        const std::string name = entry.path().filename().string();
        bool listed = false;
        for (const auto& [pdf, truth] : sources) listed = listed || pdf == name;
        CHECK_MESSAGE(listed, name, " is not in corpus/office/truth_sources.tsv");
    }
    CHECK(pdfs == static_cast<int>(sources.size()));
    for (const auto& [pdf, truth] : sources) {
        CHECK_MESSAGE(fs::exists(office_folder() / pdf), "missing corpus/office/", pdf);
        CHECK_MESSAGE(fs::exists(fs::path(BUDGETPDF_SOURCE_DIR) / "corpus" / "records" / (truth + ".truth.csv")),
                      "missing corpus/records/", truth, ".truth.csv");
    }
}

TEST_CASE("office records: every expected amount exact, no extra records") {
    const auto sources = truth_sources();
    REQUIRE(!sources.empty());
    for (const auto& [pdf_name, truth_name] : sources) {
        // One subcase per file, so `-sc=<file>` / `-sce=<file>` select files.
        SUBCASE(pdf_name.c_str()) {
            const fs::path pdf = office_folder() / pdf_name;
            const fs::path truth_file =
                fs::path(BUDGETPDF_SOURCE_DIR) / "corpus" / "records" / (truth_name + ".truth.csv");
            REQUIRE_MESSAGE(fs::exists(pdf), "missing ", pdf.string());
            CorpusScore score;
            std::string error;
            REQUIRE_MESSAGE(score_corpus_pdf(pdf, truth_file, score, error), error);
            MESSAGE(score.report);
            CHECK(score.evaluation.matched == score.evaluation.truth_total);
            CHECK(score.evaluation.extra == 0);
        }
    }
}
