// Reads the layout YAML files into a LayoutSet. The only file that touches yaml-cpp.
//
// How it works: every *.yaml of the templates folder and of its sibling maps/ folder is
// parsed in name order; each may hold any of the top-level sections `vocabulary`,
// `layouts`, `func_lei`, `econ`, `econ_gov`. Unknown keys are errors (a typo must not
// silently disable a rule). After all files are read, the layouts are validated against
// the vocabulary (known table kinds, known checks, unique ids).

#include "layouts/layout_set.h"

#include "layouts/text_match.h"
#include "model/check_keys.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <filesystem>
#include <set>

namespace budgetpdf {
namespace {

namespace fs = std::filesystem;

// A reason to reject a file; caught in load_layouts and turned into an Error.
struct LayoutError {
    std::string message;
};

void fail(const std::string& message) { throw LayoutError{message}; }

std::string where(const YAML::Node& node) {
    return "line " + std::to_string(node.Mark().line + 1);
}

void check_keys(const YAML::Node& map, const std::set<std::string>& allowed, const std::string& what) {
    if (!map.IsMap()) fail(where(map) + ": " + what + " must be a mapping");
    for (const auto& item : map) {
        std::string key = item.first.as<std::string>();
        if (!allowed.count(key)) fail(where(item.first) + ": unknown key '" + key + "' in " + what);
    }
}

std::string scalar(const YAML::Node& node, const std::string& what) {
    if (!node || !node.IsScalar()) fail(where(node) + ": " + what + " must be a text value");
    return node.as<std::string>();
}

std::vector<std::string> strings(const YAML::Node& node, const std::string& what) {
    std::vector<std::string> out;
    if (!node) return out;
    if (node.IsScalar()) {
        out.push_back(node.as<std::string>());
        return out;
    }
    if (!node.IsSequence()) fail(where(node) + ": " + what + " must be a list of texts");
    for (const auto& item : node) out.push_back(scalar(item, what));
    return out;
}

bool boolean(const YAML::Node& node, const std::string& what) {
    if (!node) return false;
    if (!node.IsScalar()) fail(where(node) + ": " + what + " must be true or false");
    return node.as<bool>();
}

// `key: [alias, …]` mappings, in file order.
std::vector<AliasRule> alias_rules(const YAML::Node& node, const std::string& what) {
    std::vector<AliasRule> out;
    if (!node) return out;
    if (!node.IsMap()) fail(where(node) + ": " + what + " must map keys to lists of texts");
    for (const auto& item : node) {
        AliasRule rule;
        rule.key = item.first.as<std::string>();
        rule.aliases = strings(item.second, what + "." + rule.key);
        out.push_back(std::move(rule));
    }
    return out;
}

ColumnRole column_role_from_name(const std::string& name, const YAML::Node& node) {
    static const std::pair<const char*, ColumnRole> names[] = {
        {"ignore", ColumnRole::ignore},       {"code", ColumnRole::code},
        {"code_lei", ColumnRole::code_lei},   {"code_kuan", ColumnRole::code_kuan},
        {"code_xiang", ColumnRole::code_xiang}, {"name", ColumnRole::name},
        {"name_gov", ColumnRole::name_gov},   {"code_gov", ColumnRole::code_gov}};
    for (const auto& [n, role] : names)
        if (name == n) return role;
    fail(where(node) + ": unknown column role '" + name + "'");
    return ColumnRole::none;
}

std::vector<ColumnRoleRule> column_rules(const YAML::Node& node) {
    std::vector<ColumnRoleRule> out;
    if (!node) return out;
    if (!node.IsMap()) fail(where(node) + ": columns must map roles to lists of texts");
    for (const auto& item : node) {
        ColumnRoleRule rule;
        rule.role = column_role_from_name(item.first.as<std::string>(), item.first);
        rule.aliases = strings(item.second, "columns");
        out.push_back(std::move(rule));
    }
    return out;
}

RowRole row_role_from_name(const std::string& name, const YAML::Node& node) {
    if (name == "item") return RowRole::item;
    if (name == "total") return RowRole::total;
    if (name == "subtotal") return RowRole::subtotal;
    fail(where(node) + ": row role must be item, total or subtotal, not '" + name + "'");
    return RowRole::item;
}

// rows: { key: [aliases] } or { key: { role: total, aliases: [...], starts_section: true } }
std::vector<RowKeyRule> row_rules(const YAML::Node& node) {
    std::vector<RowKeyRule> out;
    if (!node) return out;
    if (!node.IsMap()) fail(where(node) + ": rows must map row keys to aliases");
    for (const auto& item : node) {
        RowKeyRule rule;
        rule.key = item.first.as<std::string>();
        const YAML::Node& body = item.second;
        if (body.IsMap()) {
            check_keys(body, {"role", "aliases", "starts_section", "not_amount"}, "row " + rule.key);
            if (body["role"]) rule.role = row_role_from_name(scalar(body["role"], "role"), body["role"]);
            rule.aliases = strings(body["aliases"], "aliases");
            rule.starts_section = boolean(body["starts_section"], "starts_section");
            rule.not_amount = boolean(body["not_amount"], "not_amount");
        } else {
            rule.aliases = strings(body, "rows." + rule.key);
        }
        if (rule.aliases.empty()) fail(where(body) + ": row key '" + rule.key + "' has no aliases");
        out.push_back(std::move(rule));
    }
    return out;
}

CodeSystem code_system_from_name(const std::string& name, const YAML::Node& node) {
    if (name == "func") return CodeSystem::func;
    if (name == "econ") return CodeSystem::econ;
    if (name == "econ_gov") return CodeSystem::econ_gov;
    if (name == "none" || name.empty()) return CodeSystem::none;
    fail(where(node) + ": code_system must be func, econ, econ_gov or none");
    return CodeSystem::none;
}

Layout read_layout(const YAML::Node& node, const std::string& file) {
    check_keys(node,
               {"id", "kind", "description", "titles", "titles_exclude", "requires_headers", "two_sided",
                "code_system", "name_map", "default_measure", "checks", "measures", "column_parts", "rows",
                "columns", "fallback", "excludes", "breakdown_keys"},
               "layout");
    Layout layout;
    layout.file = file;
    layout.id = scalar(node["id"], "id");
    layout.kind = scalar(node["kind"], "kind");
    layout.titles = strings(node["titles"], "titles");
    layout.fallback = boolean(node["fallback"], "fallback");
    if (layout.titles.empty() && !layout.fallback) fail(where(node) + ": layout " + layout.id + " has no titles");
    if (!layout.titles.empty() && layout.fallback)
        fail(where(node) + ": fallback layout " + layout.id + " claims no titles: it reads what no other layout claims");
    layout.titles_exclude = strings(node["titles_exclude"], "titles_exclude");
    layout.requires_headers = strings(node["requires_headers"], "requires_headers");
    layout.two_sided = boolean(node["two_sided"], "two_sided");
    if (node["code_system"])
        layout.code_system = code_system_from_name(scalar(node["code_system"], "code_system"), node["code_system"]);
    if (node["name_map"]) {
        layout.name_map = scalar(node["name_map"], "name_map");
        if (layout.name_map != "func_lei" && layout.name_map != "econ")
            fail(where(node["name_map"]) + ": name_map must be func_lei or econ");
    }
    if (node["default_measure"]) layout.default_measure = scalar(node["default_measure"], "default_measure");
    layout.checks = strings(node["checks"], "checks");
    layout.excludes = strings(node["excludes"], "excludes");
    if (node["breakdown_keys"]) layout.breakdown_keys = boolean(node["breakdown_keys"], "breakdown_keys");
    layout.measures = alias_rules(node["measures"], "measures");
    layout.column_parts = alias_rules(node["column_parts"], "column_parts");
    layout.rows = row_rules(node["rows"]);
    layout.columns = column_rules(node["columns"]);
    return layout;
}

std::vector<UnitRule> unit_rules(const YAML::Node& node) {
    std::vector<UnitRule> out;
    for (const auto& rule : alias_rules(node, "units")) out.push_back({rule.key, rule.aliases});
    return out;
}

void read_vocabulary(const YAML::Node& node, Vocabulary& vocabulary) {
    check_keys(node,
               {"table_kinds", "checks", "columns", "measures", "sides", "rows", "column_number_labels",
                "no_data_markers", "units", "unit_labels", "row_keys", "title_markers", "generic_totals", "title_excludes",
                "current_year_markers", "of_which_prefixes", "name_map_headers", "other_period_markers"},
               "vocabulary");
    auto append = [](auto& to, auto from) { to.insert(to.end(), from.begin(), from.end()); };
    append(vocabulary.table_kinds, strings(node["table_kinds"], "table_kinds"));
    append(vocabulary.checks, strings(node["checks"], "checks"));
    append(vocabulary.columns, column_rules(node["columns"]));
    append(vocabulary.measures, alias_rules(node["measures"], "measures"));
    append(vocabulary.sides, alias_rules(node["sides"], "sides"));
    append(vocabulary.rows, row_rules(node["rows"]));
    append(vocabulary.row_keys, strings(node["row_keys"], "row_keys"));
    append(vocabulary.column_number_labels, strings(node["column_number_labels"], "column_number_labels"));
    append(vocabulary.no_data_markers, strings(node["no_data_markers"], "no_data_markers"));
    append(vocabulary.units, unit_rules(node["units"]));
    append(vocabulary.unit_labels, strings(node["unit_labels"], "unit_labels"));
    append(vocabulary.title_markers, strings(node["title_markers"], "title_markers"));
    append(vocabulary.generic_totals, strings(node["generic_totals"], "generic_totals"));
    append(vocabulary.title_excludes, alias_rules(node["title_excludes"], "title_excludes"));
    append(vocabulary.current_year_markers, strings(node["current_year_markers"], "current_year_markers"));
    append(vocabulary.of_which_prefixes, strings(node["of_which_prefixes"], "of_which_prefixes"));
    append(vocabulary.other_period_markers, strings(node["other_period_markers"], "other_period_markers"));
    for (const auto& rule : alias_rules(node["name_map_headers"], "name_map_headers")) {
        if (rule.key != "func_lei" && rule.key != "econ" && rule.key != "econ_gov")
            fail(where(node["name_map_headers"]) + ": name_map_headers keys must be func_lei, econ or econ_gov");
        vocabulary.name_map_headers.push_back({rule.key, rule.aliases});
    }
}

std::vector<NameMapEntry> name_map(const YAML::Node& node, const std::string& what) {
    std::vector<NameMapEntry> out;
    if (!node.IsSequence()) fail(where(node) + ": " + what + " must be a list of {code, names}");
    for (const auto& item : node) {
        check_keys(item, {"code", "names", "years"}, what + " entry");
        NameMapEntry entry;
        entry.code = scalar(item["code"], "code");
        if (entry.code.empty() ||
            !std::all_of(entry.code.begin(), entry.code.end(), [](char c) { return c >= '0' && c <= '9'; }))
            fail(where(item) + ": code '" + entry.code + "' is not digits");
        entry.names = strings(item["names"], "names");
        if (entry.names.empty()) fail(where(item) + ": code " + entry.code + " has no names");
        if (item["years"]) entry.years = scalar(item["years"], "years");
        out.push_back(std::move(entry));
    }
    return out;
}

// FNV-1a, 64 bits: a stable fingerprint of the layout files, not a security hash.
constexpr std::uint64_t fnv_offset = 14695981039346656037ull;
constexpr std::uint64_t fnv_prime = 1099511628211ull;

void add_to_fingerprint(std::uint64_t& hash, const std::string& bytes) {
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= fnv_prime;
    }
}

std::string hex16(std::uint64_t value) {
    static const char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<size_t>(i)] = digits[value & 0xF];
    return out;
}

