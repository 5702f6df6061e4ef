// Fuzz target: arbitrary bytes as printed cell text. normalize_text must be idempotent
// and give valid UTF-8; parse_amount must read a normalized text as it reads the raw one,
// and a value it returns must survive formatting and parsing again (as printed and as 元).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "normalize/amount.h"
#include "normalize/decimal.h"
#include "normalize/text.h"

namespace {

bool valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        int length = 0;
        char32_t c = 0;
        if (lead < 0x80) length = 1, c = lead;
        else if ((lead & 0xE0) == 0xC0) length = 2, c = lead & 0x1F;
        else if ((lead & 0xF0) == 0xE0) length = 3, c = lead & 0x0F;
        else if ((lead & 0xF8) == 0xF0) length = 4, c = lead & 0x07;
        else return false;
        if (i + static_cast<std::size_t>(length) > text.size()) return false;
        for (int k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            if ((next & 0xC0) != 0x80) return false;
            c = (c << 6) | (next & 0x3F);
        }
        const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (c < smallest[length] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
        i += static_cast<std::size_t>(length);
    }
    return true;
}

void require(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace budgetpdf;
    const std::string_view raw(reinterpret_cast<const char*>(data), size);

    const std::string once = normalize_text(raw);
    require(valid_utf8(once));
    require(normalize_text(once) == once);

    const ParsedAmount parsed = parse_amount(raw);
    const ParsedAmount reparsed = parse_amount(once);
    require(parsed.kind == reparsed.kind);
    if (parsed.kind != AmountKind::value) return 0;
    require(parsed.value == reparsed.value && parsed.decimals_printed == reparsed.decimals_printed);
    require(parsed.value.scale() == parsed.decimals_printed);

    const std::string printed = parsed.value.to_string();
    const ParsedAmount again = parse_amount(printed);
    require(again.kind == AmountKind::value && again.value == parsed.value);
    const auto exact = Decimal::parse(printed);
    require(exact && *exact == parsed.value && exact->scale() == parsed.value.scale());

    for (Unit unit : {Unit::yuan, Unit::wan_yuan, Unit::qian_yuan}) {
        const Decimal yuan = yuan_from(parsed.value, unit);
        const auto written = Decimal::parse(amount_yuan_string(yuan));
        require(written && *written == yuan);
    }
    return 0;
}
