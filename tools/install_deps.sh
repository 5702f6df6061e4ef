#!/usr/bin/env bash
# Installs the Debian 12 packages budgetpdf builds and tests with (needs root or sudo).
set -euo pipefail
packages=(
  g++ cmake make pkg-config
  libpoppler-private-dev poppler-utils   # PDF reading and rendering; pdftotext for the benchmark
  poppler-data                           # CJK CMaps (Adobe-GB1): CID fonts without them lose their text
  libyaml-cpp-dev                        # layout templates
  libicu-dev                             # text normalisation
  libssl-dev                             # SHA-256 for doc_id
  libsqlite3-dev                         # the batch's dataset
  nlohmann-json3-dev libcli11-dev doctest-dev
  libcairo2-dev fonts-wqy-microhei       # the test corpus generator
  qpdf                                   # tests: rotated and encrypted PDFs; no-ToUnicode variants
  libtesseract-dev libleptonica-dev      # the OCR path (extract/ocr_*, tesseract_adapter, leptonica_page)
  tesseract-ocr-chi-sim tesseract-ocr-eng  # its language data (chi_sim; eng reads amounts and codes too); tests read scans with it
  tesseract-ocr imagemagick img2pdf      # tools/ocr_benchmark (full-page tesseract) and tools/make_scans
  time                                   # tools/benchmark.sh: peak RSS
  python3-distributed                    # tools/dask_batch.py and its test (a LocalCluster on loopback)
)
sudo=""
if [ "$(id -u)" != 0 ]; then sudo=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "installed: ${packages[*]}"
