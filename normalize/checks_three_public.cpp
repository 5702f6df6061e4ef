// The “三公” 经费 identities: 合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费 and
// 公务用车购置及运行费 = 公务用车购置费 + 公务用车运行（维护）费.
//
// How it works: every amount cell gets an item (one of the six parts) and a group (the cells
// that must add up together). Row form (预算 tables: one row per item, columns 合计 / 一般公共
// 预算 …): the item comes from the row (row_key, or the printed label) and the group is the
// measure. Column form (决算 tables: one row, columns 预算数/合计 … 决算数/公务接待费): the item
// comes from the measure key or the last header segments, and the group is the row plus the
// header segments that name no item (预算数, 决算数). Keys first, printed text second.

#include "normalize/checks_grid.h"

#include <map>
#include <optional>

namespace budgetpdf {
namespace {

enum class Item {
    total,  // 三公 合计
    overseas_travel,
    vehicle,  // 公务用车购置及运行费 (小计)
    vehicle_purchase,
    vehicle_operation,
    reception,
    grand_total,  // 合计 of 三公 + 会议费 + 培训费 (江苏)
    meetings,
    training,
};

// The row keys layouts/ gives the parts (layouts/templates: three_public layouts).
std::optional<Item> item_from_key(const std::string& key) {
    if (key == "three_public_total") return Item::total;
    if (key == "travel_abroad") return Item::overseas_travel;
    if (key == "vehicles") return Item::vehicle;
    if (key == "vehicle_purchase") return Item::vehicle_purchase;
    if (key == "vehicle_operation") return Item::vehicle_operation;
    if (key == "reception") return Item::reception;
    if (key == "grand_total") return Item::grand_total;
    if (key == "meetings") return Item::meetings;
    if (key == "training") return Item::training;
    return std::nullopt;
}

bool contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

std::string without_spaces(const std::string& text) {
    std::string out;
    for (char c : text)
        if (c != ' ') out += c;
    return out;
}

// One printed label or header segment; 小计 is resolved by the caller.
std::optional<Item> item_from_text(const std::string& raw) {
    std::string text = without_spaces(raw);
    if (contains(text, "因公出国")) return Item::overseas_travel;
    if (contains(text, "公务接待")) return Item::reception;
    if (contains(text, "购置及运行")) return Item::vehicle;
    if (contains(text, "购置费")) return Item::vehicle_purchase;
    if (contains(text, "运行维护") || contains(text, "运行费")) return Item::vehicle_operation;
    if (text == "合计" || contains(text, "三公")) return Item::total;
    return std::nullopt;
}

std::vector<std::string> segments(const std::string& label) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        std::size_t slash = label.find('/', start);
        out.push_back(without_spaces(label.substr(start, slash - start)));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return out;
}

struct ColumnItem {
    Item item;
    std::string group;  // header segments that name no item
};

std::optional<ColumnItem> item_from_header(const std::string& label) {
    std::vector<std::string> parts = segments(label);
    std::optional<Item> item;
    for (std::size_t i = parts.size(); i-- > 0;) {
        if (parts[i] == "小计") {
            item = i > 0 ? item_from_text(parts[i - 1]) : std::optional<Item>(Item::total);
            if (!item) item = Item::total;
            break;
        }
        if ((item = item_from_text(parts[i]))) break;
    }
    if (!item) return std::nullopt;
    std::string group;
    for (const std::string& p : parts)
        if (p != "小计" && !item_from_text(p)) group += p + "/";
    return ColumnItem{*item, group};
}

std::optional<Item> row_item(const CheckLine& line) {
    if (auto item = item_from_key(line.row_key)) return item;
    if (auto item = item_from_text(line.row_label)) return item;
    return std::nullopt;
}

const char* item_name(Item item) {
    switch (item) {
        case Item::total: return "三公合计";
        case Item::overseas_travel: return "因公出国（境）费";
        case Item::vehicle: return "公务用车购置及运行费";
        case Item::vehicle_purchase: return "公务用车购置费";
        case Item::vehicle_operation: return "公务用车运行维护费";
        case Item::reception: return "公务接待费";
        case Item::grand_total: return "合计";
        case Item::meetings: return "会议费";
        case Item::training: return "培训费";
    }
    return "";
}

using Group = std::map<Item, const CheckCell*>;

void check_group(const CheckTable& table, const std::string& group_name, const std::string& measure,
                 const Group& group, CheckLedger& ledger) {
    auto at = [&group](Item item) -> const CheckCell* {
        auto it = group.find(item);
        return it == group.end() ? nullptr : it->second;
    };
    IdentityText text;
    text.identity = "three_public_parts";
    text.table = &table;
    text.measure = measure;

    std::vector<const CheckCell*> vehicle_parts;
    for (Item part : {Item::vehicle_purchase, Item::vehicle_operation})
        if (const CheckCell* c = at(part)) vehicle_parts.push_back(c);

    std::vector<const CheckCell*> total_parts;
    std::string total_rhs;
    for (Item part : {Item::overseas_travel, Item::vehicle, Item::reception}) {
        total_rhs += total_rhs.empty() ? "" : " + ";
        if (part == Item::vehicle && !at(Item::vehicle)) {
            total_parts.insert(total_parts.end(), vehicle_parts.begin(), vehicle_parts.end());
            total_rhs += "公务用车购置费 + 公务用车运行维护费";
            continue;
        }
        if (const CheckCell* c = at(part)) total_parts.push_back(c);
        total_rhs += item_name(part);
    }
    if (at(Item::total)) {
        text.lhs = group_name + item_name(Item::total);
        text.rhs = total_rhs;
        ledger.expect_sum(text, at(Item::total), total_parts, EvaluateWhen::part_printed);
    }
    if (at(Item::vehicle)) {
        text.lhs = group_name + item_name(Item::vehicle);
        text.rhs = "公务用车购置费 + 公务用车运行维护费";
        ledger.expect_sum(text, at(Item::vehicle), vehicle_parts, EvaluateWhen::part_printed);
    }
    if (at(Item::grand_total) && (at(Item::meetings) || at(Item::training))) {
        std::vector<const CheckCell*> parts;
        if (at(Item::total)) {
            parts.push_back(at(Item::total));
            text.rhs = std::string(item_name(Item::total));
        } else {
            parts = total_parts;
            text.rhs = total_rhs;
        }
        for (Item part : {Item::meetings, Item::training})
            if (const CheckCell* c = at(part)) parts.push_back(c);
        text.rhs += " + 会议费 + 培训费";
        text.lhs = group_name + item_name(Item::grand_total);
        ledger.expect_sum(text, at(Item::grand_total), parts, EvaluateWhen::part_printed);
    }
}

}  // namespace

