#pragma once
// What the converting commands (`extract`, `batch`, `dataset import`) share: layouts,
// batch options, signal handling, the folder's INCOMPLETE marker and write-checked streams.

#include <optional>
#include <string>

#include "cli/commands.h"
#include "layouts/layout_set.h"
#include "model/result.h"
#include "pipeline/batch.h"

namespace budgetpdf {

// Loads --layouts, or the layouts installed with the executable; reports a failure itself.
std::optional<LayoutSet> load_layouts_or_report(const ConversionArgs& args);

// SIGINT and SIGTERM ask the batch to stop cleanly; SIGPIPE and SIGXFSZ are ignored so that
// writing into a closed pipe or past a file-size limit is a write error, reported, rather
// than a silent death.
void install_batch_signal_handlers();

BatchOptions batch_options_from(const ConversionArgs& args);

// DIR/INCOMPLETE exists while a run that writes into DIR has not finished: a run killed
// before it exported leaves it, naming what the exported files may lack.
std::optional<Error> mark_incomplete(const std::string& dir);
void unmark_incomplete(const std::string& dir);
bool incomplete_marked(const std::string& dir);
// All six files of SCHEMA.md are in `dir`.
bool exports_present(const std::string& dir);

// The exit code of a finished batch: input_failed when every input failed, some_failed
// when some did, interrupted when it was stopped, else ok.
int exit_for_totals(const BatchTotals& totals);

}  // namespace budgetpdf
