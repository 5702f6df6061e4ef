#include "normalize/metadata.h"

// How it works: the cover is the first page with text, its spans joined into lines by
// their vertical centres; the table lines are each table's title, organisation, unit and
// period. Every line is normalized and searched for evidence:
//   department  `部门名称:X` / `单位名称:X` / `编制部门:X` / `编制单位:X` labels, a cover
//               line that is only an organisation name, or the name printed next to the
//               year in a title (`阳泉市商务局2022年度部门决算公开`, `2023年度岳阳市商务局整体…`);
//   year        `2022年` / `2022年度` in title-like lines;
//   stage       决算 beats 预算 in a line, after fund names (一般公共预算 …) are removed;
//   scope       部门预算/部门决算/部门收支 → 部门, 单位预算/单位决算 → 单位.
// For each field the cover's majority wins, otherwise the tables' majority; more than one
// distinct value gives a metadata_conflict diagnostic. The region is the place prefix of
// the department (省/市/区/县 segments).

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "normalize/text.h"

namespace budgetpdf {
namespace {

constexpr int first_fiscal_year = 1990;
constexpr size_t cover_title_lines = 3;  // a cover's title wraps over at most this many lines
constexpr int last_fiscal_year = 2100;
constexpr int min_department_chars = 3;
constexpr int max_department_chars = 40;
constexpr int cover_name_lines = 8;        // a bare organisation name is looked for this high up
constexpr int max_place_name_chars = 6;    // characters before 省/市/区/县 in one place segment
constexpr double same_line_fraction = 0.5; // of the taller span's height, between centres

using CodePoints = std::u32string;

CodePoints code_points_from(const std::string& utf8) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    CodePoints points;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1))
        points.push_back(static_cast<char32_t>(text.char32At(i)));
    return points;
}

std::string utf8_from(const CodePoints& points) {
    icu::UnicodeString text;
    for (char32_t c : points) text.append(static_cast<UChar32>(c));
    std::string out;
    text.toUTF8String(out);
    return out;
}

bool is_han(char32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN && U_SUCCESS(status);
}

std::string without_spaces(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c != ' ') out.push_back(c);
    return out;
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

// Last characters of organisation names: 局, 委员会, 办公厅, 法院, 中心, (本级) …
bool is_organisation_suffix(char32_t c) {
    return std::u32string_view(U"局厅院委会办室处部署府所站校队馆社团心宫园台行司庭组").find(c) !=
           std::u32string_view::npos;
}

// A name as printed after a label: Han characters and brackets only.
bool looks_like_name(const CodePoints& name) {
    int length = static_cast<int>(name.size());
    if (length < min_department_chars || length > max_department_chars) return false;
    for (char32_t c : name)
        if (!is_han(c) && c != U'(' && c != U')') return false;
    return true;
}

// An organisation name found without a label: a name that ends like one.
bool looks_like_organisation(const CodePoints& name) {
    if (!looks_like_name(name)) return false;
    CodePoints core = name;
    if (core.back() == U')') {
        size_t open = core.rfind(U'(');
        if (open == CodePoints::npos || open == 0) return false;
        core.resize(open);
    }
    return is_organisation_suffix(core.back()) && core.find(U'(') == CodePoints::npos;
}

struct YearMention {
    size_t start = 0;  // code point index of the first digit
    size_t end = 0;    // just after 年 (and 度)
    std::string year;
};

std::vector<YearMention> year_mentions(const CodePoints& line) {
    std::vector<YearMention> found;
    for (size_t i = 0; i + 4 < line.size(); ++i) {
        bool digits = true;
        for (size_t k = 0; k < 4; ++k) digits = digits && line[i + k] >= U'0' && line[i + k] <= U'9';
        if (!digits || line[i + 4] != U'年') continue;
        if (i > 0 && line[i - 1] >= U'0' && line[i - 1] <= U'9') continue;
        int year = 0;
        for (size_t k = 0; k < 4; ++k) year = year * 10 + static_cast<int>(line[i + k] - U'0');
        if (year < first_fiscal_year || year > last_fiscal_year) continue;
        size_t end = i + 5;
        if (end < line.size() && line[end] == U'度') ++end;
        found.push_back({i, end, std::to_string(year)});
    }
    return found;
}

// Words that end the name printed after a year (`2023年度岳阳市商务局整体支出…`).
constexpr std::u32string_view name_stop_words[] = {
    U"部门", U"单位", U"预算", U"决算", U"专项", U"整体", U"项目", U"信息", U"公开", U"绩效", U"收支"};

