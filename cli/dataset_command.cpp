// `budgetpdf dataset export|import|info DIR`: the dataset folder of `batch` exported again,
// as a panel (--wide) or per department and year (--by department); the JSONL of streaming
// runs (Hadoop, Spark, Slurm, the Dask driver) gathered into it; its counts.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/batch_setup.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "dataset/dataset.h"
#include "normalize/jsonl.h"
#include "pipeline/document_wire.h"
#include "pipeline/output_lock.h"

namespace budgetpdf {
namespace {

std::string dataset_file(const std::string& dir) { return (std::filesystem::path(dir) / "dataset.sqlite").string(); }

void report_name_variants(const Dataset& dataset) {
    Result<std::vector<Dataset::DepartmentNames>> variants = dataset.department_name_variants();
    if (!variants) return;
    for (const Dataset::DepartmentNames& variant : variants.value()) {
        std::cerr << "budgetpdf: one department, several printed names (" << (variant.region.empty() ? "?" : variant.region)
                  << "):";
        for (size_t i = 0; i < variant.names_years.size(); ++i)
            std::cerr << (i ? ";" : "") << " " << variant.names_years[i].first << " (" << variant.names_years[i].second << ")";
        std::cerr << '\n';
    }
}

int run_export(const DatasetArgs& args, const Dataset& dataset) {
    std::string to = args.to.empty() ? args.dir : args.to;
    std::optional<Error> error;
    if (args.wide) {
        std::error_code ec;
        std::filesystem::create_directories(to, ec);
        std::string file = (std::filesystem::path(to) / "panel.csv").string();
        Result<WideExport> wide = dataset.export_wide(file);
        if (!wide) {
            error = wide.error();
        } else {
            std::cerr << "budgetpdf: " << file << ": " << wide.value().rows << " rows";
            if (wide.value().conflicts)
                std::cerr << ", " << wide.value().conflicts << " amounts printed again for a cell with another amount (first kept; see "
                          << conflicts_file_for(file) << ")";
            if (wide.value().records_without_measure)
                std::cerr << ", " << wide.value().records_without_measure << " records of columns without a measure left out";
            std::cerr << '\n';
        }
    }
    if (!error && args.by == "department") {
        std::string folder = (std::filesystem::path(to) / "by_department").string();
        error = dataset.export_by_department(folder);
        if (!error) std::cerr << "budgetpdf: " << folder << ": one folder per region, department and year\n";
    }
    if (!error && !args.wide && args.by.empty()) {
        error = dataset.export_schema_files(to);
        if (!error && to == args.dir) unmark_incomplete(args.dir);  // the folder's export is whole again
    }
    if (error) {
        report_failure(to, error->message);
        return exit_status(ExitCode::output_failed);
    }
    report_name_variants(dataset);
    return exit_status(ExitCode::ok);
}

// Every JSON object line of a file; nullopt (reported) when it cannot be read or a line is not one.
std::optional<std::vector<std::vector<JsonField>>> read_jsonl_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        report_failure(path, "cannot open");
        return std::nullopt;
    }
    std::vector<std::vector<JsonField>> rows;
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (line.empty()) continue;
        auto fields = read_jsonl_object(line);
        if (!fields) {
            report_failure(path, "line " + std::to_string(number) + " is not a JSON object of strings");
            return std::nullopt;
        }
        rows.push_back(std::move(*fields));
    }
    return rows;
}

