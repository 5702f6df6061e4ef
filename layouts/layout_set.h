#pragma once
// Layout templates as plain values: what the YAML files in layouts/templates and
// layouts/maps say, after loading and validation. The vocabulary (titles, header
// aliases, row keys, name maps, checks) lives in YAML; this header only gives it a shape.
// See layouts/README.md for the file format and how to add a city's variant.

#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "model/reading.h"
#include "model/result.h"

namespace budgetpdf {

// What a column of a table holds, decided from its header text.
enum class ColumnRole {
    none,        // no header alias fits
    ignore,      // 行次, 栏次, 序号: printed but not data
    code,        // a whole classification code (3/5/7 digits), maybe fused with the name
    code_lei,    // split code columns: 类 (3 digits) ...
    code_kuan,   // ... 款 (2 digits) ...
    code_xiang,  // ... 项 (2 digits)
    name,        // the row's item text
    name_gov,    // a second name column (政府预算支出经济科目名称), informational
    code_gov,    // a second code column (政府经济科目编码 beside the 部门 one), informational
    measure,     // an amount column
};

// A canonical key and the texts printed for it. An alias either matches one header
// level or, when it contains '/', the last levels of a header path ("“三公”经费/小计").
struct AliasRule {
    std::string key;
    std::vector<std::string> aliases;
    std::vector<std::string> alias_keys;  // each alias as header_key compares it (filled by the loader)
};

struct ColumnRoleRule {
    ColumnRole role = ColumnRole::none;
    std::vector<std::string> aliases;
    std::vector<std::string> alias_keys;  // as header_key compares them (filled by the loader)
};

// A labelled row: its canonical key, what it is for the checks, and the labels that
// name it (matched with leading ordinals removed).
struct RowKeyRule {
    std::string key;
    RowRole role = RowRole::item;
    bool starts_section = false;  // following keyed rows become "<key>.<their key>"
    bool not_amount = false;      // counts (车辆数), not money: read no amounts
    std::vector<std::string> aliases;
    std::vector<std::string> alias_keys;  // as label_key compares them (filled by the loader)
};

struct UnitRule {
    std::string unit;                  // 元, 万元 or 千元
    std::vector<std::string> markers;  // text that names it after 单位
};

// One table kind's printed form.
struct Layout {
    std::string id;            // e.g. final/expenditure
    std::string kind;          // canonical table kind (SCHEMA.md)
    std::string file;          // the YAML file it came from, for messages
    // A title matches an entry when it contains each of the entry's words (separated by
    // spaces in YAML: "一般公共预算 支出"); the longest match wins.
    std::vector<std::string> titles;
    std::vector<std::string> titles_exclude;   // ... unless it contains one of these
    bool fallback = false;     // reads tables that print amounts but that no other layout claims
    std::vector<std::string> requires_headers; // header texts that must all be present
    bool two_sided = false;                    // income block(s) left, expenditure right
    CodeSystem code_system = CodeSystem::none; // what a code column holds
    std::string name_map;                      // "", func_lei or econ: code rows printed by name
    std::string default_measure;               // measure for a column with only a part alias
    std::vector<std::string> checks;
    std::vector<std::string> excludes;     // what the table leaves out (non_fiscal_funds …); no stand-in for its kind
    // Keys of "1." rows under a keyed "一、" row read "parent.key" (fiscal_grant.general_budget);
    // false where the rows' own keys are what the checks read (三公 parts).
    bool breakdown_keys = true;
    std::vector<AliasRule> measures;       // consulted before the shared measures
    std::vector<AliasRule> column_parts;   // parts printed as columns (三公): key → row_key
    std::vector<RowKeyRule> rows;          // consulted before the shared rows
    std::vector<ColumnRoleRule> columns;   // consulted before the shared column roles
};

struct NameMapEntry {
    std::string code;
    std::vector<std::string> names;
    std::string years;  // e.g. "2019-" or "-2018": when the name was printed (informational)
};

// A name column's classification, from its header: which name map gives its rows codes
// (支出功能分类科目（按大类） → func_lei, 部门预算支出经济分类科目 → econ, 政府预算… → econ_gov).
struct NameMapRule {
    std::string map;                   // func_lei, econ or econ_gov
    std::vector<std::string> headers;  // a header containing one of these
};

struct Vocabulary {
    std::vector<std::string> table_kinds;
    std::vector<std::string> checks;        // identity names normalize/ implements
    std::vector<ColumnRoleRule> columns;
    std::vector<AliasRule> measures;
    std::vector<AliasRule> sides;           // income / expenditure group headers
    std::vector<RowKeyRule> rows;
    std::vector<std::string> row_keys;              // every row key a layout may give
    std::vector<std::string> column_number_labels;  // 栏次, 甲, 乙: labels of a column-number row
    std::vector<std::string> no_data_markers;       // 本表无数据
    std::vector<UnitRule> units;
    std::vector<std::string> unit_labels;           // 金额单位, 单位: the unit is the token after one of these
    std::vector<std::string> title_markers;         // a table title contains one of these (表)
    // A header under a group (基本支出/小计) means the group's measure when it is one of these.
    std::vector<std::string> generic_totals;
    // What a table leaves out, from its title (不含上年结转 → prior_carryover).
    std::vector<AliasRule> title_excludes;
    // Header words that make a total column this year's only (本年收入/合计 leaves 上年结转 out).
    std::vector<std::string> current_year_markers;
    std::vector<std::string> of_which_prefixes;     // 其中: a row singling out part of the row above
    // Header levels and row labels naming another period than the document's year (上年,
    // 增减变化情况); a year of its own (2025年预算数) is compared with the document's.
    std::vector<std::string> other_period_markers;
    std::vector<NameMapRule> name_map_headers;
};

// A code of the catalogue observed in published disclosures (layouts/catalog/codes.yaml) and the
// names printed for it.
struct CatalogCode {
    std::string code;
    CodeSystem system = CodeSystem::none;
    std::vector<std::string> names;      // as listed
    std::vector<std::string> name_keys;  // the names as label_key compares them
};

struct LayoutSet {
    std::string fingerprint;  // 16 hex digits over every file's name and bytes: what a dataset must redo
    Vocabulary vocabulary;
    std::vector<Layout> layouts;
    std::vector<NameMapEntry> func_lei;  // 类 names of 支出功能分类 (201 …)
    std::vector<NameMapEntry> econ;      // 部门预算支出经济分类 names (301 …, 30101 …)
    std::vector<NameMapEntry> econ_gov;  // 政府预算支出经济分类 names (501 …, 50101 …)
    std::vector<CatalogCode> catalog;    // codes and names printed in published disclosures
    std::map<std::string, size_t> catalog_by_code;                 // code → catalog index
    std::map<std::string, std::vector<size_t>> catalog_by_name;   // name key → catalog indexes
};

// Loads every *.yaml in templates_dir and in its sibling maps/ and catalog/ folders.
// An unreadable or invalid file gives Error{invalid_layout, "file: reason"}.
Result<LayoutSet> load_layouts(const std::string& templates_dir);

// The templates folder of the source tree this library was built from.
std::string default_layouts_dir();

// 类 code of a 支出功能分类 name as printed in summary tables, any year's name:
// "一、一般公共服务支出", "卫生健康支出", "医疗卫生与计划生育支出（类）" → 201 / 210.
std::optional<std::string> func_code_for_lei_name(const LayoutSet& layouts, const std::string& name);

// Whether a label, its leading ordinal aside, is a name the layouts know: a row alias (shared or
// a layout's own), a 类 or 经济分类 name of the name maps, or a name of the catalogue.
bool is_known_row_name(const LayoutSet& layouts, const std::string& label);

// The one name of name map `name_map` (func_lei, econ, econ_gov) that a label, its ordinal
// aside, misses by a single character (离体费 for 离休费), when the label names nothing itself
// and no other name is as close; names of fewer than three characters are never guessed, names
// whose label_key is in `taken` (printed by other rows) never given.
std::optional<std::string> name_one_character_away(const LayoutSet& layouts, const std::string& name_map,
                                                   const std::string& label, const std::set<std::string>& taken = {});

// 经济分类 code of a name: the 部门预算 set (301…399) first, then the 政府预算 set
// (501…599). lei_hint (a 3-digit 类 code) picks among names printed under several 类
// (住房公积金 is 30113, and 30311 in the 2017 catalog).
std::optional<std::string> econ_code_for_name(const LayoutSet& layouts, const std::string& name,
                                              const std::string& lei_hint = "");

// 政府预算支出经济分类 code of a name (501 …, 50101 …): the 政府预算 set only (对个人和家庭的补助
// is 303 in the 部门 set, 509 in this one).
std::optional<std::string> econ_gov_code_for_name(const LayoutSet& layouts, const std::string& name,
                                                  const std::string& lei_hint = "");

// The code the catalogue gives a name printed under `parent` (a 3- or 5-digit code): the one code
// two digits longer than the parent, starting with it, that has this name; nullopt when there is
// none or more than one.
std::optional<std::string> catalog_code_under(const LayoutSet& layouts, const std::string& name,
                                              const std::string& parent);

// Whether the catalogue knows `code` and lists `name` (or a name containing it, or contained in
// it) for it; nullopt when the catalogue does not know the code.
std::optional<bool> catalog_lists_name(const LayoutSet& layouts, const std::string& code, const std::string& name);

// The layout that reads tables no other layout claims (kind other); nullptr when none is declared.
const Layout* fallback_layout(const LayoutSet& layouts);

}  // namespace budgetpdf
