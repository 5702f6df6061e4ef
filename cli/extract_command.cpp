#include "cli/commands.h"

#include <iostream>

#include "cli/exit_codes.h"

namespace budgetpdf {

int run_extract(const ExtractArgs&) {
    std::cerr << "budgetpdf: extract is not available in this build yet\n";
    return exit_status(ExitCode::usage);
}

}  // namespace budgetpdf
