// Ordinals of OCR labels implied by their neighbours: misread lead-ins between numbered labels
// are mended, and nothing else is touched (labels printed so, text-layer cells, numbers the
// neighbours do not leave, other kinds of numbering).

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extract/ocr_ordinals.h"

using namespace budgetpdf;

namespace {

// One label column under a header row; every body cell read by OCR unless `text_layer`.
Table label_column(const std::vector<std::string>& labels, bool text_layer = false) {
    Table table;
    table.cols = 1;
    table.header_rows = 1;
    table.rows = static_cast<int>(labels.size()) + 1;
    Cell header;
    header.text = "项目";
    table.cells.push_back(header);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        Cell cell;
        cell.row = static_cast<int>(i) + 1;
        cell.page = 1;
        cell.text = labels[i];
        cell.read_by_ocr = !text_layer;
        table.cells.push_back(cell);
    }
    return table;
}

std::vector<std::string> mended(const std::vector<std::string>& labels, int* notes = nullptr, bool text_layer = false,
                                const KnownName& known_name = {}) {
    Table table = label_column(labels, text_layer);
    std::vector<Diagnostic> diagnostics;
    mend_ocr_ordinals(table, diagnostics, known_name);
    if (notes) *notes = static_cast<int>(diagnostics.size());
    std::vector<std::string> out;
    for (std::size_t i = 1; i < table.cells.size(); ++i) out.push_back(table.cells[i].text);
    return out;
}

}  // namespace

TEST_CASE("ocr ordinals: a misread lead-in gets the number its neighbours leave") {
    int notes = 0;
    // A flat 一 and its 、 read as Latin marks, first in the column.
    CHECK(mended({"AN一般公共预算", "二、政府性基金预算", "三、国有资本经营预算"}, &notes) ==
          std::vector<std::string>{"一、一般公共预算", "二、政府性基金预算", "三、国有资本经营预算"});
    CHECK(notes == 1);
    CHECK(mended({"N\\一般公共服务支出", "二、外交支出"})[0] == "一、一般公共服务支出");
    CHECK(mended({"nN\\一般公共服务支出", "一-、外交支出", "一、国防支出", "四、公共安全支出"}) ==
          std::vector<std::string>{"一、一般公共服务支出", "二、外交支出", "三、国防支出", "四、公共安全支出"});
    // The numeral read as strokes before its 、.
    CHECK(mended({"人人人、一般公共预算", "二、政府性基金预算"})[0] == "一、一般公共预算");
    // The 、 lost, between 七、 and 九、; two-character numerals too.
    CHECK(mended({"七、文化旅游体育与传媒支出", "八社会保障和就业支出", "九、卫生健康支出"})[1] == "八、社会保障和就业支出");
    CHECK(mended({"十九、金融支出", "N二十、住房保障支出", "二十一、粮油物资储备支出"})[1] == "二十、住房保障支出");
    CHECK(mended({"十九、金融支出", "二十住房保障支出", "二十一、粮油物资储备支出"})[1] == "二十、住房保障支出");
    // 二 and 三 read as 一: numbers the run already has, mended to the numbering most follow.
    CHECK(mended({"AN一般公共预算", "一、政府性基金预算", "一、国有资本经营预算", "四、财政专户管理资金", "五、单位资金"}) ==
          std::vector<std::string>{"一、一般公共预算", "二、政府性基金预算", "三、国有资本经营预算", "四、财政专户管理资金",
                                   "五、单位资金"});
    // Last in the column, after 三、.
    CHECK(mended({"二、政府性基金预算", "三、国有资本经营预算", "AN财政专户管理资金"})[2] == "四、财政专户管理资金");
}

