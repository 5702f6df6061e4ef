#pragma once
// One function per CLI subcommand; each returns the process exit code.

#include <string>
#include <vector>

#include "extract/ocr_reader.h"
#include "extract/pdf_reader.h"

namespace budgetpdf {

struct TablesArgs {
    std::string file;
    PageRange pages;
    std::string format = "text";  // text or json
    OcrOptions ocr;
};

struct InspectArgs {
    std::string file;
    int page = 1;
    std::string png;
    double dpi = 110;
    OcrOptions ocr;
};

struct ExtractArgs {
    std::vector<std::string> files;
    std::string out;              // a directory, or "-" for records CSV on stdout
    std::string layouts_dir;      // empty: the bundled templates
    OcrOptions ocr;               // --ocr auto|always|never, --dpi
};

int run_tables(const TablesArgs& args);
int run_inspect(const InspectArgs& args);
int run_extract(const ExtractArgs& args);

// OcrMode from the --ocr argument (auto, always, never; validated by the parser).
OcrMode ocr_mode_from_arg(const std::string& arg);

// "budgetpdf: FILE: reason" on stderr.
void report_failure(const std::string& file, const std::string& reason);

}  // namespace budgetpdf
