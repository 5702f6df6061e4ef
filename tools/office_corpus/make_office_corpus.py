#!/usr/bin/env python3
"""Renders seed tables through LibreOffice Calc, as a second, independent producer of test PDFs.

How it works: the seed text files are read the way tools/make_corpus reads them (tab-separated
blocks; title/tag/部门名称/单位 lines above, 注：/说明： lines below; same table indices as
`make_corpus --list`). Each chosen table becomes one sheet of a flat OpenDocument spreadsheet
(.fods): the lines above as merged rows (title centred, tag, the 部门名称/年度/单位 lines spread
left-centre-right on one row), the table with thin borders (on every cell, or horizontal lines
only, as the document's variant says; see DOCUMENTS), header cells merged
where the seed's flattened header is clearly merged (same rule as make_corpus: a header cell
followed by empty cells spans them when a header row below has text there; a header cell with
only empty cells below spans those rows), the header rows marked as print-repeated rows (one table per sheet),
and the notes below as merged wrapped rows. Sheets whose columns do not fit an A4 portrait page are set
landscape and scaled to the page width. `soffice --headless --convert-to pdf` then prints every
sheet on its own page(s); Calc itself chooses row heights, line breaks and page breaks.

Run by hand (LibreOffice is not needed to build or test budgetpdf):

    tools/office_corpus/make_office_corpus.py --seeds ../shared/seeds --out corpus/office

Only the Python 3 standard library is used.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

# Which seed tables go into which PDF. Each list is exactly the table set of a corpus/grid PDF,
# so that PDF's expected records (corpus/records/<grid name>.truth.csv) are this PDF's too.
# The last field varies how the spreadsheet is set up, as users' spreadsheets vary:
#   numeric: amounts are number cells formatted #,##0.00 (thousands separators, as Excel/WPS
#            exports print them) instead of text cells copied from the seed;
#   western_font: font of Latin letters and digits (CJK text stays WenQuanYi Micro Hei);
#   page: "A4" or "A5" (A5 makes long tables break over pages under their repeated header);
#   borders: "all" (every cell framed) or "rows" (horizontal lines only, no vertical lines);
#   stacked: all tables on one sheet, one under the other, separated by two empty rows;
#   padding_cm: space between a cell's border and its text (Calc's default is about 0.03 cm).
DOCUMENTS = [
    ("yangquan_final_office", "000_", list(range(1, 11)), "yangquan_final_full_grid",
     {"numeric": True, "western_font": "DejaVu Sans", "page": "A4", "borders": "all", "stacked": False}),
    ("yangquan_budget_office", "002_", list(range(1, 8)), "yangquan_budget_fill_borders",
     {"numeric": False, "western_font": "WenQuanYi Micro Hei", "page": "A5", "borders": "all", "stacked": False}),
    ("yangquan_budget_office_short_tables", "002_", list(range(7, 14)),
     "yangquan_budget_several_tables_per_page",
     {"numeric": True, "western_font": "DejaVu Serif", "page": "A4", "borders": "all", "stacked": True}),
    ("jincheng_budget_office", "003_", list(range(1, 14)), "jincheng_budget_merged_headers",
     {"numeric": True, "western_font": "WenQuanYi Micro Hei", "page": "A4", "borders": "rows", "stacked": False,
      "padding_cm": 0.25}),
]

MAX_LINES_ABOVE = 6
IDEOGRAPHIC_SPACE = "\u3000"

PAGE_CM = {"A4": (21.0, 29.7), "A5": (14.8, 21.0)}
MARGIN_CM = 1.5
FONT_PT = 9
CM_PER_PT = 2.54 / 72
# Column width limits in cm; longer text wraps inside the cell.
MIN_COLUMN_CM = 1.2
MAX_LABEL_COLUMN_CM = 6.0
MAX_OTHER_COLUMN_CM = 3.2


def trim_text(text):
    changed = True
    while changed:
        before = text
        text = text.strip(" \r")
        if text.startswith(IDEOGRAPHIC_SPACE):
            text = text[1:]
        if text.endswith(IDEOGRAPHIC_SPACE):
            text = text[:-1]
        changed = text != before
    return text


def is_note_line(line):
    return line.startswith("注：") or line.startswith("说明：") or line.startswith("注:")


def is_section_line(line):
    return re.search(r"^第.{1,6}部分", line) is not None


def split_tabs(line):
    return [trim_text(cell) for cell in line.split("\t")]


def is_dash_row(cells):
    texts = [c for c in cells if c]
    return bool(texts) and all(set(c) == {"-"} for c in texts)


def is_note_row(cells):
    return bool(cells) and is_note_line(cells[0]) and all(not c for c in cells[1:])


def is_tag_line(line):
    return re.fullmatch(r"公开\d+表|预算公开表\d+|部门公开表\d+|表[一二三四五六七八九十]+", line) is not None


def read_seed_tables(path):
    """The seed's tables as dicts with lines_above, rows, notes, title, tag (make_corpus's rules)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    tables = []
    i = 0
    previous_end = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            i += 1
            continue
        table = {"lines_above": [], "rows": [], "notes": [], "title": "", "tag": ""}
        for k in range(i - 1, previous_end - 1, -1):
            line = trim_text(lines[k])
            if not line:
                continue
            if is_note_line(line) or is_section_line(line):
                break
            if len(table["lines_above"]) == MAX_LINES_ABOVE:
                break
            table["lines_above"].insert(0, line)
        j = i
        while j < len(lines) and ("\t" in lines[j] or not trim_text(lines[j])):
            if "\t" in lines[j]:
                cells = split_tabs(lines[j])
                if is_note_row(cells):
                    table["notes"].append(cells[0])
                elif not is_dash_row(cells):
                    table["rows"].append(cells)
            j += 1
        while j < len(lines):
            line = trim_text(lines[j])
            if line and not is_note_line(line):
                break
            if line:
                table["notes"].append(line)
            j += 1
        width = 0
        for row in table["rows"]:
            for c, cell in enumerate(row):
                if cell:
                    width = max(width, c + 1)
        table["rows"] = [(row + [""] * width)[:width] for row in table["rows"]]
        for line in table["lines_above"]:
            if is_tag_line(line):
                table["tag"] = line
            elif not table["title"] and "表" in line and "：" not in line:
                table["title"] = line
        if table["rows"]:
            tables.append(table)
        previous_end = j
        i = j
    return tables


