#include "pipeline/output_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

namespace budgetpdf {

OutputLock::OutputLock(OutputLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

OutputLock::~OutputLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
}

Result<OutputLock> OutputLock::acquire(const std::string& dir, Mode mode) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return Error{ErrorKind::io, "cannot create " + dir + ": " + ec.message()};
    std::string path = (std::filesystem::path(dir) / "dataset.lock").string();
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return Error{ErrorKind::io, "cannot write into " + dir + ": " + std::strerror(errno)};
    int operation = mode == Mode::wait ? LOCK_EX : LOCK_EX | LOCK_NB;
    while (::flock(fd, operation) != 0) {
        if (errno == EINTR) continue;
        int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK)
            return Error{ErrorKind::bad_argument, dir + " is being written by another budgetpdf run (use --wait to wait for it)"};
        return Error{ErrorKind::io, "cannot lock " + path + ": " + std::strerror(error)};
    }
    return OutputLock(fd);
}

}  // namespace budgetpdf
