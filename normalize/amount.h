#pragma once
// Printed amounts and units: what a table cell says (a value, not applicable, blank or
// unreadable) and exact conversion to 元.

#include <optional>
#include <string>
#include <string_view>

#include "normalize/decimal.h"

namespace budgetpdf {

enum class AmountKind {
    value,           // a number; `0`, `0.00` and a lone `-` are the value zero
    not_applicable,  // `——`, `—`, `/`, `*`, `－－`, `-—`: no amount applies
    blank,           // nothing printed
    unreadable,      // text that is none of the above (`12.3.4`, `合计`, `1,23`)
};

struct ParsedAmount {
    AmountKind kind = AmountKind::blank;
    Decimal value;              // meaningful only for AmountKind::value
    int decimals_printed = 0;   // digits after the decimal point as printed
};

// Reads a printed cell (normalized or not: it is normalized first). Accepts thousands
// separators in groups of three (`8,611,494.83`; `，` after NFKC), a leading `-`, `−`
// or `+`, and accounting negatives in brackets (`(123.00)`). More than 15 digits before
// the point or 6 after is unreadable, not a value.
ParsedAmount parse_amount(std::string_view printed);

enum class Unit { yuan, wan_yuan, qian_yuan };

// 元, 万元 or 千元 from a unit line such as `金额单位：万元` or `单位: 元`; nullopt when
// the text names none of them.
std::optional<Unit> unit_from_text(std::string_view text);
const char* unit_name(Unit unit);  // "元", "万元", "千元"

// The amount in 元, exactly: 万元 × 10^4, 千元 × 10^3.
Decimal yuan_from(Decimal amount, Unit unit);

// amount_yuan as SCHEMA.md writes it: exact, at least two decimals, `-` for negatives.
std::string amount_yuan_string(const Decimal& yuan);

}  // namespace budgetpdf
