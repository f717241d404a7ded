#include "db/import/file_bytes.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

namespace db::inbox {
namespace {

// Length of the UTF-8 sequence starting at s[i], or 0 if it is not a valid one
// (overlong forms, surrogates and code points past U+10FFFF are invalid too).
size_t utf8_sequence_length(std::string_view s, size_t i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    size_t length;
    uint32_t code;
    // NUL is UTF-8, but in an inbox file it means UTF-16 ("Unicode text" exports).
    if (c == 0) return 0;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
        code = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        code = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        code = c & 0x07;
    } else {
        return 0;
    }
    if (i + length > s.size()) return 0;
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    if (length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) return 0;
    if (length == 4 && (code < 0x10000 || code > 0x10FFFF)) return 0;
    return length;
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 0x0F];
    }
    return out;
}

std::string_view strip_bom(std::string_view bytes) {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    return bytes;
}

void check_utf8(std::string_view text, const std::string& file, std::vector<Problem>& problems) {
    int line = 1;
    int last_reported = 0;
    size_t i = 0;
    while (i < text.size()) {
        // Most inbox text is ASCII: skip it eight bytes at a time.
        if (i + 8 <= text.size()) {
            uint64_t block;
            std::memcpy(&block, text.data() + i, 8);
            constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
            bool has_zero_byte = ((block - kOnes) & ~block & kHighs) != 0;
            if ((block & kHighs) == 0 && !has_zero_byte) {
                line += static_cast<int>(std::count(text.data() + i, text.data() + i + 8, '\n'));
                i += 8;
                continue;
            }
        }
        if (text[i] == '\n') ++line;
        size_t length = utf8_sequence_length(text, i);
        if (length == 0) {
            if (line != last_reported)
                problems.push_back({file, line, "",
                                    text[i] == 0 ? "text is UTF-16, not UTF-8 (save the file as "
                                                   "\"CSV UTF-8\")"
                                                 : "text is not UTF-8 (save the file as \"CSV "
                                                   "UTF-8\")"});
            last_reported = line;
            length = 1;
        }
        i += length;
    }
}

int line_of(std::string_view text, size_t offset) {
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(
                   std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

}  // namespace db::inbox
