#include "dataset/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <utility>

namespace budgetpdf {
namespace {

Error write_error(const std::string& what, int error) {
    return Error{ErrorKind::io, what + ": " + std::strerror(error ? error : EIO)};
}

}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
    std::filesystem::path final_path(path_);
    temporary_ = (final_path.parent_path() / ("." + final_path.filename().string() + ".tmp" +
                                               std::to_string(::getpid())))
                     .string();
    fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) open_error_ = errno;
    out_ = std::make_unique<FdStream>(fd_);
}

AtomicFile::~AtomicFile() {
    if (committed_) return;
    if (fd_ >= 0) ::close(fd_);
    if (fd_ >= 0 || (ran_prepare_ && !prepared_)) std::remove(temporary_.c_str());
}

std::optional<Error> AtomicFile::prepare() {
    if (ran_prepare_) return prepared_;
    ran_prepare_ = true;
    if (fd_ < 0) return prepared_ = write_error("cannot create " + temporary_, open_error_);
    std::string problem = out_->finish();
    if (!problem.empty()) prepared_ = Error{ErrorKind::io, "cannot write " + path_ + ": " + problem};
    else if (::fsync(fd_) != 0) prepared_ = write_error("cannot flush " + path_ + " to disk", errno);
    int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0 && !prepared_) prepared_ = write_error("cannot write " + path_, errno);
    if (prepared_) std::remove(temporary_.c_str());
    return prepared_;
}

std::optional<Error> AtomicFile::publish() {
    if (auto error = prepare()) return error;
    if (committed_) return std::nullopt;
    if (std::rename(temporary_.c_str(), path_.c_str()) != 0) {
        Error error = write_error("cannot rename into " + path_, errno);
        std::remove(temporary_.c_str());
        return error;
    }
    committed_ = true;
    std::string dir = std::filesystem::path(path_).parent_path().string();
    int dir_fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd >= 0) {  // makes the rename itself durable; best effort
        ::fsync(dir_fd);
        ::close(dir_fd);
    }
    return std::nullopt;
}

}  // namespace budgetpdf
