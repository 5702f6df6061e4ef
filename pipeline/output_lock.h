#pragma once
// One batch at a time per output folder: an exclusive flock on DIR/dataset.lock, held for
// the whole run and released by the kernel however the process ends (kill -9 included).
// A second run into the same folder waits for it, or refuses at once.

#include <memory>
#include <string>

#include "model/result.h"

namespace budgetpdf {

class OutputLock {
public:
    OutputLock(OutputLock&& other) noexcept;
    OutputLock& operator=(OutputLock&&) = delete;
    OutputLock(const OutputLock&) = delete;
    ~OutputLock();

    enum class Mode { wait, refuse };
    // Creates `dir` when missing. Fails with ErrorKind::io when the folder cannot be written,
    // and with ErrorKind::bad_argument when another run holds it (mode refuse).
    static Result<OutputLock> acquire(const std::string& dir, Mode mode);

private:
    explicit OutputLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace budgetpdf
