#pragma once
// What a Dataset holds: its SQLite connection. Private to dataset/.

#include <functional>
#include <optional>
#include <string>

#include "dataset/dataset.h"
#include "dataset/sqlite_db.h"

namespace budgetpdf {

struct Dataset::State {
    SqliteDb db;
};

// Runs `work`, turning a SQLite failure (or any other exception) into an Error.
std::optional<Error> dataset_guard(const std::string& what, const std::function<void()>& work);

}  // namespace budgetpdf