// codes: [{code, system, names: [{name, years, documents}]}] (layouts/catalog/README.md).
std::vector<CatalogCode> catalog_codes(const YAML::Node& node) {
    std::vector<CatalogCode> out;
    if (!node.IsSequence()) fail(where(node) + ": codes must be a list of {code, system, names}");
    for (const auto& item : node) {
        check_keys(item, {"code", "system", "names"}, "catalogue entry");
        CatalogCode entry;
        entry.code = scalar(item["code"], "code");
        if (entry.code.empty() || entry.code.size() > 7 ||
            !std::all_of(entry.code.begin(), entry.code.end(), [](char c) { return c >= '0' && c <= '9'; }))
            fail(where(item) + ": code '" + entry.code + "' is not 3 to 7 digits");
        std::string system = scalar(item["system"], "system");
        entry.system = system == "income" ? CodeSystem::none : code_system_from_name(system, item["system"]);
        const YAML::Node names = item["names"];
        if (!names || !names.IsSequence() || names.size() == 0) fail(where(item) + ": code " + entry.code + " has no names");
        for (const auto& n : names) {
            check_keys(n, {"name", "years", "documents"}, "catalogue name");
            entry.names.push_back(scalar(n["name"], "name"));
        }
        out.push_back(std::move(entry));
    }
    return out;
}

