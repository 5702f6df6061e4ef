#pragma once
// One function per CLI subcommand; each returns the process exit code.

#include <string>
#include <vector>

#include "extract/ocr_reader.h"
#include "extract/pdf_reader.h"
#include "model/document.h"
#include "model/result.h"

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

// What `extract` and `batch` share: where the layouts are, how documents are converted.
struct ConversionArgs {
    std::string layouts_dir;  // empty: the layouts installed with the executable
    int jobs = 0;             // worker processes; 0: one per core
    int timeout_s = 600;      // per document, wall clock
    int memory_mb = 4096;     // per worker, resident
    OcrOptions ocr;           // --ocr auto|always|never, --dpi
};

struct ExtractArgs {
    std::vector<std::string> files;
    std::string out;  // a directory, or "-" for records CSV on stdout
    ConversionArgs conversion;
};

struct BatchArgs {
    std::vector<std::string> inputs;  // files and folders
    std::string out;                  // the dataset folder
    ConversionArgs conversion;
    std::string shard;                // "K/N" or empty
    bool all_files = false;           // in folders, every file rather than *.pdf only
    bool wait = false;                // wait for another run on the same folder instead of refusing
    bool no_export = false;
    bool list_pending = false;
    bool stream = false;              // paths on stdin, records JSONL on stdout
    std::string documents_to = "stderr";  // streaming: documents JSONL rows
    std::string diagnostics_to;           // streaming: diagnostics JSONL rows (none when empty)
};

struct DatasetArgs {
    std::string action;  // export, import or info
    std::string dir;
    std::string to;      // export: where (default: dir)
    bool wide = false;
    std::string by;      // "department" or empty
    std::string records, documents, diagnostics;  // import: JSONL files of a streaming run
};

int run_tables(const TablesArgs& args);
int run_inspect(const InspectArgs& args);
int run_extract(const ExtractArgs& args);
int run_batch(const BatchArgs& args);
int run_dataset(const DatasetArgs& args);

// OcrMode from the --ocr argument (auto, always, never; validated by the parser).
OcrMode ocr_mode_from_arg(const std::string& arg);

// "budgetpdf: FILE: reason" on stderr.
void report_failure(const std::string& file, const std::string& reason);

// Extracts a document as `extract` does, with the row names of the layouts installed with this
// executable mending OCR labels (labels stay as read when none are installed).
Result<ExtractedDocument> extract_with_installed_names(const std::string& file, const PageRange& pages, OcrSession& ocr);

}  // namespace budgetpdf
