#!/usr/bin/python3
"""Converts budget-disclosure PDFs on a Dask distributed cluster into a budgetpdf dataset.

The driver asks the dataset which inputs still need converting (`budgetpdf batch ...
--list-pending`, so a rerun resumes), fans them out in chunks to the cluster's workers,
where each chunk runs `budgetpdf batch --stream` (paths on stdin, records and documents
JSONL out), and gathers every finished chunk into the dataset with `budgetpdf dataset
import` (one writer: this driver), then exports the SCHEMA.md files. The workers must see
the input paths and a budgetpdf binary (a shared folder, or the same install on each).

  tools/dask_batch.py INPUT... --out DIR --scheduler tcp://HOST:8786
  tools/dask_batch.py INPUT... --out DIR --local-workers 2      # a LocalCluster on loopback

Needs Debian's python3-distributed. Exit status as `budgetpdf batch`: 0 all read, 3 some
documents failed (or a chunk failed on its worker and was left for the next run), 4 the
dataset could not be written.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

from distributed import Client, LocalCluster, as_completed


def convert_chunk(paths, budgetpdf, options):
    """Runs on a worker: one streaming budgetpdf over `paths`; returns its three streams."""
    with tempfile.TemporaryDirectory(prefix="budgetpdf_chunk_") as scratch:
        documents = os.path.join(scratch, "documents.jsonl")
        diagnostics = os.path.join(scratch, "diagnostics.jsonl")
        command = [budgetpdf, "batch", "--stream", "--documents", documents, "--diagnostics", diagnostics] + options
        run = subprocess.run(command, input="".join(p + "\n" for p in paths).encode(), capture_output=True)
        if run.returncode not in (0, 2, 3):
            raise RuntimeError(f"budgetpdf exited {run.returncode}: {run.stderr.decode(errors='replace').strip()}")
        with open(documents, "rb") as d, open(diagnostics, "rb") as g:
            return {"paths": len(paths), "records": run.stdout, "documents": d.read(), "diagnostics": g.read()}


def budgetpdf_run(command):
    run = subprocess.run(command, capture_output=True, text=True)
    sys.stderr.write(run.stderr)
    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", help="PDF files and folders")
    parser.add_argument("--out", required=True, help="the dataset folder")
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a running Dask scheduler")
    where.add_argument("--local-workers", type=int, help="start a LocalCluster of this many worker processes on loopback")
    parser.add_argument("--chunk", type=int, default=4, help="documents per task (default 4)")
    parser.add_argument("--budgetpdf", default="budgetpdf", help="the budgetpdf binary, as the workers reach it")
    parser.add_argument("--layouts", help="layouts folder, as the workers reach it")
    parser.add_argument("--timeout", type=int, help="seconds per document")
    parser.add_argument("--memory", type=int, help="MiB per document")
    parser.add_argument("--ocr", choices=["auto", "always", "never"], help="which pages are read by OCR (default auto)")
    parser.add_argument("--dpi", type=int, help="resolution of the pages read by OCR (default 300)")
    args = parser.parse_args()

    options = ["--jobs", "1"]
    for flag, value in (("--layouts", args.layouts), ("--timeout", args.timeout), ("--memory", args.memory),
                        ("--ocr", args.ocr), ("--dpi", args.dpi)):
        if value is not None:
            options += [flag, str(value)]
    local_options = ["--layouts", args.layouts] if args.layouts else []
    pending = budgetpdf_run([args.budgetpdf, "batch", *args.inputs, "--out", args.out, "--list-pending", *local_options])
    if pending.returncode != 0:
        return pending.returncode
    paths = [os.path.abspath(line) for line in pending.stdout.splitlines() if line]
    print(f"dask_batch: {len(paths)} inputs to convert", file=sys.stderr)

    status = 0
    if paths:
        if args.scheduler:
            client = Client(args.scheduler)
        else:
            cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                                   host="127.0.0.1", dashboard_address=None)
            client = Client(cluster)
        chunks = [paths[i:i + args.chunk] for i in range(0, len(paths), args.chunk)]
        futures = client.map(convert_chunk, chunks, budgetpdf=args.budgetpdf, options=options, pure=False)
        done = 0
        with tempfile.TemporaryDirectory(prefix=".dask_import_", dir=args.out) as scratch:
            for future in as_completed(futures):
                if future.status != "finished":  # a chunk that failed on its worker: left for the next run
                    print(f"dask_batch: a chunk failed: {future.exception()}", file=sys.stderr)
                    status = max(status, 3)
                    continue
                result = future.result()
                files = {}
                for stream in ("records", "documents", "diagnostics"):
                    files[stream] = os.path.join(scratch, stream + ".jsonl")
                    with open(files[stream], "wb") as f:
                        f.write(result[stream])
                imported = budgetpdf_run([args.budgetpdf, "dataset", "import", args.out, "--records", files["records"],
                                          "--documents", files["documents"], "--diagnostics", files["diagnostics"]])
                if imported.returncode not in (0, 3):
                    return imported.returncode
                status = max(status, imported.returncode)
                for line in result["documents"].splitlines():
                    if json.loads(line).get("status") == "failed":
                        status = max(status, 3)
                done += result["paths"]
                print(f"dask_batch: {done}/{len(paths)} gathered", file=sys.stderr)
        client.close()
        if not args.scheduler:
            cluster.close()

    exported = budgetpdf_run([args.budgetpdf, "dataset", "export", args.out])
    return exported.returncode if exported.returncode != 0 else status


if __name__ == "__main__":
    sys.exit(main())
