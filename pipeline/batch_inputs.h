#pragma once
// The inputs of a batch: files named on the command line and the files found in folders,
// each either a regular file to convert or a path that cannot be read, with the reason.
// Nothing here opens a file that is not regular (a FIFO would block forever).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dataset/dataset.h"
#include "model/result.h"

namespace budgetpdf {

struct BatchInput {
    std::string given;    // the path as named or found (folder argument + relative path)
    InputFile file;       // absolute path, name, size and modification time
    std::string problem;  // non-empty: why it is not read (not a regular file, a symlink loop …)
};

struct InputWalkOptions {
    bool walk_folders = true;  // false: a folder argument is an input that cannot be read
    bool all_files = false;    // in folders, every file rather than only *.pdf
};

struct InputWalk {
    std::vector<BatchInput> inputs;  // in argument order; inside a folder, by name
    int ignored = 0;                 // files in folders not taken (not *.pdf)
};

InputWalk collect_inputs(const std::vector<std::string>& arguments, const InputWalkOptions& options);

// One path (e.g. a line of a streaming run's stdin) as an input.
BatchInput classify_input(const std::string& path);

// The doc_id of a regular file, read through a descriptor that is checked to be a regular
// file; the size and modification time of what was read are updated.
Result<std::string> content_doc_id(BatchInput& input);

// --shard K/N: which of N shards a path belongs to, the same on every machine.
struct Shard {
    int index = 0;  // 0 … count-1
    int count = 1;
};
std::optional<Shard> shard_from_arg(const std::string& text);  // "K/N"
bool in_shard(const std::string& given_path, const Shard& shard);

}  // namespace budgetpdf
