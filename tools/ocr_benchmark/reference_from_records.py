#!/usr/bin/env python3
"""Writes, for each document of a records.csv, a reference in score_ocr.py's truth format.

    reference_from_records.py RECORDS_CSV OUT_DIR

OUT_DIR/NAME.truth.csv for every source NAME.pdf: table_kind, page, side, code, row_label,
measure, amount_yuan, one row per page, side, code (or label when there is no code) and
measure, the first record's amount (a copy under a second classification is the same amount).
"""
import csv
import os
import sys


def main() -> None:
    records_csv, out_dir = sys.argv[1], sys.argv[2]
    by_source = {}
    with open(records_csv, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            by_source.setdefault(r["source"], []).append(r)
    for source, records in sorted(by_source.items()):
        name = source[: -len(".pdf")] if source.endswith(".pdf") else source
        seen = set()
        with open(os.path.join(out_dir, name + ".truth.csv"), "w", newline="", encoding="utf-8") as f:
            out = csv.writer(f)
            out.writerow(["table_kind", "page", "side", "code", "row_label", "measure", "amount_yuan"])
            for r in records:
                key = (r["page"], r["side"], r["code"], "" if r["code"] else r["row_label"], r["measure"])
                if key in seen:
                    continue
                seen.add(key)
                out.writerow([r["table_kind"], r["page"], r["side"], r["code"], r["row_label"], r["measure"],
                              r["amount_yuan"]])
        print(f"{name}: {len(seen)} reference amounts")


if __name__ == "__main__":
    main()