// Drops what can precede a name in a heading: `第二部分`, `本表反映`.
CodePoints without_heading_prefix(CodePoints text) {
    if (!text.empty() && text.front() == U'第') {
        size_t part = text.find(U"部分");
        if (part != CodePoints::npos) text.erase(0, part + 2);
    }
    for (std::u32string_view lead : {std::u32string_view(U"本表反映"), std::u32string_view(U"反映")})
        if (text.compare(0, lead.size(), lead) == 0) text.erase(0, lead.size());
    return text;
}

std::optional<std::string> department_near_year(const CodePoints& line, const YearMention& year) {
    CodePoints before = without_heading_prefix(line.substr(0, year.start));
    if (looks_like_organisation(before)) return utf8_from(before);
    CodePoints after = line.substr(year.end);
    size_t cut = after.size();
    for (std::u32string_view word : name_stop_words) cut = std::min(cut, after.find(word));
    after.resize(cut);
    if (looks_like_organisation(after)) return utf8_from(after);
    return std::nullopt;
}

// Labels after which a department name is printed.
constexpr std::string_view department_labels[] = {
    "部门名称:", "单位名称:", "编制部门:", "编制单位:", "预算单位:", "填报单位:", "部门:", "单位:"};

std::optional<std::string> department_after_label(const std::string& line) {
    for (std::string_view label : department_labels) {
        size_t at = line.find(label);
        while (at != std::string::npos) {
            std::string value = line.substr(at + label.size());
            if (!value.empty() && value.front() == ' ') value.erase(0, 1);
            value = value.substr(0, value.find(' '));
            for (std::string_view next : {"金额单位", "单位:", "单位名称", "编制"}) {
                size_t stop = value.find(next);
                if (stop != std::string::npos) value.resize(stop);
            }
            bool is_unit = value.rfind("元", 0) == 0 || value.rfind("万元", 0) == 0 || value.rfind("千元", 0) == 0;
            if (!is_unit && looks_like_name(code_points_from(value))) return value;
            at = line.find(label, at + label.size());
        }
    }
    return std::nullopt;
}

std::optional<std::string> stage_in(std::string line) {
    if (contains(line, "决算")) return "决算";
    for (std::string_view fund : {"一般公共预算", "政府性基金预算", "国有资本经营预算", "预算数", "预算外"}) {
        for (size_t at = line.find(fund); at != std::string::npos; at = line.find(fund))
            line.erase(at, fund.size());
    }
    if (contains(line, "预算")) return "预算";
    return std::nullopt;
}

std::optional<std::string> scope_in(const std::string& line, bool cover) {
    bool department = contains(line, "部门预算") || contains(line, "部门决算") ||
                      (cover && contains(line, "部门收支"));
    bool unit = contains(line, "单位预算") || contains(line, "单位决算");
    if (department && !unit) return "部门";
    if (unit && !department) return "单位";
    return std::nullopt;
}

// Evidence for one field: value → (cover count, table count), in first-seen order.
class Votes {
public:
    void add(const std::string& value, bool cover) {
        auto it = std::find_if(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.value == value; });
        if (it == entries_.end()) it = entries_.insert(entries_.end(), Entry{value, 0, 0});
        (cover ? it->cover : it->tables) += 1;
    }

    std::string winner(const char* field, std::vector<Diagnostic>& diagnostics) const {
        if (entries_.empty()) return {};
        bool any_cover = std::any_of(entries_.begin(), entries_.end(), [](const Entry& e) { return e.cover > 0; });
        const Entry* best = nullptr;
        for (const Entry& e : entries_) {
            int score = any_cover ? e.cover : e.tables;
            int best_score = best ? (any_cover ? best->cover : best->tables) : 0;
            if (score > best_score) best = &e;
        }
        if (entries_.size() > 1) {
            std::string message = std::string(field) + ": using " + best->value + ";";
            for (const Entry& e : entries_)
                message += " " + e.value + " (cover " + std::to_string(e.cover) + ", tables " +
                           std::to_string(e.tables) + ")";
            Diagnostic d;
            d.severity = Severity::warning;
            d.kind = "metadata_conflict";
            d.message = message;
            diagnostics.push_back(std::move(d));
        }
        return best->value;
    }

private:
    struct Entry {
        std::string value;
        int cover = 0;
        int tables = 0;
    };
    std::vector<Entry> entries_;
};

bool is_title_like(const std::string& compact) {
    return contains(compact, "预算") || contains(compact, "决算") || contains(compact, "公开") ||
           contains(compact, "年度") || contains(compact, "报告");
}

