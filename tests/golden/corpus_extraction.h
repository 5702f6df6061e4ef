#pragma once
// Runs the budgetpdf CLI on a corpus PDF and returns its records.csv, for the record
// golden tests.

#include <filesystem>
#include <string>
#include <vector>

namespace budgetpdf::evaluation {

// corpus/records/*.truth.csv, sorted.
std::vector<std::filesystem::path> record_truth_files();

// corpus/grid/<name>.pdf for corpus/records/<name>.truth.csv.
std::filesystem::path corpus_pdf_for(const std::filesystem::path& truth_file);

// `budgetpdf extract <pdf> --out <temporary folder>`; the bytes of its records.csv.
// False with error set (command and its output) when the CLI fails or writes no records.csv.
bool extract_records_csv(const std::filesystem::path& pdf, std::string& records_csv, std::string& error);

}  // namespace budgetpdf::evaluation
