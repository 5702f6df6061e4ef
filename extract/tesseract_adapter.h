#pragma once
// The one place Tesseract is used: one engine (TessBaseAPI) created once and reused for every
// line it is given. Private to extract/ (takes Leptonica's Pix).

#include <memory>
#include <string>
#include <vector>

struct Pix;

namespace budgetpdf {

enum class OcrCharset {
    any,     // the languages' full character set
    digits,  // amounts and codes: digits, separators, sign
    ordinal, // the lead-in of a label: 一、 （三） 2. ①
};

enum class OcrSegmentation {
    line,  // one line of text (Tesseract finds the words in it)
    word,  // one word: the whole image is one run of characters
};

struct OcrSymbol {
    std::string text;
    double confidence = 0;  // 0..1, Tesseract's own score for the character
    // Other characters the recogniser considered at this place, most likely first, with their
    // probability (0..1); filled only when alternatives were asked for.
    std::vector<std::pair<std::string, double>> alternatives;
};

struct OcrLine {
    std::string text;             // words joined by one space
    double confidence = 0;        // 0..1: the least sure character's score (0 when nothing was read)
    std::vector<OcrSymbol> symbols;
};

class TesseractEngine {
public:
    // Nothing (and `error` set) when the languages' data cannot be loaded.
    static std::unique_ptr<TesseractEngine> create(const std::string& languages, std::string& error);
    ~TesseractEngine();
    TesseractEngine(const TesseractEngine&) = delete;
    TesseractEngine& operator=(const TesseractEngine&) = delete;

    // Reads `image` as one line of text (or as one word).
    OcrLine read_line(Pix* image, double dpi, OcrCharset charset, bool alternatives = false,
                      OcrSegmentation segmentation = OcrSegmentation::line);

    // Reads `image` as one line of digits and separators with Tesseract's Latin model (eng):
    // digits printed in a Latin font (Times) that the Chinese model misreads (559.38 as 339.38,
    // 22,006.16 as 22,000.10). Nothing read when the Latin model's data is missing.
    OcrLine read_number(Pix* image, double dpi);

private:
    struct Impl;
    explicit TesseractEngine(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace budgetpdf
