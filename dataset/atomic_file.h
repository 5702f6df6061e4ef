#pragma once
// A file that appears whole or not at all: written under a temporary name beside its final
// one, flushed to disk, then renamed over it. A reader (or a rerun after a crash) sees the
// old file or the new one, never a part. Write errors (a full disk, a file-size limit) are
// reported by commit() with their cause; a file never committed leaves no temporary behind.

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "dataset/fd_stream.h"
#include "model/result.h"

namespace budgetpdf {

class AtomicFile {
public:
    explicit AtomicFile(std::string path);
    AtomicFile(const AtomicFile&) = delete;
    ~AtomicFile();

    std::ostream& stream() { return *out_; }
    bool failed() const { return fd_ < 0 || out_->error() != 0; }  // a write has failed already
    std::optional<Error> commit() { return publish(); }

    // commit() in two steps, so that several files can all be made durable before any of
    // them replaces its old version: prepare() writes and flushes the temporary file,
    // publish() renames it over the final name.
    std::optional<Error> prepare();
    std::optional<Error> publish();

private:
    std::string path_;
    std::string temporary_;
    int fd_ = -1;
    int open_error_ = 0;
    std::unique_ptr<FdStream> out_;
    std::optional<Error> prepared_;  // the outcome of prepare(), once run
    bool ran_prepare_ = false;
    bool committed_ = false;
};

}  // namespace budgetpdf
