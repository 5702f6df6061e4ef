// Departments printed under several names. How it works: within one region, a department's
// printed name is reduced to a key by setting aside the region's own name where the name
// starts with it and any bracketed part (（本级）, (机关)); names that share a key but differ
// as printed are reported with the years each was printed, so a panel can join them.
// Nothing is merged: the dataset keeps every name as printed.
#include <map>
#include <set>
#include <string>

#include "dataset/dataset.h"
#include "dataset/dataset_state.h"

namespace budgetpdf {
namespace {

struct BracketPair {
    std::string_view open, close;
};
constexpr BracketPair brackets[] = {{"（", "）"}, {"(", ")"}, {"〔", "〕"}, {"【", "】"}, {"[", "]"}};

std::string without_brackets(std::string text) {
    for (const BracketPair& pair : brackets) {
        for (size_t open = text.find(pair.open); open != std::string::npos; open = text.find(pair.open, open)) {
            size_t close = text.find(pair.close, open + pair.open.size());
            if (close == std::string::npos) break;
            text.erase(open, close + pair.close.size() - open);
        }
    }
    return text;
}

std::string name_key(const std::string& region, const std::string& department) {
    std::string key = department;
    if (!region.empty() && key.size() > region.size() && key.compare(0, region.size(), region) == 0)
        key.erase(0, region.size());
    key = without_brackets(key);
    std::string compact;
    for (char c : key)
        if (c != ' ' && c != '\t') compact.push_back(c);
    return compact.empty() ? department : compact;
}

}  // namespace

Result<std::vector<Dataset::DepartmentNames>> Dataset::department_name_variants() const {
    // (region, key) → printed name → years
    std::map<std::pair<std::string, std::string>, std::map<std::string, std::set<std::string>>> groups;
    std::optional<Error> error = dataset_guard("dataset", [&] {
        SqliteStatement names = state_->db.prepare(
            "SELECT DISTINCT region, department, coalesce(CAST(year AS TEXT), '') FROM documents "
            "WHERE department <> ''");
        while (names.step()) {
            std::string region = names.text(0), department = names.text(1);
            groups[{region, name_key(region, department)}][department].insert(names.text(2));
        }
    });
    if (error) return *error;
    std::vector<DepartmentNames> variants;
    for (const auto& [where, printed] : groups) {
        if (printed.size() < 2) continue;
        DepartmentNames entry{where.first, where.second, {}};
        for (const auto& [name, years] : printed) {
            std::string joined;
            for (const std::string& year : years) joined += (joined.empty() ? "" : " ") + (year.empty() ? "?" : year);
            entry.names_years.emplace_back(name, joined);
        }
        variants.push_back(std::move(entry));
    }
    return variants;
}

}  // namespace budgetpdf
