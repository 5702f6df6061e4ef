#include "pipeline/process_document.h"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <map>
#include <optional>

#include "layouts/table_reader.h"
#include "normalize/checks.h"
#include "normalize/metadata.h"
#include "normalize/records.h"
#include "normalize/text.h"
#include "pipeline/doc_id.h"
#include "pipeline/extract_document.h"

namespace budgetpdf {
namespace {

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

// Tables that print no unit of their own take the unit most tables of the document print
// (the 金额单位 line is often printed once for a set of tables); the diagnostic stays.
void fill_missing_units(std::vector<TableReading>& readings) {
    std::map<std::string, int> counts;
    for (const TableReading& reading : readings)
        if (!reading.unit.empty()) ++counts[reading.unit];
    if (counts.empty()) return;
    auto common = std::max_element(counts.begin(), counts.end(),
                                   [](const auto& a, const auto& b) { return a.second < b.second; });
    for (TableReading& reading : readings)
        if (reading.unit.empty()) reading.unit = common->first;
}

void fail(DocumentOutput& output, const std::string& reason) {
    output.summary.status = "failed";
    output.summary.error = reason;
    output.records.clear();
}

void run_stages(const std::string& path, const LayoutSet& layouts, DocumentOutput& output) {
    std::vector<Diagnostic> diagnostics;
    Result<ExtractedDocument> extracted = extract_document(path);
    if (!extracted) {
        fail(output, extracted.error().message);
        return;
    }
    ExtractedDocument& document = extracted.value();
    diagnostics = std::move(document.diagnostics);
    for (Table& table : document.tables) normalize_table_text(table);

    std::vector<TableReading> readings;
    for (int i = 0; i < static_cast<int>(document.tables.size()); ++i) {
        std::optional<TableReading> reading = read_table(layouts, document.tables[i], i, diagnostics);
        if (reading) readings.push_back(std::move(*reading));
    }
    fill_missing_units(readings);

    DocumentMeta meta = infer_document_meta(document, diagnostics);
    meta.doc_id = output.summary.doc_id;
    meta.source = output.summary.source;
    output.records = records_from_readings(readings, meta, TextSource::text_layer, diagnostics);
    CheckSummary checks = check_identities(readings, output.records, diagnostics);
    sort_records(output.records);

    DocumentSummary& summary = output.summary;
    summary.region = meta.region;
    summary.department = meta.department;
    summary.scope = meta.scope;
    summary.year = meta.year;
    summary.stage = meta.stage;
    summary.pages = document.info.page_count;
    summary.pages_ocr = 0;
    summary.tables_found = static_cast<int>(document.tables.size());
    summary.records = static_cast<int>(output.records.size());
    summary.checks_total = checks.total;
    summary.checks_failed = checks.failed;
    bool has_errors = std::any_of(diagnostics.begin(), diagnostics.end(),
                                  [](const Diagnostic& d) { return d.severity == Severity::error; });
    summary.status = has_errors ? "partial" : "ok";
    for (const Diagnostic& d : diagnostics) {
        summary.pages_no_text += d.kind == "no_text_layer";
        summary.amounts_unreadable += d.kind == "unreadable_amount";
    }
    for (Diagnostic& diagnostic : diagnostics)
        output.diagnostics.push_back({summary.doc_id, summary.source, std::move(diagnostic)});
}

}  // namespace

std::string pipeline_version(const LayoutSet& layouts) {
    return std::string(BUDGETPDF_VERSION) + "+layouts." + layouts.fingerprint;
}

DocumentOutput process_document(const std::string& path, const LayoutSet& layouts) {
    DocumentOutput output;
    output.summary.source = file_name(path);
    output.summary.pipeline = pipeline_version(layouts);
    std::optional<std::string> id = doc_id_from_file(path);
    if (!id) {
        fail(output, "cannot read file");
        return output;
    }
    output.summary.doc_id = *id;
    try {
        run_stages(path, layouts, output);
    } catch (const std::exception& e) {
        output.diagnostics.clear();
        fail(output, std::string("internal error: ") + e.what());
    }
    return output;
}

}  // namespace budgetpdf
