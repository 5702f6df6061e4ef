#include "pipeline/batch_inputs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>

#include "pipeline/doc_id.h"

namespace budgetpdf {
namespace {

constexpr size_t read_chunk_bytes = 1 << 20;

std::int64_t mtime_ns_of(const struct stat& st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

std::string kind_of_non_regular(mode_t mode, bool through_link = false) {
    std::string what = S_ISDIR(mode)    ? "a directory"
                       : S_ISFIFO(mode) ? "a FIFO (named pipe)"
                       : S_ISSOCK(mode) ? "a socket"
                       : S_ISCHR(mode)  ? "a character device"
                       : S_ISBLK(mode)  ? "a block device"
                                        : "something else";
    return "not a regular file: " + (through_link ? "a symbolic link to " + what : what);
}

std::string stat_problem(const std::string& path, int error) {
    struct stat link {};
    if (error == ELOOP) return "a symbolic link loop";
    if (error == ENOENT && ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) return "a broken symbolic link";
    if (error == ENOENT) return "file not found";
    if (error == EACCES) return "permission denied";
    return std::strerror(error);
}

BatchInput make_input(const std::string& given) {
    BatchInput input;
    input.given = given;
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(given, ec);
    input.file.path = ec ? given : absolute.lexically_normal().string();
    input.file.name = std::filesystem::path(given).filename().string();
    if (input.file.name.empty()) input.file.name = std::filesystem::path(given).parent_path().filename().string();
    return input;
}

bool named_pdf(const std::string& name) {
    if (name.size() < 4) return false;
    std::string tail = name.substr(name.size() - 4);
    std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return std::tolower(c); });
    return tail == ".pdf";
}

std::string joined(const std::string& folder, const std::string& name) {
    return folder.empty() || folder.back() == '/' ? folder + name : folder + "/" + name;
}

void walk_folder(const std::string& folder, const InputWalkOptions& options, InputWalk& walk) {
    DIR* dir = ::opendir(folder.c_str());
    if (!dir) {
        BatchInput input = make_input(folder);
        input.problem = "cannot read the folder: " + std::string(std::strerror(errno));
        walk.inputs.push_back(std::move(input));
        return;
    }
    std::vector<std::string> names;
    while (dirent* entry = ::readdir(dir)) {
        std::string name = entry->d_name;
        if (name != "." && name != "..") names.push_back(std::move(name));
    }
    ::closedir(dir);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
        std::string path = joined(folder, name);
        struct stat link {};
        if (::lstat(path.c_str(), &link) == 0 && S_ISDIR(link.st_mode)) {
            walk_folder(path, options, walk);
            continue;
        }
        if (!options.all_files && !named_pdf(name)) {
            ++walk.ignored;
            continue;
        }
        walk.inputs.push_back(classify_input(path));  // a link to a folder is reported, not followed
    }
}

}  // namespace

BatchInput classify_input(const std::string& path) {
    BatchInput input = make_input(path);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        input.problem = stat_problem(path, errno);
    } else if (!S_ISREG(st.st_mode)) {
        struct stat link {};
        input.problem = kind_of_non_regular(st.st_mode, ::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode));
    } else {
        input.file.bytes = st.st_size;
        input.file.mtime_ns = mtime_ns_of(st);
    }
    return input;
}

InputWalk collect_inputs(const std::vector<std::string>& arguments, const InputWalkOptions& options) {
    InputWalk walk;
    for (const std::string& argument : arguments) {
        struct stat st {};
        if (options.walk_folders && ::stat(argument.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
            walk_folder(argument, options, walk);
        else
            walk.inputs.push_back(classify_input(argument));
    }
    return walk;
}

Result<std::string> content_doc_id(BatchInput& input) {
    int fd = ::open(input.given.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return Error{ErrorKind::io, stat_problem(input.given, errno)};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return Error{ErrorKind::io, kind_of_non_regular(st.st_mode)};
    }
    std::string bytes;
    bytes.reserve(static_cast<size_t>(st.st_size));
    std::vector<char> chunk(read_chunk_bytes);
    for (;;) {
        ssize_t n = ::read(fd, chunk.data(), chunk.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            Error error{ErrorKind::io, std::string("cannot read the file: ") + std::strerror(errno)};
            ::close(fd);
            return error;
        }
        if (n == 0) break;
        bytes.append(chunk.data(), static_cast<size_t>(n));
    }
    ::close(fd);
    input.file.bytes = static_cast<std::int64_t>(bytes.size());
    input.file.mtime_ns = mtime_ns_of(st);
    return doc_id_from_bytes(bytes);
}

std::optional<Shard> shard_from_arg(const std::string& text) {
    size_t slash = text.find('/');
    if (slash == std::string::npos) return std::nullopt;
    Shard shard;
    auto parse = [](std::string_view digits, int& value) {
        auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        return error == std::errc() && end == digits.data() + digits.size();
    };
    std::string_view all(text);
    if (!parse(all.substr(0, slash), shard.index) || !parse(all.substr(slash + 1), shard.count)) return std::nullopt;
    if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count) return std::nullopt;
    return shard;
}

bool in_shard(const std::string& given_path, const Shard& shard) {
    std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits
    for (unsigned char c : given_path) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return static_cast<int>(hash % static_cast<std::uint64_t>(shard.count)) == shard.index;
}

}  // namespace budgetpdf
