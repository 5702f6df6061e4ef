#pragma once
// What a line printed around a table is: a tag, an organisation, a unit, a period, a note,
// a 续表 mark, page furniture, a heading of the document's text, a sentence, or plain text
// (a title when it stands out).

#include <string>
#include <vector>

namespace budgetpdf {

enum class LineKind {
    other,            // plain text: a title when it stands out
    tag,              // 公开01表, 预算01表, 公开表2, 表一, 附表1-1
    organisation,     // 部门名称：…, 编制单位：…, 部门（单位）：…, 单位：<name>
    unit,             // 金额单位：元, 单位：万元
    period,           // 2022年度
    note,             // 注：…, 说明：…, 备注
    continued,        // 续表, (续)
    page_furniture,   // page numbers and footers: 12, -12-, 第12页, 第1页，共15页, 1/15, Page 1 of 15
    part_heading,     // 第二部分 …: the heading of a part of the document, never a table's
    section_heading,  // 一、… （三）… 1.…: a numbered heading of the document's text
    prose,            // a sentence or the piece of one: ends with 。；：， or holds a 。
};

// The kind of a line (white space is ignored).
LineKind classify_line(const std::string& text);

// A section heading that names a table (…表, …表（…）): the title only when nothing
// plainer stands above the table.
bool names_a_table(const std::string& text);

// One printed run cut into the pieces it holds: a leading tag is cut from the rest
// (预算10表 政府采购预算明细表), a unit printed after an organisation or a title is cut
// from it (编制单位：某局 金额单位：万元). Pieces keep their order; spaces between CJK
// characters are removed. A run holding one thing comes back whole.
std::vector<std::string> split_context_text(const std::string& text);

// Page numbers and footers: 12, -12-, 第12页, 第 1 页，共 15 页, 共3页 第1页, 1/15.
bool is_page_furniture(const std::string& text);

}  // namespace budgetpdf
