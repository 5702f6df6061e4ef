#pragma once
// Ordinals of OCR-read labels implied by their neighbours (model types only).

#include <functional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/table.h"

namespace budgetpdf {

// In each column of `table`, an OCR-read label whose lead-in was misread gets the number its
// neighbours leave it: in a run of labels numbered 一、 二、 … (the 类 rows of a summary table),
// one that reads AN一般公共预算 (a flat 一 and its 、 as Latin marks), 人人人、一般公共预算 (the
// numeral as strokes), 一、 where the run has 一、 already or where 二、 is due in a numbering
// from 一 (二 and 三 read 一: strokes lost), or 八社会保障和就业支出 (the 、 lost; only inside the
// run, and only the number expected there, so that 一般 or 三公 keep their first character).
// The run's numbering is the one most of its numbered labels follow (from 一 when none stands
// where a numbering could put it); a run where a text-layer label breaks it, or a number out of
// order that is no repeat nor strokes lost, or whose numbers the runs above and below leave no
// room for, is left as read. A run numbered from 一 is a section of its own (上年结转's rows
// number 一、 二、 again), which no run above constrains.
// `known_name`, when given, tells a label the layouts know by name (一般公共预算, 外交支出): an
// OCR label that is one or two other characters before such a name, and no known name itself
// (响一般公共预算, 下外交支出), starts with a misread lead-in too.
// Each mended label gets an info diagnostic `ocr_ordinal` with what was read.
using KnownName = std::function<bool(const std::string& label)>;

// The number of a label printed with a Chinese ordinal (八、社会保障和就业支出 → 8); 0 when it
// has none.
int chinese_ordinal(const std::string& label);

void mend_ocr_ordinals(Table& table, std::vector<Diagnostic>& diagnostics, const KnownName& known_name = {});

}  // namespace budgetpdf