def is_amount_text(text):
    return re.fullmatch(r"-?[\d,]+\.\d{1,2}", text) is not None


def is_column_number_row(row):
    numbers = 0
    for c, cell in enumerate(row):
        if not cell or (c == 0 and cell == "栏次"):
            continue
        if re.fullmatch(r"\d{1,2}", cell) is None:
            return False
        numbers += 1
    return numbers >= 2


def is_body_row(row):
    if any(is_amount_text(c) for c in row):
        return True
    first = row[0] if row else ""
    texts = sum(1 for c in row if c)
    if len(row) > 2 and texts == 1 and first:
        return True
    return re.search(r"^(合计|总计|部门合计|收入总计|一、|\d{3,7}$|（一）|\(一\))", first) is not None


def header_row_count(rows):
    for r, row in enumerate(rows):
        if is_column_number_row(row):
            return r + 1
    count = 0
    while count < len(rows) and not is_body_row(rows[count]):
        count += 1
    return 0 if count == len(rows) else count


def header_spans(rows, header_rows):
    """(row, col) -> (row_span, col_span) for the merged header cells; covered cells map to None."""
    cols = len(rows[0]) if rows else 0
    covered = [[False] * cols for _ in rows]
    spans = {}
    for r in range(header_rows):
        for c in range(cols):
            if covered[r][c]:
                continue
            row_span, col_span = 1, 1
            if rows[r][c]:
                def text_below(col):
                    return any(rows[b][col] for b in range(r + 1, header_rows))
                while (c + col_span < cols and not covered[r][c + col_span] and not rows[r][c + col_span]
                       and text_below(c + col_span)):
                    col_span += 1

                def row_empty(below):
                    return all(not covered[below][k] and not rows[below][k] for k in range(c, c + col_span))
                while r + row_span < header_rows and row_empty(r + row_span):
                    row_span += 1
            for rr in range(r, r + row_span):
                for cc in range(c, c + col_span):
                    covered[rr][cc] = True
                    spans[(rr, cc)] = None
            spans[(r, c)] = (row_span, col_span)
    return spans


