#!/usr/bin/env python3
"""Writes the PDF seed corpus of fuzz_pdf (fuzz/corpus/pdf) from the generated corpus.

Usage: fuzz/make_pdf_seeds.py [--out fuzz/corpus/pdf]   (needs qpdf and fix-qdf)

Seeds are single pages of corpus/grid PDFs with the embedded font programs removed (text
still maps through ToUnicode) and streams recompressed, so each is a few KB; mutations of
them (truncated files, broken content streams, extreme matrices and boxes, flipped bytes);
and small hand-written pathological pages (forms nested to millions of path segments or
glyphs, pages over the path limit, a form drawing itself, deep q nesting). Deterministic: the same corpus gives the
same bytes.
"""
import argparse
import os
import random
import re
import subprocess
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRID = os.path.join(ROOT, "corpus", "grid")


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.PIPE)


def qdf_of(pdf, pages, tmp):
    """The pages of `pdf` as an uncompressed QDF file without embedded fonts."""
    one = os.path.join(tmp, "pages.pdf")
    run("qpdf", "--deterministic-id", "--empty", "--pages", pdf, pages, "--", one)
    qdf = os.path.join(tmp, "pages.qdf")
    run("qpdf", "--qdf", "--object-streams=disable", "--deterministic-id", one, qdf)
    data = open(qdf, "rb").read()
    fonts = {int(n) for n in re.findall(rb"/FontFile[23]? (\d+) 0 R", data)}
    data = re.sub(rb"\s*/FontFile[23]? \d+ 0 R", b"", data)

    def empty_font(m):
        if int(m.group(1)) not in fonts:
            return m.group(0)
        return b"%s 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj" % m.group(1)

    return re.sub(rb"(\d+) 0 obj\n<<.*?>>\nstream\n.*?\nendstream\nendobj", empty_font, data, flags=re.S)


def finish(qdf, path, tmp):
    """Repairs the QDF's xref and lengths and writes it compressed to `path`."""
    src = os.path.join(tmp, "edit.qdf")
    open(src, "wb").write(qdf)
    fixed = subprocess.run(["fix-qdf", src], check=True, stdout=subprocess.PIPE).stdout
    open(src, "wb").write(fixed)
    run("qpdf", "--object-streams=generate", "--compress-streams=y", "--recompress-flate",
        "--compression-level=9", "--deterministic-id", src, path)


def edit_content(qdf, edit):
    """Applies `edit` to the text of the first page's content stream."""
    m = re.search(rb"%% Contents for page 1\n.*?stream\n(.*?)\nendstream", qdf, flags=re.S)
    return qdf[:m.start(1)] + edit(m.group(1)) + qdf[m.end(1):]


def edit_page(qdf, edit):
    """Applies `edit` to the first page dictionary."""
    m = re.search(rb"%% Page 1\n.*?obj\n(<<.*?\n>>)\nendobj", qdf, flags=re.S)
    return qdf[:m.start(1)] + edit(m.group(1)) + qdf[m.end(1):]


def flip_bytes(data, count, seed):
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(count):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def handmade_pdf(content, resources=b"", extra_objects=(), page_extra=b""):
    """A one-page PDF with Helvetica as /F1, `content` as its stream and extra objects 5…"""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >> >> " + resources + b" >> " + page_extra + b">>",
    ]
    packed = zlib.compress(content, 9)
    objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")
    objects.extend(extra_objects)
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def same_content_pages_pdf(content, pages):
    """A PDF of `pages` pages that all draw the one content stream (object 3)."""
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages]
    packed = zlib.compress(content, 9)
    objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << >> >>"] * pages
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def form(body, resources=b""):
    packed = zlib.compress(body, 9)
    return (b"<< /Type /XObject /Subtype /Form /BBox [-10000 -10000 10000 10000] /Resources << "
            + resources + b" >> /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")