TEST_CASE("ocr ordinals: labels the neighbours do not number are left as read") {
    int notes = 0;
    // 一般 keeps its 一: a lost 、 counts only between two numbered neighbours.
    CHECK(mended({"一般公共服务支出", "二、外交支出"}, &notes)[0] == "一般公共服务支出");
    // Between 二、 and 五、 the neighbours leave no single number.
    CHECK(mended({"二、外交支出", "三公经费", "五、教育支出"})[1] == "三公经费");
    // Right before 三、 after a child row of 一、: 二、; but not when 二、 is above already, nor
    // away from both numbered neighbours.
    CHECK(mended({"一、一般公共服务支出", "人大事务", "AN外交支出", "三、国防支出"})[2] == "二、外交支出");
    CHECK(mended({"二、外交支出", "人大事务", "AN国防支出", "三、公共安全支出"})[2] == "AN国防支出");
    CHECK(mended({"一、一般公共服务支出", "人大事务", "AN外交支出", "其他", "三、国防支出"})[2] == "AN外交支出");
    // Numbers of another kind before a 、 are the label's own.
    CHECK(mended({"一、工资福利支出", "1、基本工资", "三、对个人和家庭的补助"})[1] == "1、基本工资");
    // A numeral that is not the one expected stays.
    CHECK(mended({"七、文化旅游体育与传媒支出", "六社会保障和就业支出", "九、卫生健康支出"})[1] == "六社会保障和就业支出");
    // A number skipped, not repeated, is the document's own (一、二、三、五、 stays).
    CHECK(mended({"一、甲", "二、乙", "三、丙", "五、丁"})[3] == "五、丁");
    // Text-layer labels are what the document prints.
    CHECK(mended({"一、甲", "一、乙", "三、丙", "四、丁"}, &notes, true)[1] == "一、乙");
    CHECK(mended({"AN一般公共预算", "二、政府性基金预算"}, &notes, true)[0] == "AN一般公共预算");
    CHECK(notes == 0);
}

TEST_CASE("ocr ordinals: a known name after a misread lead-in, strokes lost, a section numbered anew") {
    const KnownName names = [](const std::string& label) {
        for (const char* name : {"一般公共预算", "政府性基金预算", "国有资本经营预算", "一般公共服务支出", "外交支出", "国防支出"})
            if (label == name) return true;
        return false;
    };
    // One Chinese character read in the lead-in's place (200 dpi): told from the label's own
    // first character only by the known name after it.
    CHECK(mended({"响一般公共预算", "二、政府性基金预算"}, nullptr, false, names)[0] == "一、一般公共预算");
    CHECK(mended({"响一般公共预算", "二、政府性基金预算"})[0] == "响一般公共预算");
    CHECK(mended({"一、一般公共服务支出", "下外交支出", "三、国防支出"}, nullptr, false, names)[1] == "二、外交支出");
    // Latin marks, then the numeral itself, before a known name (、 read / before 二).
    CHECK(mended({"一、一般公共服务支出", "/二外交支出", "三、国防支出"}, nullptr, false, names)[1] == "二、外交支出");
    CHECK(mended({"N一般公共服务支出", "二、外交支出", "三、国防支出"}, nullptr, false, names)[0] == "一、一般公共服务支出");
    // A known name itself keeps its first character; an unknown rest too.
    CHECK(mended({"一般公共预算", "二、政府性基金预算"}, nullptr, false, names)[0] == "一般公共预算");
    CHECK(mended({"一、一般公共服务支出", "下属单位", "三、国防支出"}, nullptr, false, names)[1] == "下属单位");
    // 二 read 一 (a stroke lost) in a numbering that starts at 一, and 一 before a known name
    // with its 、 lost.
    CHECK(mended({"响一般公共预算", "一、政府性基金预算", "一国有资本经营预算", "四、财政专户管理资金"}, nullptr, false, names) ==
          std::vector<std::string>{"一、一般公共预算", "二、政府性基金预算", "三、国有资本经营预算", "四、财政专户管理资金"});
    // Not where the numbering would start later: 一、 before 三、 四、 五、 may be the document's.
    CHECK(mended({"一、甲", "三、乙", "四、丙", "五、丁"})[0] == "一、甲");
    // A second section numbered from 一 again (上年结转's rows under 本年收入合计) needs no room
    // from the numbers above it.
    CHECK(mended({"一、一般公共预算", "二、政府性基金预算", "本年收入合计", "]一般公共预算", "一政府性基金预算",
                  "三、国有资本经营预算"},
                 nullptr, false, names) ==
          std::vector<std::string>{"一、一般公共预算", "二、政府性基金预算", "本年收入合计", "一、一般公共预算",
                                   "二、政府性基金预算", "三、国有资本经营预算"});
}
