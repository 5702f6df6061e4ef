// evaluate_records: compares the pipeline's records.csv with expected records and prints
// one line per truth file, the totals, and how many wrong amounts differ in which field.
//
//   evaluate_records --truth <dir or .truth.csv>... --records <records.csv> [--show N]
//   evaluate_records --truth-dir <dir> --records <records.csv> [--show N]
//
// --truth: the generated corpus (corpus/records), whose truth covers every table of its
// PDF: left-over records of code tables count as extra. --truth-dir: truth typed for chosen
// tables of real disclosures (corpus/real_truth): left-over records count as extra only on
// pages that hold expected amounts. Records are taken per file by their source column
// (<name>.pdf). --show prints the first N problems (wrong, missing, extra) of each file
// (default 10). Exit status 0 when every expected amount is matched and no extra record
// exists, 1 otherwise, 2 on usage errors.

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "tests/golden/record_evaluation.h"

namespace fs = std::filesystem;
using namespace budgetpdf::evaluation;

namespace {

constexpr const char* truth_suffix = ".truth.csv";

std::vector<fs::path> truth_files(const std::vector<fs::path>& inputs) {
    std::vector<fs::path> files;
    for (const auto& input : inputs) {
        if (!fs::is_directory(input)) {
            files.push_back(input);
            continue;
        }
        std::vector<fs::path> found;
        for (const auto& entry : fs::directory_iterator(input)) {
            const std::string name = entry.path().filename().string();
            if (name.size() > std::string(truth_suffix).size() &&
                name.compare(name.size() - std::string(truth_suffix).size(), std::string::npos, truth_suffix) == 0) {
                found.push_back(entry.path());
            }
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

std::string stem_of(const fs::path& truth) {
    std::string name = truth.filename().string();
    return name.substr(0, name.size() - std::string(truth_suffix).size());
}

void print_row(const std::string& name, const Evaluation& e) {
    std::printf("%-44s %8d %6d %6d %8d %6d %8d\n", name.c_str(), e.matched, e.truth_total, e.wrong, e.missing, e.extra,
                e.ignored);
}

// "wrong by field: amount 3, unit 12, measure 0, …"
void print_wrong_fields(const Evaluation& e) {
    std::printf("wrong by field:");
    for (std::size_t i = 0; i < wrong_field_count; ++i) {
        std::printf("%s %s %d", i == 0 ? "" : ",", wrong_field_name(static_cast<WrongField>(i)), e.wrong_by_field[i]);
    }
    std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<fs::path> truth_inputs;
    fs::path records_path;
    int show = 10;
    EvaluationOptions options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--truth") {
            while (i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0) truth_inputs.emplace_back(argv[++i]);
        } else if (arg == "--truth-dir" && i + 1 < argc) {
            truth_inputs.emplace_back(argv[++i]);
            options.extra_scope = ExtraScope::truth_pages;
        } else if (arg == "--records" && i + 1 < argc) {
            records_path = argv[++i];
        } else if (arg == "--show" && i + 1 < argc) {
            show = std::atoi(argv[++i]);
        } else {
            truth_inputs.clear();
            break;
        }
    }
    if (truth_inputs.empty() || records_path.empty()) {
        std::cerr << "usage: evaluate_records --truth <dir or .truth.csv>... --records <records.csv> [--show N]\n"
                     "       evaluate_records --truth-dir <dir> --records <records.csv> [--show N]\n";
        return 2;
    }
    std::vector<AmountRecord> records;
    std::string error;
    if (!read_amount_records(records_path.string(), records, error)) {
        std::cerr << "evaluate_records: " << error << "\n";
        return 2;
    }
    std::printf("%-44s %8s %6s %6s %8s %6s %8s\n", "file", "matched", "total", "wrong", "missing", "extra", "ignored");
    Evaluation total;
    std::vector<std::pair<std::string, Evaluation>> results;
    for (const auto& truth_path : truth_files(truth_inputs)) {
        std::vector<AmountRecord> truth;
        if (!read_amount_records(truth_path.string(), truth, error)) {
            std::cerr << "evaluate_records: " << error << "\n";
            return 2;
        }
        const std::string stem = stem_of(truth_path);
        std::vector<AmountRecord> own;
        for (const auto& record : records) {
            if (record.source.empty() || record.source == stem + ".pdf") own.push_back(record);
        }
        const Evaluation e = evaluate_records(truth, own, options);
        print_row(stem, e);
        add_evaluation(total, e);
        results.emplace_back(stem, e);
    }
    print_row("total", total);
    std::printf("%s\n", summary_line(total).c_str());
    print_wrong_fields(total);
    for (const auto& [stem, e] : results) {
        if (e.problems.empty() || show <= 0) continue;
        std::printf("\n%s: %s\n", stem.c_str(), summary_line(e).c_str());
        for (int i = 0; i < show && i < static_cast<int>(e.problems.size()); ++i) {
            std::printf("  %s\n", e.problems[i].c_str());
        }
        if (static_cast<int>(e.problems.size()) > show) {
            std::printf("  … %zu more\n", e.problems.size() - static_cast<std::size_t>(show));
        }
    }
    const bool perfect = total.matched == total.truth_total && total.extra == 0;
    return perfect ? 0 : 1;
}
