// The “三公” 经费 identities: three_public_total = travel_abroad + vehicles + reception,
// vehicles = vehicle_purchase + vehicle_operation, and where 会议费/培训费 are printed beside
// them, grand_total = three_public_total + meetings + training.
//
// How it works: every amount cell gets its part from its row key (layouts/ gives the keys,
// from the row label when parts are rows, from the column header when parts are columns) and a
// group (the cells that must add up together). Parts as rows (预算 tables: a row per part,
// columns 合计 / 一般公共预算 …): the group is the column. Parts as columns (决算 tables, 深圳's
// rows by year, 西安's rows by unit): the group is the row plus the header levels above the
// part (预算数, 决算数, 上年, 当年) plus the measure (a fund sub-column). A row keyed as a total
// without a part key is the 三公 total.

#include "normalize/checks_grid.h"

#include <map>
#include <optional>

#include "model/check_keys.h"

namespace budgetpdf {
namespace {

enum class Item { total, travel, vehicles, vehicle_purchase, vehicle_operation, reception, grand_total, meetings, training };

struct ItemKey {
    Item item;
    std::string_view key;
};

constexpr ItemKey item_keys[] = {
    {Item::total, keys::three_public_total},
    {Item::travel, keys::travel_abroad},
    {Item::vehicles, keys::vehicles},
    {Item::vehicle_purchase, keys::vehicle_purchase},
    {Item::vehicle_operation, keys::vehicle_operation},
    {Item::reception, keys::reception},
    {Item::grand_total, keys::grand_total},
    {Item::meetings, keys::meetings},
    {Item::training, keys::training},
};

std::optional<Item> item_from_key(std::string_view key) {
    for (const ItemKey& k : item_keys)
        if (k.key == key) return k.item;
    return std::nullopt;
}

std::string key_of(Item item) {
    for (const ItemKey& k : item_keys)
        if (k.item == item) return std::string(k.key);
    return "";
}

using Group = std::map<Item, const CheckCell*>;

std::string joined(const std::vector<Item>& items) {
    std::string text;
    for (Item item : items) text += (text.empty() ? "" : " + ") + key_of(item);
    return text;
}

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
    std::string prefix = group_name.empty() ? "" : group_name + " ";

    std::vector<const CheckCell*> vehicle_parts;
    for (Item part : {Item::vehicle_purchase, Item::vehicle_operation})
        if (const CheckCell* c = at(part)) vehicle_parts.push_back(c);

    std::vector<const CheckCell*> total_parts;
    std::vector<Item> total_items;
    for (Item part : {Item::travel, Item::vehicles, Item::reception}) {
        if (part == Item::vehicles && !at(Item::vehicles)) {
            total_parts.insert(total_parts.end(), vehicle_parts.begin(), vehicle_parts.end());
            total_items.insert(total_items.end(), {Item::vehicle_purchase, Item::vehicle_operation});
            continue;
        }
        if (const CheckCell* c = at(part)) total_parts.push_back(c);
        total_items.push_back(part);
    }
    if (at(Item::total)) {
        text.lhs = prefix + key_of(Item::total);
        text.rhs = joined(total_items);
        ledger.expect_sum(text, at(Item::total), total_parts, EvaluateWhen::part_printed);
    }
    if (at(Item::vehicles)) {
        text.lhs = prefix + key_of(Item::vehicles);
        text.rhs = joined({Item::vehicle_purchase, Item::vehicle_operation});
        ledger.expect_sum(text, at(Item::vehicles), vehicle_parts, EvaluateWhen::part_printed);
    }
    if (at(Item::grand_total) && (at(Item::meetings) || at(Item::training))) {
        std::vector<const CheckCell*> parts;
        std::vector<Item> items;
        if (at(Item::total)) {
            parts.push_back(at(Item::total));
            items.push_back(Item::total);
        } else {
            parts = total_parts;
            items = total_items;
        }
        for (Item part : {Item::meetings, Item::training}) {
            if (const CheckCell* c = at(part)) parts.push_back(c);
            items.push_back(part);
        }
        text.lhs = prefix + key_of(Item::grand_total);
        text.rhs = joined(items);
        ledger.expect_sum(text, at(Item::grand_total), parts, EvaluateWhen::part_printed);
    }
}

}  // namespace

void check_three_public(const CheckTable& table, CheckLedger& ledger) {
    if (!table.promises("three_public_parts")) return;
    // Group name → (measure shown in messages, the cells of each item).
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
    std::map<std::string, std::string> shown_names;
    for (const CheckLine& line : table.lines) {
        std::optional<Item> item = item_from_key(line.row_key);
        if (!item && line.role == RowRole::total && line.code.empty() && line.row_key.empty()) item = Item::total;
        if (!item) continue;
        for (const CheckCell& c : line.cells) {
            const ReadAmount& a = *c.amount;
            std::string side = side_name(line.side);
            std::string name;
            if (a.part_in_header) {
                name = side + "|row " + std::to_string(line.row) + "|" + a.part_group + "|" + a.measure;
                shown_names[name] = a.part_group;
            } else {
                name = side + "|" + a.measure + "|" + a.measure_label;
            }
            put(name, a.measure, *item, &c);
        }
    }
    for (const std::string& name : order) {
        const auto& [measure, group] = groups.at(name);
        std::string base = name.substr(0, name.find('#'));
        auto shown = shown_names.find(base);
        check_group(table, shown == shown_names.end() ? std::string() : shown->second, measure, group, ledger);
    }
}

}  // namespace budgetpdf
