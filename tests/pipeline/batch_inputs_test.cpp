// Finding a batch's inputs: folders walked for *.pdf, anything that is not a regular file
// named with its reason and never opened (a FIFO would block), shards that split a list.

#include <doctest/doctest.h>

#include <chrono>
#include <map>

#include "pipeline/batch_inputs.h"
#include "tests/pipeline/batch_test_support.h"

using namespace budgetpdf;
using namespace budgetpdf::test;

TEST_CASE("inputs: a folder's entries, each a file to read or a reason") {
    fs::path dir = scratch_dir("batch_inputs");
    add_broken_inputs(dir);
    fs::create_directories(dir / "sub");
    fs::copy_file(corpus_pdfs().front(), dir / "sub" / "Nested.PDF");
    InputWalk walk = collect_inputs({dir.string()}, InputWalkOptions{});
    std::map<std::string, std::string> problem_of;
    for (const BatchInput& input : walk.inputs) problem_of[input.file.name] = input.problem;
    CHECK(walk.ignored == 1);  // notes.txt
    CHECK(problem_of.at("Nested.PDF").empty());
    CHECK(problem_of.at("empty.pdf").empty());
    CHECK(problem_of.at("fifo.pdf") == "not a regular file: a FIFO (named pipe)");
    CHECK(problem_of.at("loop.pdf") == "a symbolic link loop");
    CHECK(problem_of.at("dangling.pdf") == "a broken symbolic link");
    CHECK(problem_of.at("folder_link.pdf") == "not a regular file: a symbolic link to a directory");
    CHECK(problem_of.count("broken_dir") == 0);  // a folder is walked, not an input

    InputWalk explicit_args = collect_inputs({(dir / "broken_dir").string()}, InputWalkOptions{false, false});
    REQUIRE(explicit_args.inputs.size() == 1);
    CHECK(explicit_args.inputs[0].problem == "not a regular file: a directory");
    CHECK(collect_inputs({dir.string()}, InputWalkOptions{true, true}).ignored == 0);
}

TEST_CASE("inputs: hashing a FIFO fails at once instead of blocking") {
    fs::path dir = scratch_dir("batch_inputs_fifo");
    add_broken_inputs(dir);
    BatchInput fifo = classify_input((dir / "fifo.pdf").string());
    auto start = std::chrono::steady_clock::now();
    Result<std::string> id = content_doc_id(fifo);
    CHECK_FALSE(id.ok());
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
    BatchInput file = classify_input(corpus_pdfs().front().string());
    Result<std::string> real_id = content_doc_id(file);
    REQUIRE(real_id.ok());
    CHECK(real_id.value().size() == 16);
    CHECK(file.file.bytes == static_cast<std::int64_t>(fs::file_size(corpus_pdfs().front())));
}

TEST_CASE("shards: K/N parsed, every path in exactly one shard, roughly even") {
    CHECK(shard_from_arg("0/4").has_value());
    CHECK(shard_from_arg("3/4")->index == 3);
    CHECK_FALSE(shard_from_arg("4/4"));
    CHECK_FALSE(shard_from_arg("1/0"));
    CHECK_FALSE(shard_from_arg("-1/2"));
    CHECK_FALSE(shard_from_arg("1"));
    std::map<int, int> sizes;
    for (int i = 0; i < 4000; ++i) {
        std::string path = "data/city" + std::to_string(i % 13) + "/doc" + std::to_string(i) + ".pdf";
        int shards = 0;
        for (int k = 0; k < 4; ++k)
            if (in_shard(path, Shard{k, 4})) ++shards, ++sizes[k];
        CHECK(shards == 1);
    }
    for (const auto& [k, size] : sizes) CHECK(size > 800);
}
