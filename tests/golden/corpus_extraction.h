#pragma once
// Runs the budgetpdf CLI on a corpus PDF and returns its records.csv, for the record
// golden tests.

#include <filesystem>
#include <string>
#include <vector>

#include "tests/golden/record_evaluation.h"

namespace budgetpdf::evaluation {

// corpus/records/*.truth.csv, sorted.
std::vector<std::filesystem::path> record_truth_files();

// corpus/grid/<name>.pdf for corpus/records/<name>.truth.csv.
std::filesystem::path corpus_pdf_for(const std::filesystem::path& truth_file);

// `budgetpdf extract <pdf> --out <temporary folder>`; the bytes of its records.csv.
// False with error set (command and its output) when the CLI fails or writes no records.csv.
bool extract_records_csv(const std::filesystem::path& pdf, std::string& records_csv, std::string& error);

struct CorpusScore {
    Evaluation evaluation;
    std::string report;  // "<pdf>: <summary line>" and the first problems, one a line
};

// Extracts `pdf` with the CLI and scores its records against `truth_file`. False with
// error set when the truth, the extraction or its records.csv cannot be read.
bool score_corpus_pdf(const std::filesystem::path& pdf, const std::filesystem::path& truth_file,
                      CorpusScore& score, std::string& error);

}  // namespace budgetpdf::evaluation