void check_three_public(const CheckTable& table, CheckLedger& ledger) {
    if (!table.promises("three_public_parts")) return;
    // Group name (and the measure shown in messages) → the cells of each item.
    std::map<std::string, std::pair<std::string, Group>> groups;
    std::vector<std::string> order;
    // A part printed twice in one group (a 预算数/决算数 header lost, so both halves read with one
    // measure) starts a second instance of the group, in column order.
    auto put = [&](const std::string& name, const std::string& measure, Item item, const CheckCell* cell) {
        for (int instance = 1;; ++instance) {
            std::string key = instance == 1 ? name : name + "#" + std::to_string(instance);
            auto [it, inserted] = groups.try_emplace(key, measure, Group{});
            if (inserted) order.push_back(key);
            if (it->second.second.emplace(item, cell).second) return;
        }
    };
    for (const CheckLine& line : table.lines) {
        std::optional<Item> item = row_item(line);
        if (!item && line.role == RowRole::total && line.code.empty()) item = Item::total;
        if (item) {  // row form: a row per item, a group per measure
            for (const CheckCell& c : line.cells)
                put(std::string(side_name(line.side)) + "|" + c.amount->measure, c.amount->measure, *item, &c);
            continue;
        }
        for (const CheckCell& c : line.cells) {  // column form
            std::optional<ColumnItem> column;
            if (auto key_item = item_from_key(c.amount->measure))
                column = ColumnItem{*key_item, ""};
            else
                column = item_from_header(c.amount->measure_label);
            if (!column) continue;
            std::string name = std::string(side_name(line.side)) + "|row " + std::to_string(line.row) + "|" + column->group;
            std::string measure = c.amount->measure;
            if (item_from_key(measure)) measure.clear();
            put(name, measure, column->item, &c);
        }
    }
    for (const std::string& name : order) {
        const auto& [measure, group] = groups.at(name);
        std::string shown;
        std::size_t bar = name.rfind('|');
        if (bar != std::string::npos && bar + 1 < name.size() && name.find("|row ") != std::string::npos)
            shown = name.substr(bar + 1);
        check_group(table, shown, measure, group, ledger);
    }
}

}  // namespace budgetpdf