// Gathers a streaming run's output: a document is stored only when all the records its row
// counts are present (a mapper cut off mid-document leaves it out, to be converted again).
int run_import(const DatasetArgs& args, Dataset& dataset) {
    if (args.records.empty() || args.documents.empty()) {
        std::cerr << "budgetpdf: dataset import needs --records FILE and --documents FILE\n";
        return exit_status(ExitCode::usage);
    }
    auto records = read_jsonl_file(args.records);
    auto documents = read_jsonl_file(args.documents);
    std::optional<std::vector<std::vector<JsonField>>> diagnostics(std::in_place);
    if (!args.diagnostics.empty()) diagnostics = read_jsonl_file(args.diagnostics);
    if (!records || !documents || !diagnostics) return exit_status(ExitCode::input_failed);
    std::map<std::string, std::vector<Record>> records_of;
    for (const auto& fields : *records) {
        auto record = record_from_fields(fields);
        if (!record) {
            report_failure(args.records, "a line is not a record");
            return exit_status(ExitCode::input_failed);
        }
        records_of[record->doc_id].push_back(std::move(*record));
    }
    std::map<std::string, std::vector<DocumentDiagnostic>> diagnostics_of;
    for (const auto& fields : *diagnostics)
        if (auto diagnostic = diagnostic_from_fields(fields)) diagnostics_of[diagnostic->doc_id].push_back(std::move(*diagnostic));
    int stored = 0, incomplete = 0;
    for (const auto& fields : *documents) {
        auto summary = summary_from_fields(fields);
        if (!summary) {
            report_failure(args.documents, "a line is not a documents row");
            return exit_status(ExitCode::input_failed);
        }
        std::string path = field_value(fields, "path").value_or(summary->source);
        InputFile input{path, summary->source, 0, 0};
        std::optional<Error> error;
        if (summary->doc_id.empty()) {
            error = dataset.store_unreadable_input(input, summary->error, summary->pipeline);
        } else {
            std::vector<Record>& rows = records_of[summary->doc_id];
            if (static_cast<int>(rows.size()) != summary->records) {
                report_failure(path, "incomplete: " + std::to_string(rows.size()) + " of " +
                                         std::to_string(summary->records) + " records present; not imported");
                ++incomplete;
                continue;
            }
            error = dataset.store_document(*summary, rows, diagnostics_of[summary->doc_id], {input}, {});
        }
        if (error) {
            report_failure(args.dir, error->message);
            return exit_status(ExitCode::output_failed);
        }
        ++stored;
    }
    std::cerr << "budgetpdf: " << stored << " documents imported into " << dataset_file(args.dir);
    if (incomplete) std::cerr << ", " << incomplete << " incomplete left out";
    std::cerr << '\n';
    return exit_status(incomplete ? ExitCode::some_failed : ExitCode::ok);
}

int run_info(const DatasetArgs& args, const Dataset& dataset) {
    Result<DatasetCounts> counts = dataset.counts();
    if (!counts) {
        report_failure(args.dir, counts.error().message);
        return exit_status(ExitCode::input_failed);
    }
    const DatasetCounts& c = counts.value();
    std::cout << dataset_file(args.dir) << ": schema version " << Dataset::schema_version << ", " << c.documents
              << " documents (" << c.ok << " ok, " << c.partial << " partial, " << c.failed << " failed), " << c.records
              << " records, " << c.diagnostics << " diagnostics, " << c.inputs << " input paths (" << c.unreadable_inputs
              << " not readable)\n";
    std::cout.flush();
    return std::cout ? exit_status(ExitCode::ok) : exit_status(ExitCode::output_failed);
}

}  // namespace

int run_dataset(const DatasetArgs& args) {
    std::error_code ec;
    if (args.action != "import" && !std::filesystem::exists(dataset_file(args.dir), ec)) {
        report_failure(args.dir, "no dataset here (dataset.sqlite is made by `budgetpdf batch`)");
        return exit_status(ExitCode::input_failed);
    }
    std::optional<OutputLock> lock;  // writing into the folder: after any batch running there
    if (args.action == "import" || (args.action == "export" && args.to.empty())) {
        Result<OutputLock> acquired = OutputLock::acquire(args.dir, OutputLock::Mode::wait);
        if (!acquired) {
            report_failure(args.dir, acquired.error().message);
            return exit_status(ExitCode::output_failed);
        }
        lock.emplace(std::move(acquired).value());
    }
    Result<Dataset> dataset = Dataset::open(dataset_file(args.dir));
    if (!dataset) {
        report_failure(args.dir, dataset.error().message);
        return exit_status(ExitCode::input_failed);
    }
    if (args.action == "export") return run_export(args, dataset.value());
    if (args.action == "import") return run_import(args, dataset.value());
    return run_info(args, dataset.value());
}

}  // namespace budgetpdf
