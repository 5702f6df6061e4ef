#pragma once
// Documents made up for the dataset tests: a summary, a few records of one 功能分类 table
// and of a summary table, a diagnostic, and the input file they came from.

#include <filesystem>
#include <string>
#include <vector>

#include "dataset/dataset.h"

namespace budgetpdf::test {

namespace fs = std::filesystem;

struct SampleDocument {
    DocumentSummary summary;
    std::vector<Record> records;
    std::vector<DocumentDiagnostic> diagnostics;
    InputFile input;
};

SampleDocument sample_document(const std::string& region, const std::string& department, const std::string& year,
                               const std::string& source, const std::string& doc_id);

fs::path dataset_scratch(const std::string& name);
std::string read_bytes(const fs::path& path);

}  // namespace budgetpdf::test