def nested_forms(leaf, levels, fanout, step):
    """Form 5 is `leaf`; each next form draws the previous one `fanout` times, shifted by `step`."""
    objects = [form(leaf, b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>")]
    for level in range(1, levels):
        calls = b"".join(b"q 1 0 0 1 %.3f %.3f cm /X Do Q\n" % (step[0] * i, step[1] * i) for i in range(fanout))
        objects.append(form(calls, b"/XObject << /X %d 0 R >>" % (4 + level)))
    top = 4 + levels
    return handmade_pdf(b"/X Do\n", b"/XObject << /X %d 0 R >>" % top, objects)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=os.path.join(ROOT, "fuzz", "corpus", "pdf"))
    out = parser.parse_args().out
    os.makedirs(out, exist_ok=True)

    def write(name, data):
        open(os.path.join(out, name), "wb").write(data)

    with tempfile.TemporaryDirectory() as tmp:
        def from_corpus(name, source, pages="1", edit=None):
            qdf = qdf_of(os.path.join(GRID, source + ".pdf"), pages, tmp)
            finish(edit(qdf) if edit else qdf, os.path.join(out, name), tmp)

        from_corpus("lattice_full_grid.pdf", "yangquan_final_full_grid")
        from_corpus("several_tables_per_page.pdf", "yangquan_budget_several_tables_per_page")
        from_corpus("horizontal_rules.pdf", "yangquan_final_horizontal_rules")
        from_corpus("landscape_16_columns.pdf", "yangquan_final_landscape_16_columns")
        from_corpus("fill_borders.pdf", "yangquan_budget_fill_borders")
        from_corpus("wrapped_labels.pdf", "yangquan_final_wrapped_labels")
        from_corpus("continued_no_header_2_pages.pdf", "jincheng_budget_continued_no_header", "1-2")

        base = "yangquan_budget_several_tables_per_page"
        from_corpus("content_truncated.pdf", base,
                    edit=lambda q: edit_content(q, lambda c: c[: len(c) * 3 // 5]))
        from_corpus("content_huge_scale.pdf", base,
                    edit=lambda q: edit_content(q, lambda c: b"1" + b"0" * 38 + b" 0 0 1" + b"0" * 38 + b" 0 0 cm\n" + c))
        from_corpus("content_singular_matrix.pdf", base,
                    edit=lambda q: edit_content(q, lambda c: b"0 0 0 0 0 0 cm\n" + c))
        from_corpus("content_far_offset.pdf", base,
                    edit=lambda q: edit_content(q, lambda c: b"1 0 0 1 -90000000 90000000 cm\n" + c))
        from_corpus("content_huge_font.pdf", base,
                    edit=lambda q: edit_content(q, lambda c: re.sub(rb"\n9 0 0 -9 ", b"\n900000 0 0 -900000 ", c)))
        from_corpus("content_flipped_bytes.pdf", base,
                    edit=lambda q: edit_content(q, lambda c: flip_bytes(c, 40, 7)))
        from_corpus("rotate_45.pdf", base, edit=lambda q: edit_page(q, lambda p: p[:-2] + b"  /Rotate 45\n>>"))
        from_corpus("mediabox_empty.pdf", base, edit=lambda q: edit_page(
            q, lambda p: re.sub(rb"/MediaBox \[.*?\]", b"/MediaBox [0 0 0 0]", p, flags=re.S)))
        from_corpus("mediabox_huge.pdf", base, edit=lambda q: edit_page(
            q, lambda p: re.sub(rb"/MediaBox \[.*?\]", b"/MediaBox [-1000000000 -1000000000 1000000000 1000000000]",
                                p, flags=re.S)))

        whole = open(os.path.join(out, "several_tables_per_page.pdf"), "rb").read()
        write("truncated_half.pdf", whole[: len(whole) // 2])
        write("truncated_before_trailer.pdf", whole[:-40])
        write("flipped_bytes.pdf", flip_bytes(whole, 12, 11))

    # 100 segments drawn 100 × 100 × 100 times = 100 million strokes through nested forms.
    leaf = b"".join(b"0 %.2f m 500 %.2f l S\n" % (i * 0.01, i * 0.01) for i in range(100))
    write("nested_forms_100m_segments.pdf", nested_forms(leaf, 4, 100, (0.0, 1.0)))
    # 1,000 glyphs drawn 100 × 100 times = 10 million glyphs.
    glyphs = b"BT /F1 1 Tf 0 0 Td (0123456789012345678901234567890123456789) Tj ET\n"
    write("nested_forms_10m_glyphs.pdf", nested_forms(glyphs * 25, 3, 100, (0.5, 0.5)))
    # Eight pages, each over the path limit (150,000 segments in one flat stream).
    flat = b"".join(b"0 %d m 500 %d l S\n" % (i % 800, i % 800) for i in range(150000))
    write("eight_pages_over_path_limit.pdf", same_content_pages_pdf(flat, 8))
    write("form_draws_itself.pdf", handmade_pdf(b"/X Do\n", b"/XObject << /X 5 0 R >>",
                                                [form(b"0 0 m 100 0 l S /X Do\n", b"/XObject << /X 5 0 R >>")]))
    write("deep_save_nesting.pdf", handmade_pdf(b"q " * 100000 + b"BT /F1 12 Tf 72 700 Td (deep) Tj ET\n"))


if __name__ == "__main__":
    main()
