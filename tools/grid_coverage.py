#!/usr/bin/env python3
"""Grid coverage of code-row amounts: how many of the amounts that `pdftotext -layout` prints on
lines starting with a 功能分类/经济分类 code sit, in the grids of `budgetpdf tables`, in the same
grid row as a cell holding that code; per document, per city and overall. Also counts the tables
of each document and the continued ones (more than one part).

    tools/grid_coverage.py [--budgetpdf build/budgetpdf] [--misses] [--titles] PDF...

A code line in pdftotext's text is the one of ../shared/tools/coverage.py: a line starting with
one 3/5/7-digit token, or 类 款 项 tokens (`201 13 01`), then CJK text; a second code block after
a wide gap counts on its own. A code in brackets (`[2010401]行政运行`) counts too. Amounts are the
tokens with two decimals or thousands separators.

In a grid row, a code is a cell holding only the code, a 3-digit cell followed by 2-digit 款/项
cells (split codes), or a cell starting with the code fused with its name (`2010401行政运行`,
`[2010401]行政运行`). An amount is a cell whose whole text is that one number: a cell that runs
several amounts together holds none of them. The figure is a lower bound of what is right:
pdftotext puts top-aligned amounts on the line above their code.

--misses prints each code line whose amounts were not all found; --titles prints every table's
pages, title and the other lines kept above it.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
from decimal import Decimal, InvalidOperation

# The regexes of ../shared/tools/coverage.py, with an optional bracket around the code.
CODE_LINE = re.compile(r"^\s*(\d{3})(?:\s+(\d{2}))?(?:\s+(\d{2}))?\s+[\u4e00-\u9fff]"
                       r"|^\s*[\[【]?(\d{3}|\d{5}|\d{7})[\]】]?\s*[\u4e00-\u9fff]")
SECOND_CODE = re.compile(r"\s{2,}[\[【]?(\d{3}(?:\s+\d{2}){0,2}|\d{5}|\d{7})[\]】]?\s*[\u4e00-\u9fff]")
NUM = re.compile(r"(?<![\d.])-?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d.])|(?<![\d.,])-?\d+\.\d{2}(?![\d.])")
WHOLE_CODE = re.compile(r"^(\d{3}|\d{5}|\d{7})$")
FUSED_CODE = re.compile(r"^[\[【]?(\d{3}|\d{5}|\d{7})[\]】]?\s*[\u4e00-\u9fff]")
CELL_AMOUNT = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


def dec(s):
    try:
        return Decimal(str(s).replace(",", ""))
    except (InvalidOperation, ValueError):
        return None


def code_lines(text):
    """(page, code, [amounts], line) for every code line of pdftotext's text."""
    for page_no, page in enumerate(text.split("\f"), 1):
        for line in page.splitlines():
            m = CODE_LINE.match(line)
            if not m:
                continue
            code = m.group(4) or "".join(g for g in m.group(1, 2, 3) if g)
            rest = line[m.end():]
            second = SECOND_CODE.search(rest)
            if second:
                nums = [x for x in map(dec, NUM.findall(rest[second.end():])) if x is not None]
                yield page_no, re.sub(r"\s+", "", second.group(1)), nums, line
                rest = rest[:second.start()]
            yield page_no, code, [x for x in map(dec, NUM.findall(rest)) if x is not None], line


def grid_rows(tables):
    """{page: [(codes, Counter(amounts))]}: every grid row of every table, by the page it is printed on."""
    rows = collections.defaultdict(lambda: collections.defaultdict(list))
    for t, table in enumerate(tables):
        for cell in table["cells"]:
            rows[(t, cell["row"])][cell["page"]].append(cell)
    out = collections.defaultdict(list)
    for by_page in rows.values():
        for page, cells in by_page.items():
            cells.sort(key=lambda c: c["col"])
            texts = [c["text"].replace(" ", "") for c in cells]
            codes, amounts = set(), collections.Counter()
            for i, text in enumerate(texts):
                if WHOLE_CODE.match(text):
                    codes.add(text)
                    if len(text) == 3:  # 类 | 款 | 项 split over cells
                        joined = text
                        for nxt in texts[i + 1:i + 3]:
                            if not re.fullmatch(r"\d{2}", nxt):
                                break
                            joined += nxt
                            codes.add(joined)
                m = FUSED_CODE.match(text)
                if m:
                    codes.add(m.group(1))
                if CELL_AMOUNT.match(text):
                    amounts[dec(text)] += 1
            out[page].append((codes, amounts))
    return out


