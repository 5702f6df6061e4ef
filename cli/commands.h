#pragma once
// One function per CLI subcommand; each returns the process exit code.

#include <string>
#include <vector>

#include "extract/pdf_reader.h"

namespace budgetpdf {

struct TablesArgs {
    std::string file;
    PageRange pages;
    std::string format = "text";  // text or json
};

struct InspectArgs {
    std::string file;
    int page = 1;
    std::string png;
    double dpi = 110;
};

struct ExtractArgs {
    std::vector<std::string> files;
    std::string out;              // a directory, or "-" for records CSV on stdout
    std::string layouts_dir;      // empty: the bundled templates
};

int run_tables(const TablesArgs& args);
int run_inspect(const InspectArgs& args);
int run_extract(const ExtractArgs& args);

// "budgetpdf: FILE: reason" on stderr.
void report_failure(const std::string& file, const std::string& reason);

}  // namespace budgetpdf
