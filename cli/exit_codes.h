#pragma once
// The CLI's exit codes (documented in README.md).

namespace budgetpdf {

enum class ExitCode : int {
    ok = 0,              // everything read
    usage = 1,           // bad command line, unusable layout templates
    input_failed = 2,    // the input could not be read (every input, for a batch)
    some_failed = 3,     // a batch finished but some documents failed
    output_failed = 4,   // the output could not be written (a full disk, a closed pipe, a read-only folder)
    output_busy = 5,     // another run is writing into the same output folder
    interrupted = 130,   // stopped by SIGINT or SIGTERM; what was finished is kept
};

inline int exit_status(ExitCode code) { return static_cast<int>(code); }

}  // namespace budgetpdf
