#!/usr/bin/env python3
"""Explains every code-row amount that ../shared/tools/coverage.py counts as not found.

    explain_coverage.py OUT_DIR PDF... [--coverage ../shared/tools/coverage.py] [--show N]

coverage.py counts, per PDF, the amounts `pdftotext -layout` prints on lines starting with a
code, and looks for a record with that code and amount. Each amount it does not find is put in
one of these classes, checked in this order against the records of the same page:

  second_code      the line prints two classifications of one row (部门 301 01 | 政府 501 01 …):
                   the amount is recorded under the row's first code, coverage.py looks under
                   the second one;
  unit_code        the "code" is a unit's number (117, 154, 305: 单位编码 columns), not a
                   classification code: the amount is recorded on that page without a code;
  cut_amount       pdftotext split the amount (64,945 | .40): a record holds it with decimals;
  prose            the line is a sentence that starts with a number (222 万元，增长 12.36%);
  other_code       recorded on that page under another code (a real difference to look at);
  missing          no record on that page prints the amount (a real difference to look at).

Prints per city the classes and a few examples of each.
"""
import collections
import csv
import importlib.util
import os
import re
import sys
from decimal import Decimal


def load_coverage(path):
    spec = importlib.util.spec_from_file_location("coverage", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv):
    coverage_path = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "tools", "coverage.py")
    show = 3
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "--coverage":
            coverage_path = argv[i + 1]
            i += 2
        elif argv[i] == "--show":
            show = int(argv[i + 1])
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) < 2:
        sys.exit(__doc__)
    cov = load_coverage(coverage_path)
    out_dir, pdfs = args[0], args[1:]

    records = collections.defaultdict(list)  # source → (page, code, amount in printed unit)
    with open(os.path.join(out_dir, "records.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            a = cov.dec(r["amount_yuan"])
            if a is None:
                continue
            records[r["source"]].append((int(r["page"]), r["code"], a / cov.SCALE.get(r["unit"] or "元", Decimal(1))))

    classes = collections.defaultdict(collections.Counter)
    examples = collections.defaultdict(list)
    totals = collections.defaultdict(lambda: [0, 0])
    for pdf in pdfs:
        src = os.path.basename(pdf)
        city = src.split("__")[0] if "__" in src else "(other)"
        have = collections.defaultdict(collections.Counter)
        on_page = collections.defaultdict(list)
        for page, code, amount in records[src]:
            if code:
                have[code][amount] += 1
            on_page[page].append((code, amount))
        lines = cov.subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                                   errors="replace").stdout.split("\f")
        for page, code, nums in cov.code_rows(pdf):
            for x in nums:
                totals[city][1] += 1
                if have[code][x] > 0:
                    have[code][x] -= 1
                    totals[city][0] += 1
                    continue
                codes_here = [c for c, a in on_page[page] if a == x]
                text = lines[page - 1] if page - 1 < len(lines) else ""
                if codes_here and any(c and c != code for c in codes_here) and re.search(
                        r"\d{3}(?:\s+\d{2})?\s+\S+\s+" + re.escape(code[:3]), text):
                    kind = "second_code"
                elif codes_here and not any(codes_here):
                    kind = "unit_code"
                elif any(a != x and a.to_integral_value(rounding="ROUND_DOWN") == x
                         for _, a in on_page[page]) and x == x.to_integral_value():
                    kind = "cut_amount"
                elif codes_here:
                    kind = "other_code"
                elif any(re.match(r"\s*" + re.escape(code) + r"\s*(万元|%|，|。)|.*[，。；]", line)
                         for line in text.splitlines() if line.strip().startswith(code[:3])):
                    kind = "prose"
                else:
                    kind = "missing"
                classes[city][kind] += 1
                if len(examples[(city, kind)]) < show:
                    examples[(city, kind)].append(f"{src[:40]} p{page} {code} {x} (records here: {codes_here[:2]})")
    order = ["second_code", "unit_code", "cut_amount", "prose", "other_code", "missing"]
    for city in sorted(totals, key=lambda c: -totals[c][1]):
        found, want = totals[city]
        explained = sum(classes[city][k] for k in order[:4])
        print(f"{city}: found {found}/{want} ({100.0 * found / max(want, 1):.2f} %); "
              f"with the explained classes {100.0 * (found + explained) / max(want, 1):.2f} %")
        for k in order:
            if classes[city][k]:
                print(f"  {k}: {classes[city][k]}")
                for e in examples[(city, k)]:
                    print(f"      {e}")
    found = sum(t[0] for t in totals.values())
    want = sum(t[1] for t in totals.values())
    explained = sum(classes[c][k] for c in classes for k in order[:4])
    print(f"overall: found {found}/{want} ({100.0 * found / max(want, 1):.2f} %); "
          f"with the explained classes {100.0 * (found + explained) / max(want, 1):.2f} %")


if __name__ == "__main__":
    main(sys.argv[1:])
