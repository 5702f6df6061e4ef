#pragma once
// Data problems that do not stop a document: kept with the output, never dropped.

#include <string>
#include <vector>

#include "model/geometry.h"

namespace budgetpdf {

enum class Severity { info, warning, error };

struct Diagnostic {
    Severity severity = Severity::warning;
    std::string kind;     // short stable key, e.g. unknown_table, identity_mismatch, unreadable_cell
    int page = 0;         // 1-based; 0 when the problem is not tied to a page
    Rect bbox;            // empty when not tied to a place on the page
    std::string message;  // one line, for people
};

const char* severity_name(Severity severity);

}  // namespace budgetpdf
