#!/usr/bin/env python3
"""Scores OCR records against the corpus truth: exact amounts, wrong amounts, and the silent ones.

    score_ocr.py TRUTH_DIR RECORDS_CSV SUFFIX [--show]

For every TRUTH_DIR/NAME.SUFFIX.truth.csv (corpus truth: table_kind, page, side, code,
row_label, measure, amount_yuan) the records of NAME.SUFFIX.pdf are matched by page, side,
measure and code (row_label when the truth row has no code). An amount is exact when a
matching record carries it; wrong when matching records exist but none carries it; missing
when none matches. Codes and labels are compared as SCHEMA.md writes row_label: NFKC, without
spaces (the truth keeps the page's ② where a record's label reads 2). A wrong amount is silent when its record has check ok or unchecked and
confidence >= 0.9: the issue's rule is that none may be. Prints one line per file and the
totals (with --show, each wrong and missing amount under its file); the exit status is 0.
"""
import csv
import glob
import os
import sys
import unicodedata


def key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def main() -> None:
    truth_dir, records_csv, suffix = sys.argv[1], sys.argv[2], sys.argv[3]
    show = "--show" in sys.argv[4:]
    by_source = {}
    with open(records_csv, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            by_source.setdefault(r["source"], []).append(r)
    totals = [0, 0, 0, 0, 0]
    for truth in sorted(glob.glob(os.path.join(truth_dir, f"*.{suffix}.truth.csv"))):
        name = os.path.basename(truth)[: -len(".truth.csv")]
        records = by_source.get(name + ".pdf", [])
        total = exact = wrong = silent = missing = 0
        shown = []
        with open(truth, newline="", encoding="utf-8") as f:
            for t in csv.DictReader(f):
                total += 1
                key_field = "code" if t["code"] else "row_label"
                found = [r for r in records
                         if r["page"] == t["page"] and r["side"] == t["side"] and r["measure"] == t["measure"]
                         and key(r[key_field]) == key(t[key_field])]
                where = f"p{t['page']} {t['table_kind']} {t[key_field]} {t['side']} {t['measure']} {t['amount_yuan']}"
                if not found:
                    missing += 1
                    shown.append(f"    missing {where}")
                elif any(r["amount_yuan"] == t["amount_yuan"] for r in found):
                    exact += 1
                else:
                    wrong += 1
                    shown.append(f"    wrong   {where}: read {', '.join(r['amount_yuan'] for r in found)}")
                    if all(r["check"] != "mismatch" and float(r["confidence"]) >= 0.9 for r in found):
                        silent += 1
        print(f"{name:60s} {exact:5d}/{total:<5d} exact  {wrong:4d} wrong  {silent:3d} silent  {missing:4d} missing")
        if show:
            print("\n".join(shown)) if shown else None
        for i, v in enumerate((total, exact, wrong, silent, missing)):
            totals[i] += v
    total, exact, wrong, silent, missing = totals
    share = 100.0 * exact / total if total else 0.0
    found = exact + wrong
    share_found = 100.0 * exact / found if found else 0.0
    print(f"TOTAL {suffix}: {exact}/{total} amounts exact ({share:.2f} %); of the amounts found, {exact}/{found} exact "
          f"({share_found:.2f} %); {wrong} wrong, {silent} silent, {missing} missing")


if __name__ == "__main__":
    main()
