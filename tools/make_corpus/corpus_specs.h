#pragma once
// The corpus documents: which seed tables each PDF holds and how they are drawn.

#include <functional>
#include <string>
#include <vector>

#include "tools/make_corpus/corpus_document.h"
#include "tools/make_corpus/table_layout.h"
#include "tools/make_corpus/table_variants.h"

namespace budgetpdf::corpus {

struct TableChoice {
    std::string seed_prefix;  // e.g. "000_"
    int index = 0;            // position among the seed file's tab-separated blocks
    TableVariant variant = TableVariant::as_seed;
};

struct DocumentSpec {
    std::string name;  // relative to the corpus folder, without extension
    std::vector<TableChoice> tables;
    TableStyle style;
    PageSize page;
    bool share_page = false;           // several tables on one page where they fit
    bool alternate_alignment = false;  // body text top-aligned in even tables, centred in odd
    bool record_truth = true;          // also write records/<file>.truth.csv from the labels
    std::function<void(std::size_t table, TableStyle& style)> restyle = nullptr;  // per-table changes
};

std::vector<DocumentSpec> corpus_documents();

}  // namespace budgetpdf::corpus