std::vector<std::string> page_lines(const Page& page) {
    std::vector<std::string> lines;
    std::string current;
    const TextSpan* previous = nullptr;
    for (const TextSpan& span : page.spans) {
        bool same_line = previous &&
                         std::abs(span.bbox.center_y() - previous->bbox.center_y()) <
                             same_line_fraction * std::max(span.bbox.height(), previous->bbox.height());
        if (previous && !same_line) {
            lines.push_back(current);
            current.clear();
        }
        if (!current.empty()) current.push_back(' ');
        current += span.text;
        previous = &span;
    }
    if (!current.empty()) lines.push_back(current);
    return lines;
}

}  // namespace

std::string region_from_department(const std::string& department) {
    CodePoints name = code_points_from(normalize_text(department));
    for (std::u32string_view party : {std::u32string_view(U"中国共产党"), std::u32string_view(U"中共")})
        if (name.substr(0, party.size()) == party) name.erase(0, party.size());
    size_t position = 0;
    for (bool first = true;; first = false) {
        size_t found = CodePoints::npos;
        size_t suffix_length = 0;
        int min_chars = 2;
        for (int k = min_chars; k <= max_place_name_chars && position + k < name.size(); ++k) {
            size_t at = position + static_cast<size_t>(k);
            bool all_han = true;
            for (size_t i = position; i < at; ++i) all_han = all_han && is_han(name[i]);
            if (!all_han) break;
            if (name.compare(at, 3, U"自治区") == 0 || name.compare(at, 3, U"自治州") == 0 ||
                name.compare(at, 3, U"自治县") == 0) {
                found = at;
                suffix_length = 3;
                break;
            }
            char32_t c = name[at];
            bool suffix = first ? std::u32string_view(U"省市区县").find(c) != std::u32string_view::npos
                                : std::u32string_view(U"市区县州旗盟").find(c) != std::u32string_view::npos;
            if (suffix) {
                found = at;
                suffix_length = 1;
                break;
            }
        }
        if (found == CodePoints::npos) break;
        position = found + suffix_length;
    }
    return utf8_from(name.substr(0, position));
}

DocumentMeta infer_document_meta_from_lines(const std::vector<std::string>& cover_lines,
                                            const std::vector<std::string>& table_lines,
                                            std::vector<Diagnostic>& diagnostics) {
    Votes departments, years, stages, scopes;
    auto read_line = [&](const std::string& raw, bool cover, int line_number) {
        std::string line = normalize_text(raw);
        std::string compact = without_spaces(line);
        if (compact.empty()) return;
        CodePoints points = code_points_from(compact);
        bool title_like = is_title_like(compact);

        if (auto department = department_after_label(line)) departments.add(*department, cover);
        if (cover && line_number < cover_name_lines && looks_like_organisation(points))
            departments.add(compact, cover);
        for (const YearMention& mention : year_mentions(points)) {
            if (!cover || title_like) years.add(mention.year, cover);
            if (auto department = department_near_year(points, mention)) departments.add(*department, cover);
        }
        if (!cover || title_like) {
            if (auto stage = stage_in(compact)) stages.add(*stage, cover);
        }
        if (auto scope = scope_in(compact, cover)) scopes.add(*scope, cover);
    };
    for (size_t i = 0; i < cover_lines.size(); ++i) read_line(cover_lines[i], true, static_cast<int>(i));
    // A cover title wrapped over lines (2026 年深圳市统计局（本级）部门预 | 算, or 2026年 |
    // 广州市统计局部门预算) is read once more joined.
    std::string cover_title;
    for (size_t i = 0; i < cover_lines.size() && i < cover_title_lines; ++i) cover_title += cover_lines[i];
    if (cover_lines.size() > 1) read_line(cover_title, true, 0);
    for (size_t i = 0; i < table_lines.size(); ++i) read_line(table_lines[i], false, static_cast<int>(i));

    DocumentMeta meta;
    meta.department = departments.winner("department", diagnostics);
    meta.year = years.winner("year", diagnostics);
    meta.stage = stages.winner("stage", diagnostics);
    meta.scope = scopes.winner("scope", diagnostics);
    meta.region = region_from_department(meta.department);
    return meta;
}

DocumentMeta infer_document_meta(const ExtractedDocument& document, std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> cover_lines;
    for (const Page& page : document.pages) {
        cover_lines = page_lines(page);
        if (!cover_lines.empty()) break;
    }
    std::vector<std::string> table_lines;
    for (const Table& table : document.tables) {
        const TableContext& context = table.context;
        for (const std::string* field : {&context.title, &context.organisation, &context.unit, &context.period})
            if (!field->empty()) table_lines.push_back(*field);
    }
    return infer_document_meta_from_lines(cover_lines, table_lines, diagnostics);
}

}  // namespace budgetpdf
