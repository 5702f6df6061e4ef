// make_corpus: renders the tables of the seed documents into test PDFs with ground truth.
//
//   make_corpus --seeds <dir> --out <corpus dir>   write corpus/grid/*.pdf and *.truth.json, and
//                                                  corpus/records/*.truth.csv from the hand labels
//                                                  in <corpus dir>/records/labels.tsv
//   make_corpus --seeds <dir> --out <corpus dir> --check
//                                                  regenerate into a temporary folder and
//                                                  compare bytes with <corpus dir>; exit 1 on
//                                                  any difference
//   make_corpus --seeds <dir> --list               print the seed tables with their indices

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "tools/make_corpus/corpus_document.h"
#include "tools/make_corpus/corpus_specs.h"
#include "tools/make_corpus/record_truth.h"
#include "tools/make_corpus/seed_tables.h"
#include "tools/make_corpus/truth.h"

namespace fs = std::filesystem;
using namespace budgetpdf::corpus;

namespace {

std::string find_seed(const fs::path& seeds, const std::string& prefix) {
    for (const auto& entry : fs::directory_iterator(seeds)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0 && entry.path().extension() == ".txt") return entry.path().string();
    }
    return {};
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Expected records of a document from its tables' labels; false when a label does not fit.
bool write_record_truth(const DocumentSpec& spec, const std::vector<TruthTable>& truth, const TableLabels& labels,
                        const fs::path& out, std::vector<std::string>& written) {
    std::vector<ExpectedRecord> records;
    std::string error;
    bool ok = true;
    for (std::size_t i = 0; i < spec.tables.size() && i < truth.size(); ++i) {
        std::string prefix = spec.tables[i].seed_prefix;
        if (!prefix.empty() && prefix.back() == '_') prefix.pop_back();
        const auto it = labels.find({prefix, spec.tables[i].index, variant_name(labels_variant(spec.tables[i].variant))});
        if (it == labels.end()) continue;
        if (!expected_records(truth[i], it->second, records, error)) ok = false;
    }
    if (!ok) std::cerr << "make_corpus: labels of " << spec.name << ":\n" << error;
    const std::string name = "records/" + fs::path(spec.name).filename().string() + ".truth.csv";
    fs::create_directories((out / name).parent_path());
    std::ofstream(out / name, std::ios::binary) << expected_records_csv(records);
    written.push_back(name);
    return ok;
}

bool generate(const fs::path& seeds, const fs::path& out, const fs::path& labels_path,
              std::vector<std::string>& written) {
    TableLabels labels;
    std::string error;
    if (!read_table_labels(labels_path.string(), labels, error)) {
        std::cerr << "make_corpus: " << error << "\n";
        return false;
    }
    bool ok = true;
    for (const auto& spec : corpus_documents()) {
        std::vector<TruthTable> truth;
        const fs::path pdf = out / (spec.name + ".pdf");
        fs::create_directories(pdf.parent_path());
        {
            CorpusDocument document(pdf.string(), spec.page);
            for (std::size_t i = 0; i < spec.tables.size(); ++i) {
                const auto& choice = spec.tables[i];
                const std::string seed = find_seed(seeds, choice.seed_prefix);
                const auto tables = seed.empty() ? std::vector<SeedTable>{} : read_seed_tables(seed);
                if (choice.index < 0 || choice.index >= static_cast<int>(tables.size())) {
                    std::cerr << "make_corpus: seed " << choice.seed_prefix << " has no table " << choice.index << "\n";
                    return false;
                }
                TableStyle style = spec.style;
                if (spec.alternate_alignment) {
                    style.body_align = i % 2 == 0 ? VerticalAlign::top : VerticalAlign::middle;
                }
                if (spec.restyle) spec.restyle(i, style);
                SeedTable table;
                std::string error;
                if (!derive_table(tables[choice.index], choice.variant, table, error)) {
                    std::cerr << "make_corpus: " << spec.name << ": " << error << "\n";
                    return false;
                }
                document.add_table(table, style, spec.share_page);
            }
            if (document.overflowing_cells() > 0) {
                std::cerr << "make_corpus: " << document.overflowing_cells() << " cells of " << spec.name
                          << " do not fit their text\n";
                ok = false;
            }
            if (!document.finish()) {
                std::cerr << "make_corpus: cairo failed writing " << pdf << "\n";
                ok = false;
            }
            truth = document.truth();
        }
        const fs::path truth_path = out / (spec.name + ".truth.json");
        std::ofstream(truth_path, std::ios::binary) << truth_json(truth);
        written.push_back(spec.name + ".pdf");
        written.push_back(spec.name + ".truth.json");
        if (spec.record_truth && !write_record_truth(spec, truth, labels, out, written)) ok = false;
    }
    return ok;
}

int check(const fs::path& seeds, const fs::path& out, const fs::path& labels) {
    char pattern[] = "/tmp/make_corpus_check_XXXXXX";
    const char* made = mkdtemp(pattern);
    if (!made) {
        std::cerr << "make_corpus: cannot create a temporary folder\n";
        return 2;
    }
    const fs::path temp(made);
    std::vector<std::string> written;
    int differences = 0;
    if (!generate(seeds, temp, labels, written)) differences = 1;
    const std::set<std::string> expected(written.begin(), written.end());
    for (const auto& name : written) {
        if (!fs::exists(out / name)) {
            std::cout << "missing: " << (out / name).string() << "\n";
            ++differences;
        } else if (read_bytes(out / name) != read_bytes(temp / name)) {
            std::cout << "differs: " << (out / name).string() << "\n";
            ++differences;
        }
    }
    if (fs::exists(out / "grid")) {
        for (const auto& entry : fs::directory_iterator(out / "grid")) {
            const std::string name = "grid/" + entry.path().filename().string();
            if (!expected.count(name)) {
                std::cout << "not generated: " << entry.path().string() << "\n";
                ++differences;
            }
        }
    }
    if (fs::exists(out / "records")) {
        for (const auto& entry : fs::directory_iterator(out / "records")) {
            const std::string file = entry.path().filename().string();
            const std::string suffix = ".truth.csv";
            const bool truth_csv = file.size() > suffix.size() &&
                                   file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0;
            if (truth_csv && !expected.count("records/" + file)) {
                std::cout << "not generated: " << entry.path().string() << "\n";
                ++differences;
            }
        }
    }
    fs::remove_all(temp);
    std::cout << (differences == 0 ? "corpus up to date" : "corpus differs from the generator") << " ("
              << written.size() << " files)\n";
    return differences == 0 ? 0 : 1;
}

void list(const fs::path& seeds) {
    for (const std::string prefix : {"000_", "001_", "002_", "003_", "004_"}) {
        const std::string seed = find_seed(seeds, prefix);
        if (seed.empty()) continue;
        const auto tables = read_seed_tables(seed);
        for (std::size_t i = 0; i < tables.size(); ++i) {
            const auto& t = tables[i];
            std::cout << prefix << " " << i << "\t" << t.rows.size() << "x" << (t.rows.empty() ? 0 : t.rows[0].size())
                      << "\t" << t.tag << "\t" << t.title << "\tnotes=" << t.notes.size() << "\n";
        }
    }
}

int run(int argc, char** argv) {
    fs::path seeds;
    fs::path out;
    bool check_mode = false;
    bool list_mode = false;
    fs::path labels;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--seeds" && i + 1 < argc) seeds = argv[++i];
        else if (arg == "--out" && i + 1 < argc) out = argv[++i];
        else if (arg == "--labels" && i + 1 < argc) labels = argv[++i];
        else if (arg == "--check") check_mode = true;
        else if (arg == "--list") list_mode = true;
        else {
            std::cerr << "usage: make_corpus --seeds <dir> (--out <dir> [--labels <tsv>] [--check] | --list)\n";
            return 2;
        }
    }
    if (seeds.empty() || (!list_mode && out.empty())) {
        std::cerr << "usage: make_corpus --seeds <dir> (--out <dir> [--labels <tsv>] [--check] | --list)\n";
        return 2;
    }
    if (list_mode) {
        list(seeds);
        return 0;
    }
    if (labels.empty()) labels = out / "records" / "labels.tsv";
    if (check_mode) return check(seeds, out, labels);
    std::vector<std::string> written;
    if (!generate(seeds, out, labels, written)) return 1;
    std::cout << "wrote " << written.size() << " files under " << out.string() << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const int status = run(argc, argv);
    release_font_caches();
    return status;
}
