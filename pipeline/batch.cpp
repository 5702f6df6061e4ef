#include "pipeline/batch.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "normalize/output_files.h"
#include "pipeline/process_document.h"

namespace budgetpdf {
namespace {

// SCHEMA.md sorts records by source (the file name) first; the full path breaks ties.
void sort_by_source(std::vector<std::string>& files) {
    std::stable_sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
        auto name_a = std::filesystem::path(a).filename().string();
        auto name_b = std::filesystem::path(b).filename().string();
        return name_a != name_b ? name_a < name_b : a < b;
    });
}

void count(BatchTotals& totals, const DocumentSummary& summary) {
    ++totals.documents;
    totals.failed += summary.status == "failed";
    totals.partial += summary.status == "partial";
    totals.records += summary.records;
    totals.checks_total += summary.checks_total;
    totals.checks_failed += summary.checks_failed;
}

struct OutputFiles {
    std::ofstream records_csv, records_jsonl, documents_csv, documents_jsonl, diagnostics_csv,
        diagnostics_jsonl;

    bool open(const std::filesystem::path& dir) {
        auto open_one = [&](std::ofstream& stream, const char* name) {
            stream.open(dir / name, std::ios::binary | std::ios::trunc);
            return stream.good();
        };
        return open_one(records_csv, "records.csv") && open_one(records_jsonl, "records.jsonl") &&
               open_one(documents_csv, "documents.csv") &&
               open_one(documents_jsonl, "documents.jsonl") &&
               open_one(diagnostics_csv, "diagnostics.csv") &&
               open_one(diagnostics_jsonl, "diagnostics.jsonl");
    }

    bool good() const {
        return records_csv.good() && records_jsonl.good() && documents_csv.good() &&
               documents_jsonl.good() && diagnostics_csv.good() && diagnostics_jsonl.good();
    }
};

}  // namespace

Result<BatchTotals> run_batch_to_directory(std::vector<std::string> files, const LayoutSet& layouts,
                                           const std::string& out_dir, const DocumentDone& done,
                                           const OcrOptions& ocr_options) {
    std::error_code error;
    std::filesystem::create_directories(out_dir, error);
    OutputFiles out;
    if (error || !out.open(out_dir))
        return Error{ErrorKind::io, "cannot write output directory " + out_dir};
    write_records_csv(out.records_csv, {});
    write_documents_csv(out.documents_csv, {});
    write_diagnostics_csv(out.diagnostics_csv, {});

    sort_by_source(files);
    BatchTotals totals;
    OcrSession ocr(ocr_options);
    for (const std::string& file : files) {
        DocumentOutput document = process_document(file, layouts, ocr);
        write_records_csv(out.records_csv, document.records, CsvHeader::omit);
        write_records_jsonl(out.records_jsonl, document.records);
        write_documents_csv(out.documents_csv, {document.summary}, CsvHeader::omit);
        write_documents_jsonl(out.documents_jsonl, {document.summary});
        write_diagnostics_csv(out.diagnostics_csv, document.diagnostics, CsvHeader::omit);
        write_diagnostics_jsonl(out.diagnostics_jsonl, document.diagnostics);
        count(totals, document.summary);
        if (done) done(file, document.summary);
    }
    if (!out.good()) return Error{ErrorKind::io, "error writing into " + out_dir};
    return totals;
}

BatchTotals run_batch_to_stream(std::vector<std::string> files, const LayoutSet& layouts,
                                std::ostream& out, const DocumentDone& done, const OcrOptions& ocr_options) {
    write_records_csv(out, {});
    sort_by_source(files);
    BatchTotals totals;
    OcrSession ocr(ocr_options);
    for (const std::string& file : files) {
        DocumentOutput document = process_document(file, layouts, ocr);
        write_records_csv(out, document.records, CsvHeader::omit);
        count(totals, document.summary);
        if (done) done(file, document.summary);
    }
    return totals;
}

}  // namespace budgetpdf
