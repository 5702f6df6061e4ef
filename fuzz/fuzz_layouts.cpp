// Fuzz target: arbitrary bytes as a layout YAML file. The bytes become the only file of
// a templates folder (with an empty maps/ beside it) and go through load_layouts; a set
// that loads is then queried by name. Any outcome is fine except a crash, a sanitizer
// report, an escaping exception or a hang.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "fuzz_input_file.h"
#include "layouts/layout_set.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace budgetpdf;
    const std::filesystem::path file = fuzz::write_input_file("layouts/templates/input.yaml", data, size);
    const std::filesystem::path templates = file.parent_path();
    std::error_code ec;
    std::filesystem::create_directories(templates.parent_path() / "maps", ec);
    auto layouts = load_layouts(templates.string());
    if (!layouts) {
        if (layouts.error().message.empty()) std::abort();
        return 0;
    }
    const LayoutSet& set = layouts.value();
    if (set.layouts.empty()) std::abort();  // load_layouts promises at least one layout
    for (const NameMapEntry& entry : set.func_lei)
        for (const std::string& name : entry.names) func_code_for_lei_name(set, name);
    for (const NameMapEntry& entry : set.econ)
        for (const std::string& name : entry.names) econ_code_for_name(set, name, entry.code.substr(0, 3));
    return 0;
}
