#!/usr/bin/env python3
"""Builds layouts/catalog/codes.yaml: the 政府收支分类科目 codes printed in published disclosures,
with the names printed for each code, the fiscal years each name was seen and how many documents
printed it.

    tools/build_code_catalog.py [--out FILE] [--seeds DIR] [PDF_OR_DIR ...]

Defaults: every PDF under ../shared/real (recursively), the seeds ../shared/seeds/*.txt, and
layouts/catalog/codes.yaml. A summary (codes per system and level, names, conflicts) goes to
stderr.

How it works
1. Text. A PDF is read with `pdftotext -layout` and split into pages at form feeds; a seed's
   tab-separated cells are laid out in fixed columns so that the same line parser reads both.
   A document's fiscal year is read from its text (never the file name): years printed before
   预算/决算 in short, title-like lines weigh most, any other `YYYY年` least.
2. Code blocks. A block starts a line or follows a gap of two or more spaces: a code (`2011301`,
   `[2011301]`, `2011301-`, fused `2011301行政运行`, split `201 13 01`) and a name cell (text up to
   the next wide gap). A line may hold several blocks (功能分类 | 经济分类 side by side). Split
   tables print 款/项 rows with the upper parts blank (`      13   name` under `201   name`):
   such a row takes 类 (and 款) from the rows above in the same column lane, also across a page
   break; the column of the 2-digit token decides 款 or 项 (经济分类 has no 项).
3. Guards. The 类 must be in a classification's range (func 201-239, econ 301-399, econ_gov
   501-599, income 101-110; never x00, 款/项 never 00). The name must be a plausible item name:
   CJK, 2-40 characters, brackets balanced, no sentence punctuation or digits. Lines that
   continue a cut alphanumeric project ID, and runs of consecutive row numbers (序号 1, 2, 3 …),
   are not code rows. A row is well formed when no name fragment of a wrapped cell stands next
   to its name (line above or below, same column), no amount is glued to the name, its name is
   one run of text (or letter-spaced characters), and another
   code (named or not) is printed within a few lines. A wrapped name is also recorded joined with its
   fragment, as not well formed. Listings filed under codes (project or procurement tables)
   give no well-formed row: a code printed on one page with unrelated names, a line whose first
   code repeats the previous code line's, a named code followed by a split code without a name.
4. Catalogue. Names are kept only if at least one document printed them in a well-formed row;
   a kept name that is a strict prefix or suffix of another kept name of the same code (cut by
   wrapping) is dropped, unless more documents printed it well formed or it was seen in a year
   the longer name was not (a renamed item, 医疗费 → 医疗费补助).
"""
import argparse
import collections
import dataclasses
import hashlib
import os
import re
import subprocess
import sys
import unicodedata

REPO_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED_DIR = os.path.join(os.path.dirname(REPO_DIR), "shared")
DEFAULT_PDF_DIR = os.path.join(SHARED_DIR, "real")
DEFAULT_SEED_DIR = os.path.join(SHARED_DIR, "seeds")
DEFAULT_OUT = os.path.join(REPO_DIR, "layouts", "catalog", "codes.yaml")

# 类 ranges per classification system (inclusive).
SYSTEM_RANGES = (("income", 101, 110), ("func", 201, 239), ("econ", 301, 399), ("econ_gov", 501, 599))
# Systems whose codes have a 项 level (7 digits); 经济分类 stops at 款.
SYSTEMS_WITH_XIANG = {"func", "income"}
SYSTEM_ORDER = ("income", "func", "econ", "econ_gov")
LEVEL_BY_LENGTH = {3: "类", 5: "款", 7: "项"}

