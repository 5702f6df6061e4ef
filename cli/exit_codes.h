#pragma once
// The CLI's exit codes (documented in README.md).

namespace budgetpdf {

enum class ExitCode : int {
    ok = 0,              // everything read
    usage = 1,           // bad command line
    input_failed = 2,    // the input could not be read (every input, for `extract`)
    some_failed = 3,     // `extract`: the batch finished but some documents failed
};

inline int exit_status(ExitCode code) { return static_cast<int>(code); }

}  // namespace budgetpdf