def text_width_cm(text):
    """Printed width of text at FONT_PT: CJK characters one em, others about 0.62 em."""
    ems = sum(1.0 if ord(ch) > 0x2E80 else 0.62 for ch in text)
    return ems * FONT_PT * CM_PER_PT + 0.5


def column_widths(rows, header_rows):
    cols = len(rows[0])
    widths = []
    for c in range(cols):
        body = [rows[r][c] for r in range(header_rows, len(rows)) if rows[r][c]]
        wide = max((text_width_cm(t) for t in body), default=MIN_COLUMN_CM)
        has_text = any(not is_amount_text(t) and re.fullmatch(r"\d{3,7}", t) is None for t in body)
        limit = MAX_LABEL_COLUMN_CM if has_text else MAX_OTHER_COLUMN_CM
        widths.append(min(max(wide, MIN_COLUMN_CM), limit))
    return widths


def page_layout(name, width_cm, height_cm, orientation):
    return ('<style:page-layout style:name="%s"><style:page-layout-properties fo:page-width="%.1fcm" '
            'fo:page-height="%.1fcm" style:print-orientation="%s" fo:margin-left="{m}cm" fo:margin-right="{m}cm" '
            'fo:margin-top="{m}cm" fo:margin-bottom="{m}cm" style:scale-to-X="1" style:scale-to-Y="0"/>'
            '<style:header-style/><style:footer-style/></style:page-layout>'
            % (name, width_cm, height_cm, orientation)).replace("{m}", str(MARGIN_CM))


def styles_xml(variant, column_styles):
    width, height = PAGE_CM[variant["page"]]
    western = variant["western_font"]
    fonts = sorted({western, "WenQuanYi Micro Hei"})
    padding = variant.get("padding_cm")
    cell_styles = "\n  ".join([
        cell_style("title", "center", None, True, bold=True, size=14),
        cell_style("plain_left", "start", None, False),
        cell_style("plain_center", "center", None, False),
        cell_style("plain_right", "end", None, False),
        cell_style("note", "start", None, True),
        cell_style("header", "center", variant["borders"], True, padding=padding),
        cell_style("label", "start", variant["borders"], True, padding=padding),
        cell_style("amount", "end", variant["borders"], False, padding=padding),
        cell_style("amount_number", "end", variant["borders"], False, data_style="amount_format", padding=padding),
    ])
    columns = "\n  ".join(
        '<style:style style:name="%s" style:family="table-column">'
        '<style:table-column-properties style:column-width="%.2fcm"/></style:style>' % (name, w)
        for name, w in sorted(column_styles))
    return """
 <office:font-face-decls>
  %(faces)s
 </office:font-face-decls>
 <office:styles>
  <style:style style:name="Default" style:family="table-cell">
   <style:table-cell-properties style:vertical-align="middle"/>
   <style:text-properties style:font-name="%(western)s" fo:font-size="%(font)spt"
     style:font-name-asian="WenQuanYi Micro Hei" style:font-size-asian="%(font)spt"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <number:number-style style:name="amount_format">
   <number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"
     number:grouping="true"/>
  </number:number-style>
  %(portrait)s
  %(landscape)s
  <style:style style:name="ta_portrait" style:family="table" style:master-page-name="Portrait">
   <style:table-properties table:display="true"/>
  </style:style>
  <style:style style:name="ta_landscape" style:family="table" style:master-page-name="Landscape">
   <style:table-properties table:display="true"/>
  </style:style>
  <style:style style:name="ro" style:family="table-row">
   <style:table-row-properties style:use-optimal-row-height="true"/>
  </style:style>
  %(cells)s
  %(columns)s
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Portrait" style:page-layout-name="portrait">
   <style:header style:display="false"/><style:footer style:display="false"/>
  </style:master-page>
  <style:master-page style:name="Landscape" style:page-layout-name="landscape">
   <style:header style:display="false"/><style:footer style:display="false"/>
  </style:master-page>
 </office:master-styles>
""" % {
        "faces": "\n  ".join('<style:font-face style:name="%s" svg:font-family="\'%s\'"/>' % (f, f) for f in fonts),
        "western": western, "font": FONT_PT,
        "portrait": page_layout("portrait", width, height, "portrait"),
        "landscape": page_layout("landscape", height, width, "landscape"),
        "cells": cell_styles, "columns": columns}


