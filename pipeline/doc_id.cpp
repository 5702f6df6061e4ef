#include "pipeline/doc_id.h"

#include <openssl/evp.h>

#include <fstream>
#include <iterator>

namespace budgetpdf {

std::string doc_id_from_bytes(const std::string& bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    static const char hex[] = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 8; ++i) {
        id.push_back(hex[digest[i] >> 4]);
        id.push_back(hex[digest[i] & 0xf]);
    }
    return id;
}

std::optional<std::string> doc_id_from_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return doc_id_from_bytes(bytes);
}

}  // namespace budgetpdf
