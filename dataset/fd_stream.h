#pragma once
// An std::ostream over a file descriptor that keeps the first write error (errno) so a
// full disk, a file-size limit or a closed pipe is reported with its cause. Used for the
// exported files and for streams on stdout.

#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace budgetpdf {

class FdStreamBuf : public std::streambuf {
public:
    explicit FdStreamBuf(int fd);
    int error() const { return error_; }  // 0, or the errno of the first failed write

protected:
    int_type overflow(int_type c) override;
    int sync() override;
    std::streamsize xsputn(const char* data, std::streamsize count) override;

private:
    bool write_all(const char* data, size_t size);
    bool flush_buffer();
    int fd_;
    int error_ = 0;
    std::vector<char> buffer_;
};

class FdStream : public std::ostream {
public:
    explicit FdStream(int fd) : std::ostream(nullptr), buf_(fd) { rdbuf(&buf_); }
    // Flushes; "" when everything was written, else the reason (strerror of the first error).
    std::string finish();
    int error() const { return buf_.error(); }

private:
    FdStreamBuf buf_;
};

}  // namespace budgetpdf
