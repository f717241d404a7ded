#include "db/hub/redact.hpp"

#include <algorithm>
#include <cctype>

namespace db::hub {
namespace {

constexpr std::string_view kMask = "***";

bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// Characters of a key as libpq may read it: a URI query key can be percent-encoded
// ("pass%77ord" is "password" to libpq), so '%' belongs to the key too.
bool is_key_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '%';
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

// The key as libpq reads it: %XX decoded, lower case.
std::string decoded_key(std::string_view key) {
    std::string out;
    for (size_t i = 0; i < key.size(); ++i) {
        if (key[i] == '%' && i + 2 < key.size()) {
            int high = hex_value(key[i + 1]), low = hex_value(key[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(std::tolower(high * 16 + low));
                i += 2;
                continue;
            }
        }
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(key[i])));
    }
    return out;
}

// Every key that names a password ends in "password": password, sslpassword, and
// whatever libpq adds next. Masking a harmless "old_password" too costs nothing.
bool names_a_password(std::string_view key) {
    const std::string decoded = decoded_key(key);
    constexpr std::string_view kWord = "password";
    return decoded.size() >= kWord.size() &&
           decoded.compare(decoded.size() - kWord.size(), kWord.size(), kWord) == 0;
}

// End of a key/value value starting at `i`: a single-quoted value (with backslash
// escapes, as libpq reads it) or up to whitespace / '&' (the URI query separator).
size_t value_end(std::string_view text, size_t i) {
    if (i < text.size() && text[i] == '\'') {
        for (++i; i < text.size(); ++i) {
            if (text[i] == '\\')
                ++i;
            else if (text[i] == '\'')
                return std::min(i + 1, text.size());
        }
        return text.size();
    }
    while (i < text.size() && !is_space(text[i]) && text[i] != '&' && text[i] != '"') ++i;
    return i;
}

// "password = value", "sslpassword=value", "pass%77ord=value": the value masked.
std::string mask_password_keys(std::string_view text) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        if (!is_key_char(text[i])) {
            out += text[i++];
            continue;
        }
        size_t key_end = i;
        while (key_end < text.size() && is_key_char(text[key_end])) ++key_end;
        size_t j = key_end;
        while (j < text.size() && is_space(text[j])) ++j;
        if (j < text.size() && text[j] == '=' && names_a_password(text.substr(i, key_end - i))) {
            ++j;
            while (j < text.size() && is_space(text[j])) ++j;
            out.append(text.substr(i, j - i));
            out.append(kMask);
            i = value_end(text, j);
            continue;
        }
        out.append(text.substr(i, key_end - i));
        i = key_end;
    }
    return out;
}

// "scheme://user:secret@host" -> "scheme://user:***@host". Like libpq, the user info
// runs to the first '@' before any '/': a password may hold '?', '#' or ':'.
std::string mask_uri_userinfo(std::string_view text) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t scheme = text.find("://", i);
        if (scheme == std::string_view::npos) break;
        size_t start = scheme + 3;
        out.append(text.substr(i, start - i));
        size_t end = start;
        while (end < text.size() && text[end] != '@' && text[end] != '/' && !is_space(text[end]))
            ++end;
        if (end < text.size() && text[end] == '@') {
            std::string_view userinfo = text.substr(start, end - start);
            size_t colon = userinfo.find(':');
            if (colon != std::string_view::npos) {
                out.append(userinfo.substr(0, colon + 1));
                out.append(kMask);
            } else {
                out.append(userinfo);
            }
            i = end;
        } else {
            i = start;
        }
    }
    out.append(text.substr(i));
    return out;
}

}  // namespace

std::string redact_secrets(std::string_view text) {
    return mask_uri_userinfo(mask_password_keys(text));
}

std::string mask_quoted_values(std::string_view text) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t open = text.find('"', i);
        if (open == std::string_view::npos) break;
        size_t close = text.find('"', open + 1);
        if (close == std::string_view::npos) break;
        out.append(text.substr(i, open + 1 - i));
        // A lone character is libpq naming a separator ("=", "]"), not quoting a value.
        out.append(close - open - 1 <= 1 ? text.substr(open + 1, close - open - 1) : kMask);
        out += '"';
        i = close + 1;
    }
    out.append(text.substr(i));
    return out;
}

}  // namespace db::hub
