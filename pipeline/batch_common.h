#pragma once
// What the two batch runners (batch.cpp, batch_stream.cpp) share. Private to pipeline/.

#include <string>

#include "pipeline/batch.h"

namespace budgetpdf {

constexpr std::chrono::milliseconds batch_tick_interval{100};

// A failed document that no worker converted (its input cannot be read, or its worker died).
DocumentOutput failed_output(const std::string& doc_id, const std::string& source, const std::string& pipeline,
                             const std::string& reason);

void count_document(BatchTotals& totals, const DocumentSummary& summary);
void count_status(BatchTotals& totals, const std::string& status, int inputs);  // status only, `inputs` times
int worker_count(const BatchOptions& options);
bool stop_requested(const BatchOptions& options);

}  // namespace budgetpdf
