#pragma once
// Fuzz targets hand their bytes to APIs that read files: this writes them to a path
// private to the process (a temp folder named after the pid), replaced on every call.

#include <cstddef>
#include <cstdint>
#include <string>

namespace budgetpdf::fuzz {

// `<temp>/budgetpdf_fuzz_<pid>/<relative>`, its folders created, holding exactly `size`
// bytes of `data`. Aborts when the file cannot be written: a broken fuzz setup must not
// pass as "no crash".
std::string write_input_file(const std::string& relative, const std::uint8_t* data, std::size_t size);

// Removes this process's temp folder (the replay driver calls it when done).
void remove_input_files();

}  // namespace budgetpdf::fuzz