MIN_NAME_CHARS = 2
MAX_NAME_CHARS = 40
MAX_SPLIT_GAP_CHARS = 8          # spaces between the 类, 款 and 项 tokens of a split code
LANE_REACH_CHARS = 24            # a blank-upper 款 or 项 token this far right of its 类 token
XIANG_REACH_CHARS = 10           # a 项 token this far right of its 款 token
COLUMN_TOLERANCE_CHARS = 2       # same column in pdftotext's character grid
LANE_EXPIRY_LINES = 4            # non-blank lines without a code row before a lane is forgotten
NEIGHBOUR_ROW_LINES = 6          # a well-formed row has another code line this near
WRAP_LOOK_LINES = 2              # lines above/below a row searched for a wrapped name fragment
WRAP_MARGIN_CHARS = 4            # a fragment may start this far left of the name (centred text)
MAX_FRAGMENT_CHARS = 24
ID_LOOKBACK_LINES = 3            # non-blank lines searched for a cut project ID
MIN_ROW_NUMBER_RUN = 5           # consecutive 序号 that make a numbered list
SEED_COLUMN_CHARS = 8            # column pitch of seed cells
TITLE_LINE_MAX_CHARS = 60
YEAR_SCORE_TITLE = 10            # a year before 预算/决算 in a title-like line
YEAR_SCORE_BUDGET_TEXT = 3       # the same in running text; any other `YYYY年` scores 1

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
NAME_CHARS = re.compile(rf"^[{HAN}A-Za-z()、\-—·“”《》\"]+$")
SENTENCE_PUNCT = re.compile(r"[,。;:!?，；：！？%/]")
LEADING_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.]|[①-⑳])")
TRAILING_LEVEL = re.compile(r"\((?:类|款|项)\)$")
AMOUNT = re.compile(r"^[-−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^[-—－/]+$|^\d[\d,]*,\d+$")
GLUED_AMOUNT = re.compile(r"^(.*?[^\d\s,.\-])([-−]?\d[\d,]*(?:\.\d+)?)$")
CUT_ID = re.compile(r"^\d{6,}[A-Za-z]\d*$")
ROW_NUMBER = re.compile(r"^\s*([1-9]\d{0,2})(?=\s|$|[^\d\s,.%])")
# A year, its digits possibly letter-spaced (`2 0 2 5 年度`).
YEAR_TITLE = re.compile(r"(2 ?0 ?\d ?\d)\s*年\s*度?[^\n，。,.]{0,40}?[预决]\s*算")
YEAR_ANY = re.compile(r"(2 ?0 ?\d ?\d)\s*年")

# A code block at a block start: bracketed, split 类 款 [项], or one token (space, hyphen or fused).
BRACKETED = re.compile(r"\[(\d{3}|\d{5}|\d{7})\]\s*")
# 款/项 of split codes may lack their leading zero (`301   2   津贴补贴`, Excel number cells).
SPLIT = re.compile(rf"(\d{{3}}) {{1,{MAX_SPLIT_GAP_CHARS}}}(\d{{1,2}})(?: {{1,{MAX_SPLIT_GAP_CHARS}}}(\d{{1,2}}))?(?!\d) +")
SINGLE = re.compile(r"(\d{3}|\d{5}|\d{7})(?!\d)(?: +|-|(?=[^\d\s,.%]))")
# Blank upper parts: 款 (and 项) tokens only; starts a line.
LOWER = re.compile(rf"(\d{{2}})(?: {{1,{MAX_SPLIT_GAP_CHARS}}}(\d{{2}}))?(?!\d) +")
CELL = re.compile(r"\S+(?: \S+)*")
# A code cell without a name (the name printed on another line or not at all).
BARE = re.compile(r"(?:\[?\d{3}(?:\d{2}){0,2}\]?|\d{3}(?: {1,8}\d{2}){1,2})(?=\s{2,}|\s*$)")
SPLIT_BARE = re.compile(r"\d{3} {1,8}\d{2}(?!\d)")   # never an amount, unlike 230 or 30150
HYPHEN_CODE = re.compile(rf"(?:\d{{3}}|\d{{5}}|\d{{7}})-[{HAN}]")
ROW_NUMBER_CELL = re.compile(r"[1-9]\d{0,2}")