void read_file(const fs::path& path, LayoutSet& set, std::uint64_t& fingerprint) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) fail("cannot read the file");
    add_to_fingerprint(fingerprint, path.filename().string() + '\0' + bytes + '\0');
    YAML::Node root = YAML::Load(bytes);
    if (!root || root.IsNull()) return;
    check_keys(root, {"vocabulary", "layouts", "func_lei", "econ", "econ_gov", "codes"}, "file");
    if (root["vocabulary"]) read_vocabulary(root["vocabulary"], set.vocabulary);
    if (const YAML::Node layouts = root["layouts"]) {
        if (!layouts.IsSequence()) fail(where(layouts) + ": layouts must be a list");
        for (const auto& node : layouts) set.layouts.push_back(read_layout(node, path.filename().string()));
    }
    auto append = [](auto& to, auto from) { to.insert(to.end(), from.begin(), from.end()); };
    if (root["func_lei"]) append(set.func_lei, name_map(root["func_lei"], "func_lei"));
    if (root["econ"]) append(set.econ, name_map(root["econ"], "econ"));
    if (root["econ_gov"]) append(set.econ_gov, name_map(root["econ_gov"], "econ_gov"));
    if (root["codes"]) append(set.catalog, catalog_codes(root["codes"]));
}

// Comparison keys of every alias, computed once ("~X" keeps its mark: a suffix match).
std::string alias_key(const std::string& alias, std::string (*key_of)(const std::string&)) {
    return starts_with(alias, "~") ? "~" + key_of(alias.substr(1)) : key_of(alias);
}