def take(amounts, nums):
    """Removes from `amounts` (a Counter) the grid amounts matching `nums`, returns those found.
    pdftotext cuts some amounts before their decimals (`64,945` then `.40` on the next line):
    a printed integer also matches a grid amount with the same integer part."""
    found = []
    for x in nums:
        match = x if amounts[x] > 0 else None
        if match is None and x == x.to_integral_value():
            match = next((a for a, n in amounts.items() if n > 0 and a >= 0 and int(a) == x), None)
        if match is not None:
            amounts[match] -= 1
            found.append(match)
    return found


def measure(pdf, budgetpdf):
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True,
                          errors="replace").stdout
    run = subprocess.run([budgetpdf, "tables", pdf, "--format", "json"], capture_output=True, text=True)
    tables = json.loads(run.stdout)["tables"] if run.returncode == 0 and run.stdout.strip() else []
    rows = grid_rows(tables)
    found = wanted = 0
    misses = []
    for page, code, nums, line in code_lines(text):
        if not nums:
            continue
        wanted += len(nums)
        best, best_row = 0, None
        for codes, amounts in rows.get(page, []):
            if code not in codes:
                continue
            hit = len(take(amounts.copy(), nums))
            if hit > best:
                best, best_row = hit, amounts
        if best_row is not None:  # each amount of a grid row answers one code line
            take(best_row, nums)
        found += best
        if best < len(nums):
            misses.append((page, code, best, len(nums), line.strip()))
    continued = sum(1 for t in tables if len(t.get("parts", [])) > 1)
    return found, wanted, len(tables), continued, misses, tables


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdfs", nargs="+")
    parser.add_argument("--budgetpdf", default="build/budgetpdf")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--titles", action="store_true")
    args = parser.parse_args()
    city = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
    for pdf in args.pdfs:
        src = os.path.basename(pdf)
        found, wanted, n_tables, continued, misses, tables = measure(pdf, args.budgetpdf)
        print(f"{src}: {found}/{wanted} amounts in their code's grid row; {n_tables} tables, {continued} continued")
        if args.misses:
            for page, code, got, want, line in misses:
                print(f"    p{page} {code}: {got}/{want}  {line[:110]}")
        if args.titles:
            for t in tables:
                pages = f"{t['page']}" + (f"-{t['last_page']}" if t["last_page"] != t["page"] else "")
                print(f"    [{pages}] {t['rows']}x{t['cols']} title={t['context']['title']!r}"
                      f" other={t['context']['other_lines']!r}")
        c = src.split("__")[0] if "__" in src else "(other)"
        for i, v in enumerate((found, wanted, 1, n_tables, continued)):
            city[c][i] += v
    print("\ncity        docs  tables  continued  amounts    in row")
    for c, (g, w, n, nt, nc) in sorted(city.items(), key=lambda kv: -kv[1][1]):
        print(f"{c:<10}{n:>6}{nt:>8}{nc:>11}{w:>9}  {100.0 * g / max(w, 1):7.2f} %")
    g = sum(v[0] for v in city.values())
    w = sum(v[1] for v in city.values())
    nt = sum(v[3] for v in city.values())
    nc = sum(v[4] for v in city.values())
    print(f"overall: {g}/{w} = {100.0 * g / max(w, 1):.2f} %; {nt} tables, {nc} continued")


if __name__ == "__main__":
    sys.exit(main())
