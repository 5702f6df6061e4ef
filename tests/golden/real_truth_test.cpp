// Real disclosures against truth typed from their pages (corpus/real_truth/<pdf name>.truth.csv,
// see corpus/real_truth/README.md): the evaluator's rules on small in-memory CSVs, the truth
// files' own consistency, and the pipeline scored on every document of the truth. The bar
// for the pipeline is every typed amount matched (amount, unit, code or row key, measure,
// side and table kind); the per-document line says how far it is.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "layouts/layout_set.h"
#include "normalize/decimal.h"
#include "pipeline/process_document.h"
#include "tests/golden/record_evaluation.h"

namespace fs = std::filesystem;
using namespace budgetpdf;
using namespace budgetpdf::evaluation;

namespace {

constexpr const char* truth_suffix = ".truth.csv";
constexpr std::size_t max_reported_problems = 30;

const char* const truth_header =
    "source,page,table_kind,table_title,side,code,row_key,row_label,measure,unit,amount_printed,amount_yuan";

std::vector<AmountRecord> parsed(const std::string& csv) {
    std::vector<AmountRecord> records;
    std::string error;
    REQUIRE_MESSAGE(parse_amount_records(csv, "in-memory CSV", records, error), error);
    return records;
}

std::vector<fs::path> real_truth_files() {
    std::vector<fs::path> files;
    const fs::path folder = fs::path(BUDGETPDF_SOURCE_DIR) / "corpus" / "real_truth";
    if (!fs::exists(folder)) return files;
    const std::string suffix = truth_suffix;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
            files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

// The PDF named by a truth file's source column, in any folder of ../shared/real.
std::optional<fs::path> real_pdf(const std::string& source) {
    const fs::path real = fs::path(BUDGETPDF_SHARED_DIR) / "real";
    if (!fs::exists(real)) return std::nullopt;
    for (const auto& entry : fs::directory_iterator(real)) {
        if (entry.is_directory() && fs::exists(entry.path() / source)) return entry.path() / source;
    }
    return std::nullopt;
}

AmountRecord amount_record(const Record& r) {
    AmountRecord a;
    a.source = r.source;
    a.table_kind = r.table_kind;
    a.table_title = r.table_title;
    a.page = r.page;
    a.side = r.side;
    a.code = r.code;
    a.row_key = r.row_key;
    a.row_label = r.row_label;
    a.measure = r.measure;
    a.unit = r.unit;
    a.amount_printed = r.amount_printed;
    a.amount_yuan = r.amount_yuan;
    return a;
}

// amount_printed in 元 as an exact decimal: separators dropped, a lone '-' is zero, the
// point moved by the unit's power of ten; nullopt when the text is not such a number.
std::optional<Decimal> printed_in_yuan(const std::string& printed, const std::string& unit) {
    std::string digits;
    for (const char c : printed) {
        if (c != ',') digits += c;
    }
    if (digits == "-") digits = "0";
    const auto value = Decimal::parse(digits);
    if (!value) return std::nullopt;
    if (unit == "万元") return value->times_power_of_ten(4);
    if (unit == "千元") return value->times_power_of_ten(3);
    if (unit == "元") return *value;
    return std::nullopt;
}

}  // namespace

TEST_CASE("record evaluation: a unit off by 10^4 is wrong, never matched") {
    const std::string header = std::string(truth_header) + "\n";
    const auto truth = parsed(header + "a.pdf,8,summary,收支总表,income,,fiscal_grant,一、财政拨款收入,total,万元,325.77,3257700.00\n");
    // Read as 元: the right cell, the right row, the wrong unit and so an amount 10^4 too small.
    const auto as_yuan = parsed(header + "a.pdf,8,summary,收支总表,income,,fiscal_grant,一、财政拨款收入,total,元,325.77,325.77\n");
    Evaluation e = evaluate_records(truth, as_yuan);
    CHECK(e.matched == 0);
    CHECK(e.wrong == 1);
    CHECK(e.wrong_in(WrongField::unit) == 1);
    CHECK(e.missing == 0);
    // Unit named right but the amount not scaled: a wrong amount.
    const auto unscaled = parsed(header + "a.pdf,8,summary,收支总表,income,,fiscal_grant,一、财政拨款收入,total,万元,325.77,325.77\n");
    e = evaluate_records(truth, unscaled);
    CHECK(e.matched == 0);
    CHECK(e.wrong_in(WrongField::amount) == 1);
    // 3257700 = 3257700.00: the same amount.
    const auto right = parsed(header + "a.pdf,8,summary,收支总表,income,,fiscal_grant,一、财政拨款收入,total,万元,325.77,3257700\n");
    CHECK(evaluate_records(truth, right).matched == 1);
}

TEST_CASE("record evaluation: a wrong row_key, side, code, measure or table kind does not match") {
    const std::string header = std::string(truth_header) + "\n";
    const auto truth = parsed(header +
                              "a.pdf,8,summary,收支总表,income,,grand_total,收入总计,total,万元,10.00,100000.00\n"
                              "a.pdf,8,summary,收支总表,expenditure,201,,一、一般公共服务支出,total,万元,5.00,50000.00\n"
                              "a.pdf,9,income,收入总表,,2040601,,行政运行,general_budget,万元,7.00,70000.00\n"
                              "a.pdf,9,income,收入总表,,2040602,,一般行政管理事务,other_income,万元,2.00,20000.00\n"
                              "a.pdf,9,income,收入总表,,2040606,,律师管理,total,万元,3.00,30000.00\n");
    const auto records = parsed(header +
                                "a.pdf,8,summary,收支总表,income,,table_total,合计,total,万元,10.00,100000.00\n"
                                "a.pdf,8,summary,收支总表,income,201,,一、一般公共服务支出,total,万元,5.00,50000.00\n"
                                "a.pdf,9,income,收入总表,,2040650,,行政运行,general_budget,万元,7.00,70000.00\n"
                                "a.pdf,9,income,收入总表,,2040602,,一般行政管理事务,,万元,2.00,20000.00\n"
                                "a.pdf,9,other,收入总表,,2040606,,律师管理,total,万元,3.00,30000.00\n");
    const Evaluation e = evaluate_records(truth, records);
    CHECK(e.matched == 0);
    CHECK(e.wrong == 5);
    CHECK(e.wrong_in(WrongField::row_key) == 1);
    CHECK(e.wrong_in(WrongField::side) == 1);
    CHECK(e.wrong_in(WrongField::code) == 1);
    CHECK(e.wrong_in(WrongField::measure) == 1);
    CHECK(e.wrong_in(WrongField::table_kind) == 1);
    CHECK(summary_line(e).find("wrong 5 (measure 1, code 1, row_key 1, side 1, table_kind 1)") != std::string::npos);
}

TEST_CASE("record evaluation: the row is the code, else the row_key, else the label") {
    const std::string header = std::string(truth_header) + "\n";
    const auto truth = parsed(header +
                              "a.pdf,8,income,收入总表,,2010301,,行政运行,total,元,\"1,000.00\",1000.00\n"
                              "a.pdf,8,income,收入总表,,,table_total,合计,total,元,\"3,000.00\",3000.00\n"
                              "a.pdf,8,income,收入总表,,,,深圳市统计局（本级）,total,元,\"3,000.00\",3000.00\n");
    // The code row matches under another label, the keyed row under another label, and the
    // label-only row by its NFKC form without spaces.
    const auto records = parsed(header +
                                "a.pdf,8,income,收入总表,,2010301,,行政运行（项）,total,元,1000.00,1000.00\n"
                                "a.pdf,8,income,收入总表,,,table_total,合 计,total,元,3000.00,3000.00\n"
                                "a.pdf,8,income,收入总表,,,,深圳市统计局 (本级),total,元,3000.00,3000.00\n");
    CHECK(evaluate_records(truth, records).matched == 3);
    // A record without the expected row_key does not match under the same label; a label-only
    // row needs the same label.
    const auto other_rows = parsed(header +
                                   "a.pdf,8,income,收入总表,,2010301,,行政运行,total,元,1000.00,1000.00\n"
                                   "a.pdf,8,income,收入总表,,,,合计,total,元,3000.00,3000.00\n"
                                   "a.pdf,8,income,收入总表,,,,广州市统计局,total,元,3000.00,3000.00\n");
    const Evaluation e = evaluate_records(truth, other_rows);
    CHECK(e.matched == 1);
    CHECK(e.wrong_in(WrongField::row_key) == 1);
    CHECK(e.wrong_in(WrongField::row_label) == 1);
}

TEST_CASE("record evaluation: sources, repeated keys and the extra scope") {
    const std::string header = std::string(truth_header) + "\n";
    // Two rows with the same code and measure (an 经济分类 code under two 政府经济 groups).
    const auto truth = parsed(header +
                              "a.pdf,18,general_budget_basic,基本支出表,,301,,工资福利支出,total,万元,4.00,40000.00\n"
                              "a.pdf,18,general_budget_basic,基本支出表,,301,,工资福利支出,total,万元,1.00,10000.00\n");
    const auto records = parsed(header +
                                "b.pdf,18,general_budget_basic,基本支出表,,301,,工资福利支出,total,万元,4.00,40000.00\n"
                                "a.pdf,18,general_budget_basic,基本支出表,,301,,工资福利支出,total,万元,1.00,10000.00\n"
                                "a.pdf,18,general_budget_basic,基本支出表,,301,,工资福利支出,total,万元,4.00,40000.00\n"
                                "a.pdf,18,general_budget_basic,基本支出表,,302,,商品和服务支出,total,万元,2.00,20000.00\n"
                                "a.pdf,22,gov_fund,政府性基金预算支出表,,,table_total,合计,total,万元,0.00,0.00\n");
    EvaluationOptions real;
    real.extra_scope = ExtraScope::truth_pages;
    const Evaluation e = evaluate_records(truth, records, real);
    CHECK(e.matched == 2);
    // b.pdf's record is not a's; 302 is on a page the truth covers; page 22 is not covered.
    CHECK(e.extra == 2);
    CHECK(e.ignored == 1);
    // The corpus scope counts every code-table kind as covered.
    CHECK(evaluate_records(truth, records).extra == 3);
}

TEST_CASE("record evaluation: older truth files without row_key and unit still read and match") {
    const auto truth = parsed("table_kind,page,side,code,row_label,measure,amount_yuan\n"
                              "summary,1,income,,一、一般公共预算财政拨款收入,total,105613371.38\n");
    REQUIRE(truth.size() == 1);
    CHECK(truth[0].row_key.empty());
    CHECK(truth[0].unit.empty());
    const auto records = parsed(std::string(truth_header) + "\n" +
                                "x.pdf,1,summary,收支总表,income,,general_budget,一、一般公共预算财政拨款收入,total,元,"
                                "\"105,613,371.38\",105613371.38\n");
    CHECK(evaluate_records(truth, records).matched == 1);
}

TEST_CASE("real truth files: header, vocabulary and exact amount_yuan") {
    const auto files = real_truth_files();
    REQUIRE_MESSAGE(!files.empty(), "no corpus/real_truth/*.truth.csv");
    const std::set<std::string> kinds{"summary",        "income",       "expenditure",
                                      "grant_summary",  "general_budget", "general_budget_basic",
                                      "three_public",   "gov_fund",     "state_capital",
                                      "operating_costs", "projects",    "other"};
    const std::set<std::string> units{"元", "万元", "千元"};
    for (const auto& file : files) {
        const std::string name = file.filename().string();
        CAPTURE(name);
        const std::string pdf_name = name.substr(0, name.size() - std::string(truth_suffix).size()) + ".pdf";
        std::ifstream in(file, std::ios::binary);
        std::string first_line;
        std::getline(in, first_line);
        CHECK(first_line == truth_header);
        std::vector<AmountRecord> truth;
        std::string error;
        REQUIRE_MESSAGE(read_amount_records(file.string(), truth, error), error);
        CHECK(truth.size() >= 100);
        for (const auto& t : truth) {
            CAPTURE(t.page);
            CAPTURE(t.row_label);
            CHECK(t.source == pdf_name);
            CHECK(kinds.count(t.table_kind) == 1);
            CHECK(units.count(t.unit) == 1);
            CHECK((t.side.empty() || t.table_kind == "summary"));
            CHECK((t.code.empty() || t.row_key.empty()));
            const auto printed = printed_in_yuan(t.amount_printed, t.unit);
            const auto yuan = Decimal::parse(t.amount_yuan);
            REQUIRE(printed.has_value());
            REQUIRE(yuan.has_value());
            CHECK(*printed == *yuan);
        }
    }
}

TEST_CASE("real truth: every typed amount is matched by the pipeline's records") {
    const auto files = real_truth_files();
    REQUIRE_MESSAGE(!files.empty(), "no corpus/real_truth/*.truth.csv");
    Result<LayoutSet> layouts = load_layouts(default_layouts_dir());
    REQUIRE(layouts);
    EvaluationOptions options;
    options.extra_scope = ExtraScope::truth_pages;
    for (const auto& file : files) {
        std::vector<AmountRecord> truth;
        std::string error;
        REQUIRE_MESSAGE(read_amount_records(file.string(), truth, error), error);
        REQUIRE(!truth.empty());
        const std::string source = truth.front().source;
        // One subcase per document, so `-sc=<file>` selects one.
        SUBCASE(source.c_str()) {
            const auto pdf = real_pdf(source);
            REQUIRE_MESSAGE(pdf.has_value(), "not in ../shared/real: ", source);
            const DocumentOutput output = process_document(pdf->string(), layouts.value());
            std::vector<AmountRecord> records;
            for (const Record& r : output.records) records.push_back(amount_record(r));
            const Evaluation e = evaluate_records(truth, records, options);
            std::string report = source + ": " + summary_line(e);
            for (std::size_t i = 0; i < e.problems.size() && i < max_reported_problems; ++i) {
                report += "\n  " + e.problems[i];
            }
            MESSAGE(report);
            CHECK(e.matched == e.truth_total);
        }
    }
}
