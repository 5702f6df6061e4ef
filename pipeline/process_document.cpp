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
#include "pipeline/ocr_recover.h"
#include "pipeline/ocr_reread.h"

namespace budgetpdf {
namespace {

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

// Tables that print no unit of their own take the unit of the nearest table before them that
// prints one (the 金额单位 line is often printed once for a run of tables), else the nearest
// after. The unit is then not the table's own: reading.unit_printed is false, the records'
// confidence is lower, and a warning names where the unit came from.
void assign_missing_units(std::vector<TableReading>& readings, std::vector<Diagnostic>& diagnostics) {
    for (size_t i = 0; i < readings.size(); ++i) {
        TableReading& reading = readings[i];
        if (!reading.unit.empty() || reading.amounts.empty() || !reading.unit_printed) continue;
        const TableReading* source = nullptr;
        for (size_t k = i; k-- > 0 && !source;)
            if (readings[k].unit_printed && !readings[k].unit.empty()) source = &readings[k];
        for (size_t k = i + 1; k < readings.size() && !source; ++k)
            if (readings[k].unit_printed && !readings[k].unit.empty()) source = &readings[k];
        reading.unit_printed = false;
        if (!source) continue;  // records_from_readings reports the unknown unit
        reading.unit = source->unit;
        diagnostics.push_back({Severity::warning, "unit_inferred", reading.page, {},
                               "'" + reading.table_title + "' prints no unit: " + reading.unit + " taken from '" +
                                   source->table_title + "' (page " + std::to_string(source->page) + ")"});
    }
}

int count_kind(const std::vector<Diagnostic>& diagnostics, const char* kind) {
    return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                          [kind](const Diagnostic& d) { return d.kind == kind; }));
}

// Tables that print amounts but gave no record, each with an error naming it.
int count_unread_tables(const ExtractedDocument& document, const std::vector<Record>& records,
                        std::vector<Diagnostic>& diagnostics) {
    std::vector<bool> has_records(document.tables.size(), false);
    for (const Record& r : records)
        if (r.table_index >= 0 && r.table_index < static_cast<int>(has_records.size())) has_records[r.table_index] = true;
    int unread = 0;
    for (size_t i = 0; i < document.tables.size(); ++i) {
        if (has_records[i] || !prints_amounts(document.tables[i])) continue;
        ++unread;
        const Table& table = document.tables[i];
        std::string title = table.context.title.empty() ? std::string("(no title)") : table.context.title;
        diagnostics.push_back({Severity::error, "table_unread", table.page, table.parts.empty() ? Rect{} : table.parts.front().bbox,
                               "the table '" + title + "' on page " + std::to_string(table.page) +
                                   " prints amounts but gave no records"});
    }
    return unread;
}

// SCHEMA.md: ok only when nothing was lost; partial names what was.
void set_status(DocumentSummary& summary, const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> lost;
    auto add = [&lost](int count, const char* what) {
        if (count > 0) lost.push_back(std::to_string(count) + " " + what);
    };
    add(summary.pages_no_text, summary.pages_no_text == 1 ? "page without usable text" : "pages without usable text");
    add(summary.tables_unread, summary.tables_unread == 1 ? "table unread" : "tables unread");
    add(summary.amounts_unreadable, summary.amounts_unreadable == 1 ? "amount unreadable" : "amounts unreadable");
    int other_errors = 0;
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::error && d.kind != "no_text_layer" && d.kind != "garbled_text" &&
            d.kind != "table_unread" && d.kind != "unreadable_amount" && d.kind != "unknown_unit" &&
            d.kind != "unit_conflict")  // a table without a unit is counted as unread
            ++other_errors;
    add(other_errors, other_errors == 1 ? "other error (see diagnostics)" : "other errors (see diagnostics)");
    summary.status = lost.empty() ? "ok" : "partial";
    summary.error.clear();
    for (const std::string& part : lost) summary.error += (summary.error.empty() ? "" : "; ") + part;
}

void fail(DocumentOutput& output, const std::string& reason) {
    output.summary.status = "failed";
    output.summary.error = reason;
    output.records.clear();
}

