// The streaming mode (paths on stdin, records JSONL on stdout, documents rows on a second
// stream), as a Hadoop Streaming or Spark pipe mapper or a Slurm array task runs it: its
// records are those of a batch of the same inputs, every path gets a documents row, the
// shards of --shard K/N split the inputs exactly, and `dataset import` gathers the streams
// into the same dataset a batch makes.

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "normalize/jsonl.h"
#include "tests/pipeline/batch_test_support.h"

using namespace budgetpdf::test;

namespace {

// Paths of a folder: corpus PDFs (by name) and broken inputs, one per line.
fs::path path_list(const fs::path& root, fs::path& in) {
    in = root / "in";
    fs::create_directories(in);
    std::vector<fs::path> corpus = corpus_pdfs();
    for (size_t i = 0; i < 6 && i < corpus.size(); ++i) fs::create_symlink(corpus[i], in / corpus[i].filename());
    add_broken_inputs(in);
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(in))
        if (entry.path().extension() == ".pdf") names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    std::string text;
    for (const std::string& name : names) text += (in / name).string() + "\n";
    write_file(root / "paths.txt", text);
    return root / "paths.txt";
}

std::set<std::string> sources_of(const fs::path& documents_jsonl) {
    std::set<std::string> sources;
    for (const std::string& line : file_lines(documents_jsonl)) {
        auto fields = budgetpdf::read_jsonl_object(line);
        REQUIRE(fields);
        for (const auto& [key, value] : *fields)
            if (key == "path") sources.insert(value);
    }
    return sources;
}

}  // namespace

TEST_CASE("batch --stream: records JSONL and documents rows, the same records as a batch; import gathers them") {
    fs::path root = scratch_dir("batch_stream");
    fs::path in;
    fs::path paths = path_list(root, in);
    const size_t inputs = file_lines(paths).size();
    CliRun stream = run_cli("batch --stream --jobs 2 --documents " + shell_quoted((root / "documents.jsonl").string()) +
                            " --diagnostics " + shell_quoted((root / "diagnostics.jsonl").string()) + " < " +
                            shell_quoted(paths.string()) + " > " + shell_quoted((root / "records.jsonl").string()));
    INFO(stream.output);
    CHECK(stream.status == 3);
    CHECK(file_lines(root / "documents.jsonl").size() == inputs);
    CHECK(sources_of(root / "documents.jsonl").size() == inputs);

    fs::path batch_out = root / "batch";
    CliRun batch = run_cli("batch " + shell_quoted(in.string()) + " --out " + shell_quoted(batch_out.string()));
    CHECK(batch.status == 3);
    // Both in file-name order: the stream's records are the batch's records.jsonl.
    CHECK(read_file(root / "records.jsonl") == read_file(batch_out / "records.jsonl"));

    fs::path gathered = root / "gathered";
    CliRun import = run_cli("dataset import " + shell_quoted(gathered.string()) + " --records " +
                            shell_quoted((root / "records.jsonl").string()) + " --documents " +
                            shell_quoted((root / "documents.jsonl").string()) + " --diagnostics " +
                            shell_quoted((root / "diagnostics.jsonl").string()));
    INFO(import.output);
    REQUIRE(import.status == 0);
    REQUIRE(run_cli("dataset export " + shell_quoted(gathered.string())).status == 0);
    for (const char* name : {"records.csv", "documents.csv", "diagnostics.csv"}) {
        CAPTURE(name);
        CHECK(read_file(gathered / name) == read_file(batch_out / name));
    }
}

TEST_CASE("batch --stream: a cut-off mapper output is not imported as complete") {
    fs::path root = scratch_dir("batch_stream_cut");
    fs::path in;
    fs::path paths = path_list(root, in);
    REQUIRE(run_cli("batch --stream --documents " + shell_quoted((root / "documents.jsonl").string()) + " < " +
                    shell_quoted(paths.string()) + " > " + shell_quoted((root / "records.jsonl").string()))
                .status == 3);
    std::vector<std::string> records = file_lines(root / "records.jsonl");
    REQUIRE(records.size() > 10);
    std::string cut;
    for (size_t i = 0; i + 5 < records.size(); ++i) cut += records[i] + "\n";  // the last five records lost
    write_file(root / "records_cut.jsonl", cut);
    CliRun import = run_cli("dataset import " + shell_quoted((root / "gathered").string()) + " --records " +
                            shell_quoted((root / "records_cut.jsonl").string()) + " --documents " +
                            shell_quoted((root / "documents.jsonl").string()));
    CHECK(import.status == 3);
    CHECK(import.output.find("incomplete") != std::string::npos);
}

TEST_CASE("batch --shard K/N: the shards split the inputs, each input in exactly one") {
    fs::path root = scratch_dir("batch_shards");
    fs::path in;
    fs::path paths = path_list(root, in);
    std::multiset<std::string> seen;
    for (int k = 0; k < 3; ++k) {
        fs::path documents = root / ("documents_" + std::to_string(k) + ".jsonl");
        CliRun run = run_cli("batch --stream --shard " + std::to_string(k) + "/3 --documents " +
                             shell_quoted(documents.string()) + " < " + shell_quoted(paths.string()) + " > /dev/null");
        CHECK(run.status <= 3);
        for (const std::string& source : sources_of(documents)) seen.insert(source);
    }
    std::set<std::string> distinct(seen.begin(), seen.end());
    CHECK(seen.size() == file_lines(paths).size());
    CHECK(distinct.size() == seen.size());
    CHECK(run_cli("batch --stream --shard 3/3 < /dev/null").status == 1);
    CHECK(run_cli("batch --stream --shard x < /dev/null").status == 1);
}