@dataclasses.dataclass
class CodeRow:
    code: str
    name: str            # normalised
    column: int          # column of the code's first character
    name_span: tuple     # (first column, end column) of the printed name
    well_formed: bool = True
    joined: bool = False  # name joined with a wrapped fragment
    bare_after: bool = False  # a split code without a name follows on the line (a listing's columns)
    line: int = 0        # line index in the document (pages joined)
    page: int = 0        # 1-based page


@dataclasses.dataclass
class Lane:
    lei: str
    column: int
    kuan: str = ""
    kuan_column: int = -1
    xiang_column: int = -1
    age: int = 0


def system_of(code):
    value = int(code[:3])
    for system, low, high in SYSTEM_RANGES:
        if low <= value <= high:
            return system
    return None


def valid_code(code):
    """A code whose 类 lies in a classification's range and whose 款/项 are not 00."""
    system = system_of(code)
    if system is None or code[1:3] == "00":
        return False
    if len(code) == 7 and system not in SYSTEMS_WITH_XIANG:
        return False
    return all(code[i:i + 2] != "00" for i in range(3, len(code), 2))


def normalise_name(text):
    """NFKC (full-width ASCII to half-width), spaces removed except between ASCII words,
    leading ordinals and trailing (类)/(款)/(项) removed."""
    text = unicodedata.normalize("NFKC", text).strip()
    text = re.sub(r"(?<![A-Za-z0-9])\s+|\s+(?![A-Za-z0-9])", "", text)
    text = LEADING_ORDINAL.sub("", text).lstrip("-—")
    return TRAILING_LEVEL.sub("", text)


def plausible_name(name):
    if not (MIN_NAME_CHARS <= len(name) <= MAX_NAME_CHARS):
        return False
    if not re.match(rf"[{HAN}]", name) or not NAME_CHARS.match(name) or SENTENCE_PUNCT.search(name):
        return False
    han = sum(1 for c in name if re.match(rf"[{HAN}]", c))
    if han < MIN_NAME_CHARS:
        return False
    depth = 0
    for c in name:
        depth += (c == "(") - (c == ")")
        if depth < 0:
            return False
    return depth == 0


def is_amount(token):
    return bool(AMOUNT.match(unicodedata.normalize("NFKC", token)))


def block_starts(line):
    """Columns where a block may start: the first non-space character, every character after a
    gap of two or more spaces, and a hyphen-fused code after one space (`…支出 50502-…`)."""
    starts = []
    for m in re.finditer(r"\S", line):
        i = m.start()
        if not starts and line[:i].strip() == "":
            starts.append(i)
        elif i >= 2 and line[i - 2:i] == "  ":
            starts.append(i)
        elif line[i - 1] == " " and HYPHEN_CODE.match(line, i):
            starts.append(i)
    return starts


def name_cell(line, at):
    """(name text, name start, name end, doubtful) of the cell starting at `at`: the name ends
    at the cell's end, at an amount printed one space after it, or at a hyphen-fused code.
    doubtful: an amount follows the name without a space (`行政运行1,234.00`), or the name joins
    text runs that are not letter-spaced characters."""
    m = CELL.match(line, at)
    if not m:
        return None
    name_tokens, glued = [], False
    for t in re.finditer(r"\S+", m.group()):
        token = t.group()
        if name_tokens and (HYPHEN_CODE.match(token) or is_amount(token)):
            break
        g = GLUED_AMOUNT.match(token)
        if g and re.search(rf"[{HAN})）]", g.group(1)):
            name_tokens.append((t.start(), t.start() + len(g.group(1)), g.group(1)))
            glued = True
            break
        name_tokens.append((t.start(), t.end(), token))
    if not name_tokens:
        return None
    # Text runs joined by single spaces are one name only when letter-spaced (其 他 支 出);
    # otherwise a piece of a neighbouring wrapped cell may stand beside the name (…与维 助).
    joined_runs = len(name_tokens) > 1 and any(len(t) > 1 for _, _, t in name_tokens)
    text = " ".join(t for _, _, t in name_tokens)
    return text, at + name_tokens[0][0], at + name_tokens[-1][1], glued or joined_runs