void run_stages(const std::string& path, const LayoutSet& layouts, OcrSession& ocr, DocumentOutput& output) {
    std::vector<Diagnostic> diagnostics;
    const KnownName known_name = [&layouts](const std::string& label) { return is_known_row_name(layouts, label); };
    Result<ExtractedDocument> extracted = extract_document(path, {}, &ocr, known_name);
    if (!extracted) {
        fail(output, extracted.error().message);
        return;
    }
    ExtractedDocument& document = extracted.value();
    diagnostics = std::move(document.diagnostics);
    for (Table& table : document.tables) normalize_table_text(table);

    DocumentMeta meta = infer_document_meta(document, diagnostics);
    meta.doc_id = output.summary.doc_id;
    meta.source = output.summary.source;

    ReadOptions read_options;
    read_options.fiscal_year = meta.year;
    read_options.reread_ocr_cells = [&](const std::vector<const Cell*>& cells) {
        std::vector<CellOnPage> boxes;
        for (const Cell* cell : cells) boxes.push_back({cell->page, cell->bbox});
        std::vector<std::vector<std::string>> texts(cells.size());
        const auto reread = reread_cells_on_pages(path, boxes, ocr, RereadWays::all, RereadText::any);
        for (std::size_t k = 0; k < reread.size() && k < texts.size(); ++k)
            for (const CellReading& r : reread[k]) texts[k].push_back(normalize_text(r.text));
        return texts;
    };
    std::vector<TableReading> readings;
    for (int i = 0; i < static_cast<int>(document.tables.size()); ++i) {
        std::optional<TableReading> reading = read_table(layouts, document.tables[i], i, diagnostics, read_options);
        if (reading) readings.push_back(std::move(*reading));
    }
    assign_missing_units(readings, diagnostics);

    output.records = records_from_readings(readings, meta, TextSource::text_layer, diagnostics);
    mark_ocr_records(output.records, document.pages);
    recover_unreadable_ocr_amounts(path, meta, document.pages, readings, output.records, diagnostics, ocr);
    CheckSummary checks = check_with_ocr_rereads(path, readings, output.records, diagnostics, &ocr);
    set_confidence(output.records, readings);
    add_cross_classified_records(output.records, readings);
    sort_records(output.records);

    DocumentSummary& summary = output.summary;
    summary.region = meta.region;
    summary.department = meta.department;
    summary.scope = meta.scope;
    summary.year = meta.year;
    summary.stage = meta.stage;
    summary.pages = document.info.page_count;
    summary.pages_ocr = static_cast<int>(std::count_if(document.pages.begin(), document.pages.end(),
                                                       [](const Page& p) { return p.source == TextSource::ocr; }));
    summary.tables_found = static_cast<int>(document.tables.size());
    summary.records = static_cast<int>(output.records.size());
    summary.checks_total = checks.total;
    summary.checks_failed = checks.failed;
    summary.pages_no_text = count_kind(diagnostics, "no_text_layer") + count_kind(diagnostics, "garbled_text");
    summary.amounts_unreadable = count_kind(diagnostics, "unreadable_amount");
    summary.tables_unread = count_unread_tables(document, output.records, diagnostics);
    set_status(summary, diagnostics);
    for (Diagnostic& diagnostic : diagnostics)
        output.diagnostics.push_back({summary.doc_id, summary.source, std::move(diagnostic)});
}

}  // namespace

std::string pipeline_version(const LayoutSet& layouts) {
    return std::string(BUDGETPDF_VERSION) + "+layouts." + layouts.fingerprint;
}

DocumentOutput process_document(const std::string& path, const LayoutSet& layouts) {
    OcrSession ocr;
    return process_document(path, layouts, ocr);
}

DocumentOutput process_document(const std::string& path, const LayoutSet& layouts, OcrSession& ocr) {
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
        run_stages(path, layouts, ocr, output);
    } catch (const std::exception& e) {
        output.diagnostics.clear();
        fail(output, std::string("internal error: ") + e.what());
    }
    return output;
}

}  // namespace budgetpdf
