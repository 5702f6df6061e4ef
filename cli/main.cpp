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
    app.set_version_flag("--version", "budgetpdf 0.1.0");

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
    std::string tables_ocr = "auto", inspect_ocr = "auto", extract_ocr = "auto";
    tables_cmd->add_option("--ocr", tables_ocr, ocr_help)->check(CLI::IsMember(ocr_modes));
    inspect_cmd->add_option("--ocr", inspect_ocr, ocr_help)->check(CLI::IsMember(ocr_modes));

    ExtractArgs extract;
    auto* extract_cmd = app.add_subcommand("extract", "write verified records of one or more PDFs");
    extract_cmd->add_option("FILE", extract.files, "the PDFs")->required();
    extract_cmd->add_option("--out", extract.out, "output directory, or - for records CSV on stdout")
        ->required();
    extract_cmd->add_option("--layouts", extract.layouts_dir, "layout templates directory");
    extract_cmd->add_option("--ocr", extract_ocr, ocr_help)->check(CLI::IsMember(ocr_modes));
    extract_cmd->add_option("--dpi", extract.ocr.dpi, "resolution at which pages are read by OCR (default 300)")
        ->check(CLI::Range(100.0, 600.0));

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        int status = app.exit(error);
        return status == 0 ? 0 : exit_status(ExitCode::usage);
    }

    tables.ocr.mode = ocr_mode_from_arg(tables_ocr);
    inspect.ocr.mode = ocr_mode_from_arg(inspect_ocr);
    extract.ocr.mode = ocr_mode_from_arg(extract_ocr);

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
    return run_extract(extract);
}
