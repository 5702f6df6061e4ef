#!/usr/bin/env python3
"""Tallies the amounts printed on 功能分类/经济分类 code rows, as `pdftotext -layout` shows them,
against the records budgetpdf wrote for the same rows, page by page.

    tools/tally_code_rows.py RECORDS_CSV PDF...

A code row in pdftotext's text is a line that starts with a code: one 3/5/7-digit token, or a
3-digit 类 followed by 2-digit 款 and 项 tokens (Shanghai's split columns, `201 13 01`). The
amounts are the numeric tokens after the code (行次 numbers included, so a difference is a place
to look, not a verdict). Records whose code is printed nowhere on their page (summary tables'
类 rows and names-only 经济分类 tables, mapped from names) are counted apart. Prints per document:
code rows and amounts in pdftotext, records with a printed code, and the (page, code) pairs whose
counts differ.
"""
import collections
import csv
import os
import re
import subprocess
import sys

AMOUNT = re.compile(r"^-?[\d,]*\d(\.\d+)?$")
# A code starts a line or follows a wide gap: one 3/5/7-digit token, or 类 款 [项] tokens.
CODE = re.compile(r"(?:^|(?<=\s\s))\s*(\d{3})(?:\s{1,6}(\d{2})(?:\s{1,6}(\d{2}))?)?(?=\s*[^\d\s,.-])"
                  r"|(?:^|(?<=\s\s))\s*(\d{5}|\d{7})(?=\s|[^\d\s,.])")


def code_rows(pdf):
    """{(page, code): amounts} for every code pdftotext prints with amounts after it on its line,
    and {page: codes printed on it} whether or not amounts follow on the same line."""
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, check=True,
                          text=True).stdout
    rows = collections.Counter()
    printed = collections.defaultdict(set)
    for page_number, page in enumerate(text.split("\f"), start=1):
        for line in page.splitlines():
            matches = list(CODE.finditer(line))
            for i, match in enumerate(matches):
                code = "".join(part for part in match.groups() if part)
                printed[page_number].add(code)
                end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
                amounts = [t for t in line[match.end():end].split() if AMOUNT.match(t)]
                if amounts:
                    rows[(page_number, code)] += len(amounts)
    return rows, printed


def record_rows(records_csv):
    """{source: {(page, code): records}} for records that carry a code."""
    by_source = collections.defaultdict(collections.Counter)
    with open(records_csv, newline="", encoding="utf-8") as f:
        for record in csv.DictReader(f):
            if record["code"]:
                by_source[record["source"]][(int(record["page"]), record["code"])] += 1
    return by_source


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    records = record_rows(sys.argv[1])
    total_text = total_records = total_mapped = 0
    for pdf in sys.argv[2:]:
        source = os.path.basename(pdf)
        text_rows, printed = code_rows(pdf)
        ours = collections.Counter()
        mapped = 0
        for (page, code), count in records.get(source, collections.Counter()).items():
            if code in printed[page] or any(c.startswith(code) for c in printed[page]):
                ours[(page, code)] = count
            else:
                mapped += count
        n_text, n_ours = sum(text_rows.values()), sum(ours.values())
        total_text += n_text
        total_records += n_ours
        total_mapped += mapped
        print(f"{source}: pdftotext {len(text_rows)} code rows, {n_text} amounts; "
              f"records with a printed code {n_ours}; mapped from names {mapped}")
        for key in sorted(set(text_rows) | set(ours)):
            if text_rows[key] != ours[key]:
                print(f"  page {key[0]} code {key[1]}: pdftotext {text_rows[key]}, records {ours[key]}")
    print(f"total: pdftotext {total_text} amounts on code rows, records with a printed code "
          f"{total_records}, mapped from names {total_mapped}")


if __name__ == "__main__":
    main()
