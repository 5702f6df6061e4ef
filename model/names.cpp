#include "model/diagnostic.h"
#include "model/reading.h"
#include "model/result.h"

namespace budgetpdf {

const char* severity_name(Severity severity) {
    switch (severity) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "";
}

const char* error_kind_name(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::io: return "io";
        case ErrorKind::not_pdf: return "not a PDF";
        case ErrorKind::damaged: return "damaged";
        case ErrorKind::encrypted: return "encrypted";
        case ErrorKind::no_pages: return "no pages";
        case ErrorKind::bad_argument: return "bad argument";
        case ErrorKind::invalid_layout: return "invalid layout";
    }
    return "";
}

const char* code_system_name(CodeSystem system) {
    switch (system) {
        case CodeSystem::none: return "";
        case CodeSystem::func: return "func";
        case CodeSystem::econ: return "econ";
        case CodeSystem::econ_gov: return "econ_gov";
    }
    return "";
}

const char* side_name(Side side) {
    switch (side) {
        case Side::none: return "";
        case Side::income: return "income";
        case Side::expenditure: return "expenditure";
    }
    return "";
}

}  // namespace budgetpdf