class LineParser:
    """Finds the code rows of one page's lines; keeps the 类/款 lanes of split tables."""

    def __init__(self):
        self.lanes = []
        self.page_started = False   # a code row was read on the current page

    def new_page(self):
        """Lanes carry over to a continuation page (a table printing 款/项 rows under the 类 of
        the previous page); they do not age before the page's first code row."""
        self.page_started = False
        for lane in self.lanes:
            lane.age = 0

    def _lane_for(self, column):
        best = None
        for lane in self.lanes:
            if lane.column < column <= lane.column + LANE_REACH_CHARS:
                if best is None or lane.column > best.column:
                    best = lane
        return best

    def _set_lane(self, lei, column, kuan="", kuan_column=-1, xiang_column=-1):
        self.lanes = [l for l in self.lanes if abs(l.column - column) > COLUMN_TOLERANCE_CHARS]
        self.lanes.append(Lane(lei, column, kuan, kuan_column, xiang_column))

    def _lower_code(self, column, first, second, second_column):
        """(full code, lane, lane changes) of a blank-upper block (款 [项] tokens), or None.
        After a 类 row the first token is a 款; later a token in the 款 column is a 款 and one
        right of it (within XIANG_REACH_CHARS) a 项."""
        lane = self._lane_for(column)
        if lane is None:
            return None
        with_xiang = system_of(lane.lei) in SYSTEMS_WITH_XIANG
        in_kuan_column = lane.kuan_column < 0 or abs(column - lane.kuan_column) <= COLUMN_TOLERANCE_CHARS
        if second is not None:
            if not with_xiang or not in_kuan_column:
                return None
            return (lane.lei + first + second, lane,
                    dict(kuan=lane.lei + first, kuan_column=column, xiang_column=second_column))
        if not lane.kuan or in_kuan_column:
            if not in_kuan_column:
                return None
            return lane.lei + first, lane, dict(kuan=lane.lei + first, kuan_column=column)
        if with_xiang and lane.kuan_column + COLUMN_TOLERANCE_CHARS < column <= lane.kuan_column + XIANG_REACH_CHARS:
            return lane.kuan + first, lane, dict(xiang_column=column)
        return None

    def parse(self, line, row_number_first=False):
        """Code rows of one line, well_formed judged on the line alone. A line is a code line
        when its first cell, or its second after a row number (序号), is a code; then every
        block start on it is tried. `row_number_first`: the first cell is a row number even if
        it looks like a code. Sets `first_code`: the line's first code, named or not ("" if
        the line is no code line)."""
        rows = []
        self.first_code = ""
        starts = block_starts(line)
        first_index = None
        for k in range(min(2, len(starts))):
            if k == 0 and row_number_first:
                continue
            if k == 1 and not ROW_NUMBER_CELL.fullmatch(CELL.match(line, starts[0]).group()):
                break
            if self._is_code_cell(line, starts[k]):
                first_index = k
                break
        position = 0
        for start in starts[first_index:] if first_index is not None else ():
            if start < position:
                continue
            found = self._block(line, start, first=start == starts[first_index])
            if found is None:
                continue
            row, position, code = found
            self.first_code = self.first_code or code
            if row is not None:
                rows.append(row)
            elif rows and SPLIT_BARE.match(line, start):
                rows[-1].bare_after = True
        self.page_started = self.page_started or bool(rows)
        if line.strip() and self.page_started:
            for lane in self.lanes:
                lane.age = 0 if rows else lane.age + 1
            self.lanes = [l for l in self.lanes if l.age <= LANE_EXPIRY_LINES]
        return rows

    def _is_code_cell(self, line, start):
        found = self._match(line, start, True)
        bare = BARE.match(line, start)
        return bool(found and valid_code(found[0])) or bool(bare and valid_code(re.sub(r"\D", "", bare.group())))

    def _match(self, line, start, first):
        """(code, end of the code, lane change) of a code printed at `start`, or None. The lane
        change is applied only when the block is read (see _block)."""
        m = BRACKETED.match(line, start)
        if m:
            code = m.group(1)
            return code, m.end(), (("set", code, start),) if len(code) == 3 else ()
        m = SPLIT.match(line, start)
        if m:
            lei, kuan, xiang = m.group(1), m.group(2).zfill(2), m.group(3) and m.group(3).zfill(2)
            return (lei + kuan + (xiang or ""), m.end(),
                    (("set", lei, start, lei + kuan, m.start(2), m.start(3) if xiang else -1),))
        m = SINGLE.match(line, start)
        if m:
            code = m.group(1)
            return code, m.end(), (("set", code, start),) if len(code) == 3 else ()
        m = LOWER.match(line, start) if first else None
        if m and not re.match(r"[\d,.]", line[m.end():m.end() + 1]):
            found = self._lower_code(start, m.group(1), m.group(2), m.start(2) if m.group(2) else -1)
            if found:
                code, lane, changes = found
                return code, m.end(), (("update", lane, changes),)
        return None

    def _block(self, line, start, first):
        """(CodeRow or None, end column, code) for a block at `start`: a row when a valid code
        and a plausible name are printed, None for a code cell without a (plausible) name; None
        altogether if no code starts there."""
        found = self._match(line, start, first)
        if found is None or not valid_code(found[0]):
            bare = BARE.match(line, start)
            code = re.sub(r"\D", "", bare.group()) if bare else ""
            return (None, bare.end(), code) if bare and valid_code(code) else None
        code, code_end, lane_changes = found
        cell = None if re.match(r"[\d,.]", line[code_end:code_end + 1]) else name_cell(line, code_end)
        if cell is None:
            return None, code_end, code
        raw, name_start, name_end, doubtful = cell
        name = normalise_name(raw)
        if not plausible_name(name):
            return None, name_end, code
        for change in lane_changes:
            if change[0] == "set":
                self._set_lane(*change[1:])
            else:
                for key, value in change[2].items():
                    setattr(change[1], key, value)
        return CodeRow(code, name, start, (name_start, name_end), well_formed=not doubtful), name_end, code


