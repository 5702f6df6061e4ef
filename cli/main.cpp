// budgetpdf: tables and verified records from Chinese budget and final-accounts disclosures.

#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/page_range_arg.h"

using namespace budgetpdf;

int main(int argc, char** argv) {
    CLI::App app{"budgetpdf: exact tables and verified records from budget disclosure PDFs"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "budgetpdf " BUDGETPDF_VERSION);

    TablesArgs tables;
    std::string pages_arg;
    auto* tables_cmd = app.add_subcommand("tables", "print the tables found in a PDF");
    tables_cmd->add_option("FILE", tables.file, "the PDF")->required();
    tables_cmd->add_option("--pages", pages_arg, "page range: 5, 3-7 or 3-");
    tables_cmd->add_option("--format", tables.format, "text or json")
        ->check(CLI::IsMember({"text", "json"}));

    InspectArgs inspect;
    auto* inspect_cmd = app.add_subcommand("inspect", "render a page with what was found drawn on top");
    inspect_cmd->add_option("FILE", inspect.file, "the PDF")->required();
    inspect_cmd->add_option("--page", inspect.page, "1-based page number")->required()
        ->check(CLI::PositiveNumber);
    inspect_cmd->add_option("--png", inspect.png, "output PNG file")->required();
    inspect_cmd->add_option("--dpi", inspect.dpi, "resolution (default 110)")
        ->check(CLI::Range(20.0, 600.0));

    const std::vector<std::string> ocr_modes{"auto", "always", "never"};
    const char* ocr_help = "read pages by OCR: auto (pages without usable text), always, never (default auto)";
    std::string tables_ocr = "auto", inspect_ocr = "auto", extract_ocr = "auto", batch_ocr = "auto";
    tables_cmd->add_option("--ocr", tables_ocr, ocr_help)->check(CLI::IsMember(ocr_modes));
    inspect_cmd->add_option("--ocr", inspect_ocr, ocr_help)->check(CLI::IsMember(ocr_modes));

    auto add_conversion_options = [&](CLI::App* command, ConversionArgs& conversion, std::string& ocr_mode) {
        command->add_option("--layouts", conversion.layouts_dir,
                            "layout templates folder (default: the layouts installed with budgetpdf)");
        command->add_option("--jobs,-j", conversion.jobs, "worker processes (default: one per core)")
            ->check(CLI::NonNegativeNumber);
        command->add_option("--timeout", conversion.timeout_s, "seconds per document before its worker is killed (default 600)")
            ->check(CLI::PositiveNumber);
        command->add_option("--memory", conversion.memory_mb, "MiB of memory per worker before it is killed (default 4096)")
            ->check(CLI::PositiveNumber);
        command->add_option("--ocr", ocr_mode, ocr_help)->check(CLI::IsMember(ocr_modes));
        command->add_option("--dpi", conversion.ocr.dpi, "resolution at which pages are read by OCR (default 300)")
            ->check(CLI::Range(100.0, 600.0));
    };

    ExtractArgs extract;
    auto* extract_cmd = app.add_subcommand("extract", "write verified records of one or more PDFs");
    extract_cmd->add_option("FILE", extract.files, "the PDFs")->required();
    extract_cmd->add_option("--out", extract.out, "output directory, or - for records CSV on stdout")
        ->required();
    add_conversion_options(extract_cmd, extract.conversion, extract_ocr);

    BatchArgs batch;
    auto* batch_cmd = app.add_subcommand("batch", "convert folders of PDFs into a resumable dataset");
    batch_cmd->add_option("INPUT", batch.inputs, "PDF files and folders (searched recursively for *.pdf)");
    batch_cmd->add_option("--out", batch.out, "dataset folder: dataset.sqlite and the exported CSV/JSONL files");
    add_conversion_options(batch_cmd, batch.conversion, batch_ocr);
    batch_cmd->add_option("--shard", batch.shard, "K/N: convert only the inputs of shard K (0 <= K < N)");
    batch_cmd->add_flag("--all-files", batch.all_files, "in folders, take every file, not only *.pdf");
    batch_cmd->add_flag("--wait", batch.wait, "wait for another run on the same --out instead of refusing");
    batch_cmd->add_flag("--no-export", batch.no_export, "store in dataset.sqlite only; export later with `dataset export`");
    batch_cmd->add_flag("--list-pending", batch.list_pending, "print the inputs still to convert, one per line, and stop");
    batch_cmd->add_flag("--stream", batch.stream,
                        "streaming: paths on stdin, records JSONL on stdout, documents JSONL on --documents");
    batch_cmd->add_option("--documents", batch.documents_to, "streaming: where documents rows go (default stderr)");
    batch_cmd->add_option("--diagnostics", batch.diagnostics_to, "streaming: where diagnostics rows go (default: nowhere)");

    DatasetArgs dataset;
    auto* dataset_cmd = app.add_subcommand("dataset", "export, import into or describe a batch's dataset");
    dataset_cmd->require_subcommand(1);
    auto* export_cmd = dataset_cmd->add_subcommand("export", "write the dataset's files again, a panel, or folders per department");
    export_cmd->add_option("DIR", dataset.dir, "the dataset folder (of `batch --out`)")->required();
    export_cmd->add_option("--to", dataset.to, "write here instead of DIR");
    export_cmd->add_flag("--wide", dataset.wide, "panel.csv: one column per measure, amounts in 元");
    export_cmd->add_option("--by", dataset.by, "department: one folder per region, department and year")
        ->check(CLI::IsMember({"department"}));
    auto* import_cmd = dataset_cmd->add_subcommand("import", "gather the JSONL of streaming runs into the dataset");
    import_cmd->add_option("DIR", dataset.dir, "the dataset folder")->required();
    import_cmd->add_option("--records", dataset.records, "records JSONL (a streaming run's stdout)")->required();
    import_cmd->add_option("--documents", dataset.documents, "documents JSONL (its --documents)")->required();
    import_cmd->add_option("--diagnostics", dataset.diagnostics, "diagnostics JSONL (its --diagnostics)");
    auto* info_cmd = dataset_cmd->add_subcommand("info", "schema version and counts");
    info_cmd->add_option("DIR", dataset.dir, "the dataset folder")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        int status = app.exit(error);
        return status == 0 ? 0 : exit_status(ExitCode::usage);
    }
    tables.ocr.mode = ocr_mode_from_arg(tables_ocr);
    inspect.ocr.mode = ocr_mode_from_arg(inspect_ocr);
    extract.conversion.ocr.mode = ocr_mode_from_arg(extract_ocr);
    batch.conversion.ocr.mode = ocr_mode_from_arg(batch_ocr);

    if (tables_cmd->parsed()) {
        if (!pages_arg.empty()) {
            auto range = page_range_from_arg(pages_arg);
            if (!range) {
                std::cerr << "budgetpdf: --pages: expected N, N-M or N-, got '" << pages_arg << "'\n";
                return exit_status(ExitCode::usage);
            }
            tables.pages = *range;
        }
        return run_tables(tables);
    }
    if (inspect_cmd->parsed()) return run_inspect(inspect);
    if (batch_cmd->parsed()) return run_batch(batch);
    if (dataset_cmd->parsed()) {
        dataset.action = export_cmd->parsed() ? "export" : import_cmd->parsed() ? "import" : "info";
        return run_dataset(dataset);
    }
    return run_extract(extract);
}