BORDER = "0.74pt solid #000000"


def cell_style(name, align, borders, wrap, bold=False, size=None, data_style=None, padding=None):
    props = ['style:vertical-align="middle"']
    if padding:
        props.append('fo:padding="%.2fcm"' % padding)
    if borders == "all":
        props.append('fo:border="%s"' % BORDER)
    elif borders == "rows":
        props.append('fo:border-top="%s" fo:border-bottom="%s"' % (BORDER, BORDER))
    if wrap:
        props.append('fo:wrap-option="wrap"')
    text = []
    if bold:
        text += ['fo:font-weight="bold"', 'style:font-weight-asian="bold"']
    if size:
        text += ['fo:font-size="%spt"' % size, 'style:font-size-asian="%spt"' % size]
    data = ' style:data-style-name="%s"' % data_style if data_style else ""
    return ('<style:style style:name="%s" style:family="table-cell" style:parent-style-name="Default"%s>'
            '<style:table-cell-properties %s/>'
            '<style:paragraph-properties fo:text-align="%s"/>'
            '<style:text-properties %s/></style:style>') % (name, data, " ".join(props), align, " ".join(text))


def string_cell(text, style, col_span=1, row_span=1):
    spans = ""
    if col_span > 1:
        spans += ' table:number-columns-spanned="%d"' % col_span
    if row_span > 1:
        spans += ' table:number-rows-spanned="%d"' % row_span
    body = "<text:p>%s</text:p>" % escape(text) if text else ""
    return '<table:table-cell table:style-name="%s" office:value-type="string"%s>%s</table:table-cell>' % (
        style, spans, body)


def covered_cells(count):
    return "<table:covered-table-cell/>" * count


def number_cell(text):
    """An amount as a number cell; Calc prints it with the #,##0.00 format (the seed's digits)."""
    value = text.replace(",", "")
    whole, _, fraction = value.lstrip("-").partition(".")
    shown = "{:,}".format(int(whole)) + "." + (fraction + "00")[:2]
    if value.startswith("-"):
        shown = "-" + shown
    return ('<table:table-cell table:style-name="amount_number" office:value-type="float" office:value="%s">'
            '<text:p>%s</text:p></table:table-cell>') % (value, shown)


def row_xml(cells):
    return '<table:table-row table:style-name="ro">%s</table:table-row>' % cells


def full_width_row(text, style, cols):
    return row_xml(string_cell(text, style, cols) + covered_cells(cols - 1))


def info_row(lines, cols):
    """部门名称/年度/单位 lines on one row: left, centre, right (two lines: left and right)."""
    if len(lines) == 1:
        style = "plain_right" if "单位" in lines[0] else "plain_left"
        return full_width_row(lines[0], style, cols)
    placed = [(lines[0], "plain_left")] + [(t, "plain_center") for t in lines[1:-1]] + [(lines[-1], "plain_right")]
    n = len(placed)
    bounds = [round(k * cols / n) for k in range(n + 1)]
    if any(bounds[k + 1] <= bounds[k] for k in range(n)):
        return "".join(full_width_row(t, s, cols) for t, s in placed)
    cells = ""
    for k, (text, style) in enumerate(placed):
        span = bounds[k + 1] - bounds[k]
        cells += string_cell(text, style, span) + covered_cells(span - 1)
    return row_xml(cells)