def fragment_near(lines, index, span, step):
    """The text of a wrapped-name fragment on the lines above (step -1) or below (step 1) of
    lines[index] in the name's columns, or None. `lines` are (text, is_code_line) pairs. A
    fragment line holds one cell of CJK text only (a header row holds several) and belongs to
    the code line directly above it if there is one, else to the code line directly below it,
    else to the nearest code line; the search stops at a code line."""
    name_start, name_end = span
    is_code = lambda k: 0 <= k < len(lines) and lines[k][1]
    j = index
    for _ in range(WRAP_LOOK_LINES):
        j += step
        if j < 0 or j >= len(lines):
            return None
        text, code_line = lines[j]
        if not text.strip():
            continue
        cells = list(CELL.finditer(text))
        if code_line or len(cells) != 1:
            return None
        if step < 0 and is_code(j - 1):
            return None
        if step > 0 and j > index + 1 and is_code(j + 1):
            return None
        cell = cells[0]
        if not (name_start - WRAP_MARGIN_CHARS < cell.end()
                and cell.start() < max(name_end, name_start + WRAP_MARGIN_CHARS) + COLUMN_TOLERANCE_CHARS):
            return None
        fragment = normalise_name(cell.group())
        if len(fragment) <= MAX_FRAGMENT_CHARS and re.fullmatch(rf"[{HAN}()、\-—·“”]+", fragment):
            return fragment
        return None
    return None


