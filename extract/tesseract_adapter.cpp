// Tesseract behind a small interface: single-line recognition of a cropped image.
//
// How it works: one TessBaseAPI is initialised once with the LSTM engine and kept; each call
// sets the image, the page segmentation mode (one line) and the character whitelist (none;
// digits and separators for amount and code columns; numerals and marks for a label's
// lead-in), recognises, and walks the result by
// word and symbol: the text (words joined by a space), each symbol's confidence (Tesseract's
// 0–100 score, here 0–1) and, on request, the LSTM's alternative characters at each place.
#include "extract/tesseract_adapter.h"

#include <algorithm>
#include <cctype>

#include <omp.h>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/ltrresultiterator.h>
#include <tesseract/resultiterator.h>

namespace budgetpdf {
namespace {

constexpr const char* digit_whitelist = "0123456789.,-";
constexpr const char* latin_language = "eng";  // Debian's tesseract-ocr-eng
constexpr const char* ordinal_whitelist = "一二三四五六七八九十、（）().．0123456789①②③④⑤⑥⑦⑧⑨⑩";

const char* whitelist(OcrCharset charset) {
    switch (charset) {
        case OcrCharset::digits: return digit_whitelist;
        case OcrCharset::ordinal: return ordinal_whitelist;
        case OcrCharset::any: break;
    }
    return "";
}
constexpr double percent = 100.0;

// Tesseract's OpenMP regions run on the calling thread. Its LSTM computes each line's gates in
// parallel regions; budgetpdf's parallelism is its worker processes (and their helper
// threads), and on two busy cores the gate threads spent more time waiting for each other
// (futex) than reading: a 300 dpi scan page took 15 s, 8 of them in the kernel, against 2.4 s
// on one thread, the same text read. The limit is a setting of the calling thread (OpenMP 5),
// so it is set by each thread that reads; OMP_THREAD_LIMIT=1 would do it for all, but libgomp
// reads it before main.
void keep_ocr_on_this_thread() { omp_set_max_active_levels(0); }

bool is_ascii_alnum(const std::string& symbol) {
    return symbol.size() == 1 && std::isalnum(static_cast<unsigned char>(symbol[0]));
}

}  // namespace

struct TesseractEngine::Impl {
    tesseract::TessBaseAPI api;
    OcrCharset charset = OcrCharset::any;
    bool alternatives = false;
    OcrSegmentation segmentation = OcrSegmentation::line;
    // The Latin model for numbers, made when first asked for; failed stays true when its data
    // cannot be loaded.
    std::unique_ptr<tesseract::TessBaseAPI> latin;
    bool latin_failed = false;
};

namespace {

// The text and per-symbol confidences of the image set on `api`, recognised.
OcrLine recognised(tesseract::TessBaseAPI& api, bool alternatives) {
    OcrLine line;
    if (api.Recognize(nullptr) != 0) return line;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it) return line;
    double least = 1.0;
    bool any = false;
    do {
        if (it->Empty(tesseract::RIL_SYMBOL)) continue;
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
        if (!text) continue;
        // Words are separated by a space only between Latin letters or digits: Chinese has
        // none, and the text layer gives none between a character and a number either.
        if (it->IsAtBeginningOf(tesseract::RIL_WORD) && !line.symbols.empty() &&
            is_ascii_alnum(line.symbols.back().text) && is_ascii_alnum(text.get()))
            line.text += ' ';
        OcrSymbol symbol;
        symbol.text = text.get();
        symbol.confidence = std::clamp(it->Confidence(tesseract::RIL_SYMBOL) / percent, 0.0, 1.0);
        if (alternatives) {
            tesseract::ChoiceIterator choice(*it);
            do {
                const char* alt = choice.GetUTF8Text();
                if (alt && *alt) symbol.alternatives.emplace_back(alt, std::clamp<double>(choice.Confidence(), 0.0, 1.0));
            } while (choice.Next());
        }
        line.text += symbol.text;
        least = std::min(least, symbol.confidence);
        any = true;
        line.symbols.push_back(std::move(symbol));
    } while (it->Next(tesseract::RIL_SYMBOL));
    line.confidence = any ? least : 0.0;
    return line;
}

}  // namespace

TesseractEngine::TesseractEngine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TesseractEngine::~TesseractEngine() = default;

std::unique_ptr<TesseractEngine> TesseractEngine::create(const std::string& languages, std::string& error) {
    auto impl = std::make_unique<Impl>();
    // Tesseract prints nothing we want on stderr; its debug output goes nowhere.
    impl->api.SetVariable("debug_file", "/dev/null");
    if (impl->api.Init(nullptr, languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
        error = "Tesseract cannot load the language data '" + languages +
                "' (Debian: tesseract-ocr-chi-sim, tesseract-ocr-eng)";
        return nullptr;
    }
    impl->api.SetVariable("debug_file", "/dev/null");
    impl->api.SetPageSegMode(tesseract::PSM_SINGLE_LINE);
    return std::unique_ptr<TesseractEngine>(new TesseractEngine(std::move(impl)));
}

OcrLine TesseractEngine::read_line(Pix* image, double dpi, OcrCharset charset, bool alternatives,
                                   OcrSegmentation segmentation) {
    keep_ocr_on_this_thread();
    tesseract::TessBaseAPI& api = impl_->api;
    if (segmentation != impl_->segmentation) {
        api.SetPageSegMode(segmentation == OcrSegmentation::word ? tesseract::PSM_SINGLE_WORD
                                                                 : tesseract::PSM_SINGLE_LINE);
        impl_->segmentation = segmentation;
    }
    if (charset != impl_->charset) {
        api.SetVariable("tessedit_char_whitelist", whitelist(charset));
        impl_->charset = charset;
    }
    if (alternatives != impl_->alternatives) {
        api.SetVariable("lstm_choice_mode", alternatives ? "2" : "0");
        impl_->alternatives = alternatives;
    }
    api.SetImage(image);
    api.SetSourceResolution(static_cast<int>(dpi));
    return recognised(api, alternatives);
}

OcrLine TesseractEngine::read_number(Pix* image, double dpi) {
    keep_ocr_on_this_thread();
    if (!impl_->latin && !impl_->latin_failed) {
        auto latin = std::make_unique<tesseract::TessBaseAPI>();
        latin->SetVariable("debug_file", "/dev/null");
        if (latin->Init(nullptr, latin_language, tesseract::OEM_LSTM_ONLY) == 0) {
            latin->SetVariable("debug_file", "/dev/null");
            latin->SetPageSegMode(tesseract::PSM_SINGLE_LINE);
            latin->SetVariable("tessedit_char_whitelist", digit_whitelist);
            impl_->latin = std::move(latin);
        } else {
            impl_->latin_failed = true;
        }
    }
    if (!impl_->latin) return {};
    impl_->latin->SetImage(image);
    impl_->latin->SetSourceResolution(static_cast<int>(dpi));
    return recognised(*impl_->latin, false);
}

}  // namespace budgetpdf
