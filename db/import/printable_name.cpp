#include "db/import/printable_name.hpp"

#include <cstdint>
#include <cstdio>

namespace db {
namespace {

// The code point of the UTF-8 sequence at text[i] and its length; length 0 when the
// bytes there are not valid UTF-8 (overlong, surrogate, past U+10FFFF, cut short).
struct Decoded {
    uint32_t code = 0;
    size_t length = 0;
};

Decoded decode(std::string_view text, size_t i) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return {lead, 1};
    size_t length = 0;
    uint32_t code = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code = lead & 0x07;
    } else {
        return {};
    }
    if (i + length > text.size()) return {};
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {};
        code = (code << 6) | (byte(i + k) & 0x3F);
    }
    if ((length == 3 && (code < 0x800 || (code >= 0xD800 && code <= 0xDFFF))) ||
        (length == 4 && (code < 0x10000 || code > 0x10FFFF)))
        return {};
    return {code, length};
}

// Characters that move the cursor, end a line or reorder text when displayed.
bool needs_escape(uint32_t code) {
    return code < 0x20 || code == 0x7F || (code >= 0x80 && code <= 0x9F) || code == 0x2028 ||
           code == 0x2029 || (code >= 0x202A && code <= 0x202E) ||
           (code >= 0x2066 && code <= 0x2069);
}

std::string hex_escape(const char* format, uint32_t value) {
    char buffer[12];
    std::snprintf(buffer, sizeof buffer, format, static_cast<unsigned>(value));
    return buffer;
}

}  // namespace

std::string printable_name(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const Decoded d = decode(text, i);
        if (d.length == 0) {
            out += hex_escape("\\x%02x", static_cast<unsigned char>(text[i]));
            ++i;
            continue;
        }
        if (d.code == '\\') {
            out += "\\\\";
        } else if (d.code == '\n') {
            out += "\\n";
        } else if (d.code == '\r') {
            out += "\\r";
        } else if (d.code == '\t') {
            out += "\\t";
        } else if (needs_escape(d.code)) {
            out += hex_escape(d.code < 0x100 ? "\\x%02x" : "\\u%04x", d.code);
        } else {
            out.append(text.substr(i, d.length));
        }
        i += d.length;
    }
    return out;
}

}  // namespace db