def table_rows(table, variant, repeat_header):
    """The rows of one seed table: lines above, the table, notes."""
    rows = table["rows"]
    width = len(rows[0])
    header_rows = header_row_count(rows)
    spans = header_spans(rows, header_rows)
    out = []
    info = []
    for line in table["lines_above"]:
        if line == table["title"]:
            style = "title"
        elif line == table["tag"]:
            style = "plain_right" if line.startswith("公开") else "plain_left"
        else:
            info.append(line)
            continue
        if info:
            out.append(info_row(info, width))
            info = []
        out.append(full_width_row(line, style, width))
    if info:
        out.append(info_row(info, width))

    for r, row in enumerate(rows):
        if r == 0 and header_rows > 0 and repeat_header:
            out.append("<table:table-header-rows>")
        cells = []
        for c, text in enumerate(row):
            if r < header_rows:
                span = spans[(r, c)]
                if span is None:
                    cells.append(covered_cells(1))
                else:
                    cells.append(string_cell(text, "header", span[1], span[0]))
            elif variant["numeric"] and is_amount_text(text):
                cells.append(number_cell(text))
            else:
                style = "amount" if is_amount_text(text) or text in ("-", "——", "/", "*") else "label"
                cells.append(string_cell(text, style))
        out.append(row_xml("".join(cells)))
        if r == header_rows - 1 and repeat_header:
            out.append("</table:table-header-rows>")
    for note in table["notes"]:
        out.append(full_width_row(note, "note", width))
    return out


def sheet_xml(name, tables, variant, column_styles):
    """One sheet holding tables one under the other (two empty rows between them)."""
    cols = max(len(t["rows"][0]) for t in tables)
    widths = [MIN_COLUMN_CM] * cols
    for t in tables:
        for c, w in enumerate(column_widths(t["rows"], header_row_count(t["rows"]))):
            widths[c] = max(widths[c], w + 2 * variant.get("padding_cm", 0))
    page_width, _ = PAGE_CM[variant["page"]]
    landscape = sum(widths) > page_width - 2 * MARGIN_CM
    out = ['<table:table table:name="%s" table:style-name="%s">' % (
        escape(name), "ta_landscape" if landscape else "ta_portrait")]
    for w in widths:
        style = "co%d" % round(w * 100)
        column_styles.add((style, w))
        out.append('<table:table-column table:style-name="%s"/>' % style)
    for k, table in enumerate(tables):
        if k > 0:
            out += [row_xml(string_cell("", "plain_left"))] * 2
        out += table_rows(table, variant, repeat_header=len(tables) == 1)
    out.append("</table:table>")
    return "\n".join(out)


def fods(tables, variant):
    column_styles = set()
    if variant["stacked"]:
        sheets = [sheet_xml("表1", tables, variant, column_styles)]
    else:
        sheets = [sheet_xml("表%d" % (i + 1), [t], variant, column_styles) for i, t in enumerate(tables)]
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
            ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
            ' xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"'
            ' xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
            ' xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"'
            ' office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n')
    return (head + styles_xml(variant, column_styles) + "<office:body><office:spreadsheet>\n" +
            "\n".join(sheets) + "\n</office:spreadsheet></office:body></office:document>\n")


def find_seed(seeds, prefix):
    for name in sorted(os.listdir(seeds)):
        if name.startswith(prefix) and name.endswith(".txt"):
            return os.path.join(seeds, name)
    sys.exit("make_office_corpus: no seed %s* in %s" % (prefix, seeds))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--keep-fods", action="store_true", help="also write the .fods next to the PDFs")
    args = parser.parse_args()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("make_office_corpus: soffice not found (apt-get install libreoffice-calc-nogui)")
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        sources = []
        for name, prefix, indices, truth, variant in DOCUMENTS:
            tables = read_seed_tables(find_seed(args.seeds, prefix))
            chosen = [tables[i] for i in indices]
            path = os.path.join(work, name + ".fods")
            with open(path, "w", encoding="utf-8") as f:
                f.write(fods(chosen, variant))
            if args.keep_fods:
                shutil.copy(path, args.out)
            subprocess.run([soffice, "--headless", "-env:UserInstallation=file://" + os.path.join(work, "profile"),
                            "--convert-to", "pdf", "--outdir", args.out, path], check=True,
                           stdout=subprocess.DEVNULL)
            sources.append("%s.pdf\t%s\n" % (name, truth))
        with open(os.path.join(args.out, "truth_sources.tsv"), "w", encoding="utf-8") as f:
            f.write("# office PDF\tcorpus/records/<name>.truth.csv holding its expected records\n")
            f.writelines(sources)


if __name__ == "__main__":
    main()