template <typename Rules>
void prepare_rules(Rules& rules, std::string (*key_of)(const std::string&)) {
    for (auto& rule : rules) {
        rule.alias_keys.clear();
        for (const auto& alias : rule.aliases) rule.alias_keys.push_back(alias_key(alias, key_of));
    }
}

void prepare_alias_keys(LayoutSet& set) {
    Vocabulary& v = set.vocabulary;
    prepare_rules(v.measures, header_key);
    prepare_rules(v.sides, header_key);
    prepare_rules(v.columns, header_key);
    prepare_rules(v.rows, label_key);
    for (Layout& layout : set.layouts) {
        prepare_rules(layout.measures, header_key);
        prepare_rules(layout.column_parts, header_key);
        prepare_rules(layout.columns, header_key);
        prepare_rules(layout.rows, label_key);
    }
}

// Every row key a layout gives is declared in the vocabulary's row_keys, every measure a layout
// names is a vocabulary measure, and every row key and measure the identity checks read
// (model/check_keys.h) is declared: a typo or a renamed key fails here, not silently later.
void validate_keys(const LayoutSet& set) {
    const Vocabulary& v = set.vocabulary;
    std::set<std::string> rows(v.row_keys.begin(), v.row_keys.end());
    std::set<std::string> measures;
    for (const auto& r : v.measures) measures.insert(r.key);
    auto check_row = [&](const std::string& key, const std::string& where) {
        if (!rows.count(key)) fail(where + ": row key '" + key + "' is not declared in the vocabulary's row_keys");
    };
    for (const auto& r : v.rows) check_row(r.key, "vocabulary rows");
    for (const Layout& layout : set.layouts) {
        std::string where = layout.file + ": layout " + layout.id;
        for (const auto& r : layout.rows) check_row(r.key, where);
        for (const auto& r : layout.column_parts) check_row(r.key, where);
        for (const auto& r : layout.measures)
            if (!measures.count(r.key)) fail(where + ": measure '" + r.key + "' is not a vocabulary measure");
        if (!layout.default_measure.empty() && !measures.count(layout.default_measure))
            fail(where + ": default_measure '" + layout.default_measure + "' is not a vocabulary measure");
    }
    for (std::string_view key : keys::row_keys)
        if (!rows.count(std::string(key))) fail("the checks read row key '" + std::string(key) + "', which row_keys does not declare");
    for (std::string_view key : keys::measures)
        if (!measures.count(std::string(key)))
            fail("the checks read measure '" + std::string(key) + "', which the vocabulary does not declare");
}

