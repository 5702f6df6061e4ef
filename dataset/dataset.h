#pragma once
// The historical dataset: an embedded SQLite database (dataset.sqlite in the batch's output
// folder) holding every converted document, its tables, records and diagnostics, and every
// input path seen with the content it had. The only code that touches SQLite; its boundary
// takes and gives plain values. Schema and versioning: dataset/README.md.
//
// One writer at a time (the batch process, under the folder's lock); each document is
// written in one transaction, so a kill at any moment leaves every document either whole
// or absent. Readers (exports, notebooks) may read while it is written (WAL).

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/record.h"
#include "model/result.h"
#include "normalize/output_files.h"

namespace budgetpdf {

// One input file as a batch saw it.
struct InputFile {
    std::string path;           // absolute, as reached (symlinks not resolved)
    std::string name;           // the file name
    std::int64_t bytes = 0;
    std::int64_t mtime_ns = 0;  // modification time, nanoseconds since the epoch
};

// What the dataset holds for a document it has converted before.
struct StoredDocument {
    std::string pipeline;        // converter version + layouts fingerprint
    std::string status;          // ok, partial or failed
    bool worker_failed = false;  // its conversion never finished (timed out, out of memory, crashed)
};

// How one conversion went (kept with the document, not exported).
struct ConversionRun {
    std::int64_t milliseconds = 0;
    std::int64_t peak_rss_kb = 0;
    bool worker_failed = false;  // the worker was killed or crashed: the next run converts it again
};

struct DatasetCounts {
    int documents = 0;
    int ok = 0;
    int partial = 0;
    int failed = 0;
    std::int64_t records = 0;
    std::int64_t diagnostics = 0;
    int inputs = 0;             // input paths known
    int unreadable_inputs = 0;  // of which have no readable content (a folder, a FIFO …)
};

// What a panel export wrote.
struct WideExport {
    std::int64_t rows = 0;
    std::int64_t conflicts = 0;                // cells printed twice with different amounts (the first is kept)
    std::int64_t records_without_measure = 0;  // records of columns no measure fits (not in the panel)
};

// A document as stored, for tests and tools: its row and how its conversion went.
struct StoredDocumentRow {
    DocumentSummary summary;
    ConversionRun run;
    std::vector<std::string> input_paths;  // every input path with this content
};

// panel.csv → panel_conflicts.csv
std::string conflicts_file_for(const std::string& panel_file);

class Dataset {
public:
    // Opens the database file, creating it with the current schema when missing;
    // ":memory:" for a dataset that lives only as long as this object.
    static Result<Dataset> open(const std::string& file);
    static constexpr int schema_version = 1;

    Dataset(Dataset&& other) noexcept;
    Dataset& operator=(Dataset&& other) noexcept;
    ~Dataset();

    // The doc_id an input had when last seen with the same size and modification time.
    std::optional<std::string> cached_doc_id(const InputFile& input) const;
    std::optional<StoredDocument> stored_document(const std::string& doc_id) const;

    // Replaces the document (its row, tables, records and diagnostics) and points the given
    // input paths at it, in one transaction. A document no input path points to any more
    // (its file changed) is removed. Records and diagnostics must belong to the summary's doc_id.
    std::optional<Error> store_document(const DocumentSummary& summary, const std::vector<Record>& records,
                                        const std::vector<DocumentDiagnostic>& diagnostics,
                                        const std::vector<InputFile>& inputs, const ConversionRun& run);
    // An input whose content cannot be read (a folder, a FIFO, a broken link …): exported as a
    // failed documents row with an empty doc_id.
    std::optional<Error> store_unreadable_input(const InputFile& input, const std::string& reason,
                                                const std::string& pipeline);
    // Inputs whose content is already converted: their paths are pointed at it (one transaction).
    std::optional<Error> note_converted_inputs(const std::vector<std::pair<InputFile, std::string>>& inputs,
                                               const std::string& pipeline);

    // Whether anything was written since the dataset was opened (storing what it already
    // holds, the same failure again or an input seen again unchanged, writes nothing).
    bool changed_since_open() const;

    Result<DatasetCounts> counts() const;
    std::optional<StoredDocumentRow> stored_row(const std::string& doc_id) const;

    // Exports (dataset_export.cpp). Each file is written to a temporary name in `dir` and
    // renamed over the old one only when complete.
    // records.csv/.jsonl, documents.csv/.jsonl, diagnostics.csv/.jsonl of SCHEMA.md.
    std::optional<Error> export_schema_files(const std::string& dir) const;
    // The panel: one row per region, department, year, stage, table kind, side and code (or row
    // label for rows without one), one column per measure, amounts in 元. A cell printed again
    // with another amount keeps the first; the others are listed in conflicts_file_for(file).
    Result<WideExport> export_wide(const std::string& file) const;
    // dir/<region>/<department>/<year>/records.csv, documents.csv and diagnostics.csv.
    std::optional<Error> export_by_department(const std::string& dir) const;

    // Departments printed under several names (see dataset_names.cpp).
    struct DepartmentNames {
        std::string region;
        std::string key;  // the name the variants share once the region and brackets are set aside
        std::vector<std::pair<std::string, std::string>> names_years;  // printed name, years it was printed
    };
    Result<std::vector<DepartmentNames>> department_name_variants() const;

    struct State;  // dataset_state.h

private:
    explicit Dataset(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace budgetpdf
