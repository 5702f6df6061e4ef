// Records of the corpus PDFs against the hand-labelled truth: for every
// corpus/records/<name>.truth.csv (written by tools/make_corpus from labels.tsv), the CLI
// extracts corpus/grid/<name>.pdf and every expected amount must be found with the same
// table kind, code (or row label), measure, side and amount to the 分, with no extra
// records of the code tables. See tests/golden/record_evaluation.h for the matching rules.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/golden/corpus_extraction.h"
#include "tests/golden/record_evaluation.h"

namespace fs = std::filesystem;
using namespace budgetpdf::evaluation;

namespace {

AmountRecord truth_row(const std::string& kind, const std::string& code, const std::string& label,
                       const std::string& measure, const std::string& amount) {
    AmountRecord r;
    r.table_kind = kind;
    r.page = 1;
    r.code = code;
    r.row_label = label;
    r.measure = measure;
    r.amount_yuan = amount;
    return r;
}

}  // namespace

TEST_CASE("record evaluation: decimals, labels, wrong, missing and extra") {
    CHECK(canonical_decimal("7951029.50") == "7951029.5");
    CHECK(canonical_decimal("0.00") == "0");
    CHECK(canonical_decimal("-0.00") == "0");
    CHECK(canonical_decimal("00325.770") == "325.77");
    CHECK(canonical_decimal("1,000.00").empty());
    CHECK(normalized_label("因公出国（境）费 ") == "因公出国(境)费");

    const std::vector<AmountRecord> truth{truth_row("income", "201", "一般公共服务支出", "total", "100.00"),
                                          truth_row("income", "", "合计", "total", "300.00"),
                                          truth_row("income", "208", "社会保障和就业支出", "total", "200.00")};
    const std::vector<AmountRecord> records{truth_row("income", "201", "一般公共服务", "total", "100"),
                                            truth_row("income", "", "合 计", "total", "300.01"),
                                            truth_row("income", "210", "卫生健康支出", "total", "5.00"),
                                            truth_row("three_public", "", "公务接待费", "total", "1.00")};
    const auto e = evaluate_records(truth, records);
    CHECK(e.truth_total == 3);
    CHECK(e.matched == 1);
    CHECK(e.wrong == 1);
    CHECK(e.missing == 1);
    CHECK(e.extra == 1);
    CHECK(e.ignored == 1);
    REQUIRE(e.problems.size() == 3);
    CHECK(e.problems[0].find("expected 300.00, got 300.01") != std::string::npos);
    CHECK(e.problems[1].find("missing: income p1 208") == 0);
    CHECK(e.problems[2].find("extra: income p1 210") == 0);
}

TEST_CASE("record evaluation: a match on another page counts, and is listed") {
    AmountRecord expected = truth_row("projects", "", "遗属补助", "total", "30800.00");
    expected.page = 2;
    const auto e = evaluate_records({expected}, {truth_row("projects", "", "遗属补助", "total", "30800")});
    CHECK(e.matched == 1);
    CHECK(e.matched_other_page == 1);
    REQUIRE(e.problems.size() == 1);
    CHECK(e.problems[0].find("printed on p1") != std::string::npos);
}

TEST_CASE("corpus records: every expected amount exact, no extra records") {
    const auto truth_files = record_truth_files();
    REQUIRE_MESSAGE(!truth_files.empty(), "no corpus/records/*.truth.csv (run make_corpus)");
    for (const auto& truth_file : truth_files) {
        const fs::path pdf = corpus_pdf_for(truth_file);
        const std::string name = pdf.filename().string();
        // One subcase per file, so `-sc=<file>` / `-sce=<file>` select files.
        SUBCASE(name.c_str()) {
            REQUIRE_MESSAGE(fs::exists(pdf), "no corpus PDF for ", truth_file.filename().string());
            CorpusScore score;
            std::string error;
            REQUIRE_MESSAGE(score_corpus_pdf(pdf, truth_file, score, error), error);
            MESSAGE(score.report);
            CHECK(score.evaluation.matched == score.evaluation.truth_total);
            CHECK(score.evaluation.extra == 0);
        }
    }
}
