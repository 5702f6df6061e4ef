#pragma once
// Internal to layouts/: the unit a table prints (金额单位：万元, 单位：元).

#include <string>
#include <vector>

#include "layouts/layout_set.h"

namespace budgetpdf {

struct UnitFound {
    std::string unit;      // 元, 万元 or 千元; empty when none is printed
    std::string conflict;  // a second, different unit printed for the same table; empty when none
    std::string text;      // the text the unit was read from
};

// The unit is the token right after a unit label (金额单位, 单位, with or without a colon): a
// unit word not followed by another CJK character (编制单位：元宝山区 names no unit). Texts are
// read in order; the first unit found is the table's, and a different unit in any of the texts
// is a conflict. A unit word alone in brackets (预算金额（万元）, 金额(元)) states a unit too.
UnitFound read_unit(const Vocabulary& vocabulary, const std::vector<std::string>& texts);

}  // namespace budgetpdf
