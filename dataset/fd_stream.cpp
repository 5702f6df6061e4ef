#include "dataset/fd_stream.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace budgetpdf {
namespace {

constexpr size_t buffer_bytes = 1 << 16;

}  // namespace

FdStreamBuf::FdStreamBuf(int fd) : fd_(fd), buffer_(buffer_bytes) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

bool FdStreamBuf::write_all(const char* data, size_t size) {
    if (error_) return false;
    while (size > 0) {
        ssize_t written = ::write(fd_, data, size);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            error_ = written < 0 ? errno : EIO;
            return false;
        }
        data += written;
        size -= static_cast<size_t>(written);
    }
    return true;
}

bool FdStreamBuf::flush_buffer() {
    bool ok = write_all(pbase(), static_cast<size_t>(pptr() - pbase()));
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return ok;
}

FdStreamBuf::int_type FdStreamBuf::overflow(int_type c) {
    if (!flush_buffer()) return traits_type::eof();
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    *pptr() = traits_type::to_char_type(c);
    pbump(1);
    return c;
}

int FdStreamBuf::sync() { return flush_buffer() ? 0 : -1; }

std::streamsize FdStreamBuf::xsputn(const char* data, std::streamsize count) {
    if (count <= epptr() - pptr()) {
        std::memcpy(pptr(), data, static_cast<size_t>(count));
        pbump(static_cast<int>(count));
        return count;
    }
    if (!flush_buffer()) return 0;
    if (count < static_cast<std::streamsize>(buffer_.size())) return xsputn(data, count);
    return write_all(data, static_cast<size_t>(count)) ? count : 0;
}

std::string FdStream::finish() {
    flush();
    if (int e = buf_.error()) return std::strerror(e);
    if (!good()) return "write failed";
    return "";
}

}  // namespace budgetpdf