void validate(const LayoutSet& set) {
    const Vocabulary& v = set.vocabulary;
    auto known = [](const std::vector<std::string>& list, const std::string& value) {
        return std::find(list.begin(), list.end(), value) != list.end();
    };
    std::set<std::string> ids;
    for (const Layout& layout : set.layouts) {
        std::string prefix = layout.file + ": layout " + layout.id;
        if (!ids.insert(layout.id).second) fail(prefix + ": duplicate id");
        if (!known(v.table_kinds, layout.kind)) fail(prefix + ": unknown table kind '" + layout.kind + "'");
        for (const auto& check : layout.checks)
            if (!known(v.checks, check)) fail(prefix + ": unknown check '" + check + "'");
    }
    if (set.layouts.empty()) fail("no layouts found");
    int fallbacks = static_cast<int>(std::count_if(set.layouts.begin(), set.layouts.end(),
                                                   [](const Layout& l) { return l.fallback; }));
    if (fallbacks > 1) fail("more than one fallback layout");
    if (v.unit_labels.empty()) fail("vocabulary: unit_labels is empty: no unit could be read");
    if (v.title_markers.empty()) fail("vocabulary: title_markers is empty: no title could be recognised");
    validate_keys(set);
}

std::vector<fs::path> yaml_files(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".yaml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

Result<LayoutSet> load_layouts(const std::string& templates_dir) {
    std::error_code ec;
    if (!fs::is_directory(templates_dir, ec))
        return Error{ErrorKind::invalid_layout, templates_dir + ": not a folder"};
    LayoutSet set;
    std::vector<fs::path> files = yaml_files(templates_dir);
    fs::path dir(templates_dir);
    if (!dir.has_filename()) dir = dir.parent_path();
    for (const char* sibling : {"maps", "catalog"})
        for (const auto& f : yaml_files(dir.parent_path() / sibling)) files.push_back(f);
    std::uint64_t fingerprint = fnv_offset;
    for (const auto& path : files) {
        try {
            read_file(path, set, fingerprint);
        } catch (const LayoutError& e) {
            return Error{ErrorKind::invalid_layout, path.filename().string() + ": " + e.message};
        } catch (const YAML::Exception& e) {
            return Error{ErrorKind::invalid_layout, path.filename().string() + ": " + e.what()};
        }
    }
    set.fingerprint = hex16(fingerprint);
    prepare_alias_keys(set);
    for (size_t i = 0; i < set.catalog.size(); ++i) {
        CatalogCode& entry = set.catalog[i];
        set.catalog_by_code.emplace(entry.code, i);
        for (const auto& name : entry.names) {
            entry.name_keys.push_back(label_key(name));
            set.catalog_by_name[entry.name_keys.back()].push_back(i);
        }
    }
    try {
        validate(set);
    } catch (const LayoutError& e) {
        return Error{ErrorKind::invalid_layout, e.message};
    }
    return set;
}

std::string default_layouts_dir() { return BUDGETPDF_LAYOUTS_DIR; }

}  // namespace budgetpdf