def code_continues_below(lines, index, row):
    """True if the next non-blank line, not itself a code line, holds a lone 2-digit token
    (款 or 项) under the row's code or name: the code cell was split over two lines and the
    name beside it belongs to the completed code (`302   因公出国(境)费` over `…   12`)."""
    for j in range(index + 1, min(index + 1 + WRAP_LOOK_LINES, len(lines))):
        text, code_line = lines[j]
        if not text.strip():
            continue
        return not code_line and any(row.column <= m.start() < row.name_span[1]
                                     for m in re.finditer(r"(?<!\S)\d{2}(?!\S)", text))
    return False


def row_number_runs(lines):
    """Indices of lines whose leading integer belongs to a numbered list (序号): a run of at
    least MIN_ROW_NUMBER_RUN consecutive integers n, n+1, … starting below 10 (lists count from
    1; 款/项 tokens print 01…09 with their zero). Lines without a leading integer (wrapped text,
    page furniture) do not break a run; another leading integer does."""
    listed = set()
    run = []
    for i, line in enumerate(lines):
        m = ROW_NUMBER.match(line)
        if not m:
            continue
        n = int(m.group(1))
        run = run + [(i, n)] if run and n == run[-1][1] + 1 else [(i, n)]
        if len(run) >= MIN_ROW_NUMBER_RUN and run[0][1] < 10:
            listed.update(k for k, _ in run)
    return listed


def cut_id_continuation(lines, index):
    """True if lines[index] starts with the rest of an alphanumeric ID cut at the start of a
    line above (a project code wrapped in its cell)."""
    seen = 0
    j = index - 1
    while j >= 0 and seen < ID_LOOKBACK_LINES:
        text = lines[j].strip()
        if text:
            seen += 1
            first = text.split()[0]
            if CUT_ID.match(first):
                return True
        j -= 1
    return False


def listing_codes(per_line):
    """Codes printed on one page with names that are not variants of one another (neither a
    prefix nor a suffix of the other): a listing of projects or items filed under the code,
    not the catalogue's name."""
    names = collections.defaultdict(set)
    for rows in per_line:
        for row in rows:
            names[row.code].add(row.name)
    return {code for code, found in names.items()
            if any(not (a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a))
                   for a in found for b in found)}


def parse_page(lines, parser=None, listed=frozenset(), first_line=0):
    """Code rows of one page, with well_formed judged against the neighbouring lines."""
    parser = parser or LineParser()
    parser.new_page()
    per_line = []
    code_line = []         # lines holding a code, named or not
    repeated = set()       # lines whose first code repeats the previous code line's first code
    previous_code = ""
    for i, line in enumerate(lines):
        continued_id = line.strip() and cut_id_continuation(lines, i)
        rows = parser.parse("" if continued_id else line, row_number_first=first_line + i in listed)
        if parser.first_code:
            if parser.first_code == previous_code:
                repeated.add(i)
            previous_code = parser.first_code
        for row in rows:
            row.line = first_line + i
        per_line.append(rows)
        code_line.append(bool(parser.first_code))
    marked = list(zip(lines, code_line))
    code_lines = [i for i, is_code in enumerate(code_line) if is_code]
    listing = listing_codes(per_line)
    out = []
    for i, rows in enumerate(per_line):
        if not rows:
            continue
        position = code_lines.index(i)
        neighbour = any(0 < abs(code_lines[k] - i) <= NEIGHBOUR_ROW_LINES
                        for k in (position - 1, position + 1) if 0 <= k < len(code_lines))
        for row in rows:
            above = fragment_near(marked, i, row.name_span, -1)
            below = fragment_near(marked, i, row.name_span, 1)
            row.well_formed = (row.well_formed and above is None and below is None and neighbour
                               and row.code not in listing and not row.bare_after
                               and not (i in repeated and row is rows[0])
                               and not code_continues_below(marked, i, row))
            out.append(row)
            for joined in filter(None, (above and above + row.name, below and row.name + below)):
                if plausible_name(joined):
                    out.append(dataclasses.replace(row, name=joined, well_formed=False, joined=True))
    return out


