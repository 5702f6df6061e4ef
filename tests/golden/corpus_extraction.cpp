#include "tests/golden/corpus_extraction.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;

namespace budgetpdf::evaluation {
namespace {

constexpr const char* truth_suffix = ".truth.csv";
constexpr int cli_timeout_s = 300;

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

}  // namespace

std::vector<fs::path> record_truth_files() {
    std::vector<fs::path> files;
    const fs::path folder = fs::path(BUDGETPDF_SOURCE_DIR) / "corpus" / "records";
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

fs::path corpus_pdf_for(const fs::path& truth_file) {
    const std::string name = truth_file.filename().string();
    const std::string stem = name.substr(0, name.size() - std::string(truth_suffix).size());
    return fs::path(BUDGETPDF_SOURCE_DIR) / "corpus" / "grid" / (stem + ".pdf");
}

bool extract_records_csv(const fs::path& pdf, std::string& records_csv, std::string& error) {
    char pattern[] = "/tmp/budgetpdf_records_XXXXXX";
    const char* made = mkdtemp(pattern);
    if (!made) {
        error = "cannot create a temporary folder";
        return false;
    }
    const fs::path out(made);
    const std::string command = "timeout " + std::to_string(cli_timeout_s) + " " + quoted(BUDGETPDF_CLI) +
                                " extract " + quoted(pdf.string()) + " --out " + quoted(out.string()) + " > " +
                                quoted((out / "cli_output.txt").string()) + " 2>&1";
    const int status = std::system(command.c_str());
    const fs::path records = out / "records.csv";
    bool ok = true;
    if (!fs::exists(records)) {
        error = command + " (status " + std::to_string(status) + ") wrote no records.csv:\n" +
                read_bytes(out / "cli_output.txt");
        ok = false;
    } else {
        records_csv = read_bytes(records);
    }
    std::error_code ignored;
    fs::remove_all(out, ignored);
    return ok;
}

bool score_corpus_pdf(const std::filesystem::path& pdf, const std::filesystem::path& truth_file,
                      CorpusScore& score, std::string& error) {
    constexpr std::size_t max_reported_problems = 25;
    const std::string name = pdf.filename().string();
    std::vector<AmountRecord> truth;
    if (!read_amount_records(truth_file.string(), truth, error)) return false;
    std::string csv;
    if (!extract_records_csv(pdf, csv, error)) return false;
    std::vector<AmountRecord> records;
    if (!parse_amount_records(csv, name + " records.csv", records, error)) return false;

    score.evaluation = evaluate_records(truth, records);
    const Evaluation& e = score.evaluation;
    score.report = name + ": " + summary_line(e);
    for (std::size_t i = 0; i < e.problems.size() && i < max_reported_problems; ++i) {
        score.report += "\n  " + e.problems[i];
    }
    if (e.problems.size() > max_reported_problems) {
        score.report += "\n  … " + std::to_string(e.problems.size() - max_reported_problems) + " more";
    }
    return true;
}

}  // namespace budgetpdf::evaluation
