#include "pipeline/doc_id.h"

#include <doctest/doctest.h>

using namespace budgetpdf;

TEST_CASE("doc_id is the first 16 hex digits of SHA-256") {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    CHECK(doc_id_from_bytes("abc") == "ba7816bf8f01cfea");
    CHECK(doc_id_from_bytes("") == "e3b0c44298fc1c14");
    CHECK_FALSE(doc_id_from_file("/nonexistent/file.pdf"));
}