def seed_line_as_layout(line):
    """A tab-separated seed line laid out in fixed columns, cells two spaces apart at least."""
    out = ""
    for i, cell in enumerate(line.rstrip("\n").split("\t")):
        cell = cell.strip()
        target = max(len(out) + 2 if out.strip() else 0, i * SEED_COLUMN_CHARS)
        if cell:
            out = out.ljust(target) + cell
    return out


def document_year(text):
    """The fiscal year a document reports: of the years printed in it, the one with the highest
    score; a year in front of 预算/决算 in a short (title-like) line scores most, the same in
    running text less, any other `YYYY年` least. None if no year is printed."""
    score = collections.Counter()
    for line in text.splitlines():
        title_like = len(line.strip()) <= TITLE_LINE_MAX_CHARS
        for m in YEAR_TITLE.finditer(line):
            score[m.group(1).replace(" ", "")] += YEAR_SCORE_TITLE if title_like else YEAR_SCORE_BUDGET_TEXT
        score.update(m.group(1).replace(" ", "") for m in YEAR_ANY.finditer(line))
    if not score:
        return None
    return int(max(sorted(score), key=lambda y: score[y]))


def pdf_pages(path):
    result = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True)
    return result.stdout.decode("utf-8", errors="replace").split("\f")


def document_rows(pages):
    """All code rows of a document given as a list of pages (each a string)."""
    parser = LineParser()
    rows = []
    all_lines = [line for page in pages for line in page.split("\n")]
    listed = row_number_runs(all_lines)
    offset = 0
    for number, page in enumerate(pages, start=1):
        lines = page.split("\n")
        for row in parse_page(lines, parser, listed, offset):
            row.page = number
            rows.append(row)
        offset += len(lines)
    return rows


def collect_sources(args):
    pdfs = []
    for target in args.inputs or [DEFAULT_PDF_DIR]:
        if os.path.isdir(target):
            for root, _, files in os.walk(target):
                pdfs.extend(os.path.join(root, f) for f in files if f.lower().endswith(".pdf"))
        else:
            pdfs.append(target)
    seeds = []
    if args.seeds and os.path.isdir(args.seeds):
        seeds = [os.path.join(args.seeds, f) for f in os.listdir(args.seeds)
                 if f.endswith(".txt") and f != "README.txt"]
    return sorted(pdfs), sorted(seeds)


class Catalogue:
    """Observations: code → name → {document: (year, well_formed)}."""

    def __init__(self):
        self.seen = collections.defaultdict(lambda: collections.defaultdict(dict))

    def add(self, document, year, rows):
        for row in rows:
            docs = self.seen[row.code][row.name]
            was = docs.get(document, (year, False))
            docs[document] = (year, was[1] or row.well_formed)

    def entries(self):
        """[(code, system, [(name, years, documents)])] with the guards of step 4 applied."""
        out = []
        for code in sorted(self.seen, key=lambda c: (SYSTEM_ORDER.index(system_of(c)), c)):
            names = self.seen[code]
            well = {n: sum(1 for _, ok in d.values() if ok) for n, d in names.items()}
            kept = [n for n in names if well[n] > 0]
            years = {n: {y for y, _ in d.values()} for n, d in names.items()}
            kept = [n for n in kept if not any(
                o != n and (o.startswith(n) or o.endswith(n)) and well[o] >= well[n]
                and years[n] <= years[o] for o in kept)]
            if not kept:
                continue
            listed = []
            for n in kept:
                years = sorted({y for y, _ in names[n].values() if y is not None})
                listed.append((n, years, len(names[n])))
            listed.sort(key=lambda e: (-e[2], -(e[1][-1] if e[1] else 0), e[0]))
            out.append((code, system_of(code), listed))
        return out


