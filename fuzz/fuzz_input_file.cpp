#include "fuzz_input_file.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace budgetpdf::fuzz {

namespace {

std::filesystem::path process_folder() {
    return std::filesystem::temp_directory_path() / ("budgetpdf_fuzz_" + std::to_string(getpid()));
}

}  // namespace

std::string write_input_file(const std::string& relative, const std::uint8_t* data, std::size_t size) {
    namespace fs = std::filesystem;
    const fs::path path = process_folder() / relative;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", path.c_str());
        std::abort();
    }
    return path.string();
}

void remove_input_files() {
    std::error_code ec;
    std::filesystem::remove_all(process_folder(), ec);
}

}  // namespace budgetpdf::fuzz