def year_ranges(years):
    parts, start, prev = [], None, None
    for y in years:
        if start is None:
            start = prev = y
        elif y == prev + 1:
            prev = y
        else:
            parts.append(f"{start}-{prev}" if prev > start else str(start))
            start = prev = y
    if start is not None:
        parts.append(f"{start}-{prev}" if prev > start else str(start))
    return ",".join(parts)


def yaml_scalar(text):
    if re.search(r"[:{}\[\],#&*!|>'\"%@`]", text) or text[:1] in "-?":
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def render_yaml(entries):
    lines = [
        "# 政府收支分类科目 codes and the names printed for them, by year, as read from published disclosures.",
        "# Generated by tools/build_code_catalog.py from ../shared/real and ../shared/seeds; do not edit by hand.",
        "codes:",
    ]
    for code, system, names in entries:
        parts = ", ".join(f"{{name: {yaml_scalar(n)}, years: \"{year_ranges(y)}\", documents: {d}}}"
                          for n, y, d in names)
        lines.append(f"  - {{code: \"{code}\", system: {system}, names: [{parts}]}}")
    return "\n".join(lines) + "\n"


def summary(entries, read, documents, years, stream):
    count = collections.Counter()
    names = 0
    for code, system, listed in entries:
        count[(system, len(code))] += 1
        names += len(listed)
    print(f"documents read: {read}, with code rows: {documents}, their years: {year_ranges(sorted(years))}",
          file=stream)
    for system in SYSTEM_ORDER:
        per_level = ", ".join(f"{LEVEL_BY_LENGTH[n]} {count[(system, n)]}" for n in (3, 5, 7) if count[(system, n)])
        if per_level:
            print(f"{system}: {per_level}", file=stream)
    print(f"codes: {len(entries)}, names: {names}", file=stream)
    conflicts = [(c, l) for c, _, l in entries if len(l) > 1]
    print(f"codes with more than one name: {len(conflicts)}", file=stream)
    for code, listed in conflicts:
        print(f"  {code}: " + " | ".join(f"{n} ({year_ranges(y)}; {d})" for n, y, d in listed), file=stream)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="*", help="PDF files or folders (default: ../shared/real)")
    ap.add_argument("--seeds", default=DEFAULT_SEED_DIR, help="folder of tab-separated seed texts")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--rows", help="also write every code row read (TSV: document, year, page, code, "
                    "name, well_formed, joined) to this file, for review")
    args = ap.parse_args(argv)
    pdfs, seeds = collect_sources(args)
    catalogue = Catalogue()
    seen_texts = set()
    years = set()
    documents = 0
    dump = open(args.rows, "w", encoding="utf-8") if args.rows else None
    for path in pdfs + seeds:
        if path.endswith(".pdf"):
            pages = pdf_pages(path)
        else:
            with open(path, encoding="utf-8") as f:
                pages = ["\n".join(seed_line_as_layout(l) for l in f)]
        text = "\n".join(pages)
        digest = hashlib.sha256(text.encode()).hexdigest()
        if not text.strip() or digest in seen_texts:
            print(f"skipped (no text or duplicate): {path}", file=sys.stderr)
            continue
        seen_texts.add(digest)
        year = document_year(text)
        rows = document_rows(pages)
        if rows:
            documents += 1
            if year is not None:
                years.add(year)
        catalogue.add(path, year, rows)
        for row in rows if dump else ():
            print(os.path.basename(path), year, row.page, row.code, row.name, int(row.well_formed),
                  int(row.joined), sep="\t", file=dump)
    entries = catalogue.entries()
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(render_yaml(entries))
    summary(entries, len(seen_texts), documents, years, sys.stderr)


if __name__ == "__main__":
    main()
