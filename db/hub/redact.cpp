#include "db/hub/redact.hpp"

#include <cctype>

namespace db::hub {
namespace {

constexpr std::string_view kMask = "***";

bool is_key_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// End of a key/value value starting at `i`: a single-quoted value (with backslash
// escapes, as libpq reads it) or up to whitespace / '&' (the URI query separator).
size_t value_end(std::string_view text, size_t i) {
    if (i < text.size() && text[i] == '\'') {
        for (++i; i < text.size(); ++i) {
            if (text[i] == '\\')
                ++i;
            else if (text[i] == '\'')
                return i + 1;
        }
        return text.size();
    }
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) &&
           text[i] != '&' && text[i] != '"')
        ++i;
    return i;
}

// "password = value" in any case, as a whole key (not "old_password").
std::string mask_password_keys(std::string_view text) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        bool key_start = i == 0 || !is_key_char(text[i - 1]);
        if (key_start && text.size() - i >= 8) {
            std::string_view word = text.substr(i, 8);
            bool match = true;
            for (size_t k = 0; k < 8 && match; ++k)
                match = std::tolower(static_cast<unsigned char>(word[k])) == "password"[k];
            size_t j = i + 8;
            while (match && j < text.size() && text[j] == ' ') ++j;
            if (match && j < text.size() && text[j] == '=') {
                ++j;
                while (j < text.size() && text[j] == ' ') ++j;
                out.append(text.substr(i, j - i));
                out.append(kMask);
                i = value_end(text, j);
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

// "scheme://user:secret@host" -> "scheme://user:***@host".
std::string mask_uri_userinfo(std::string_view text) {
    std::string out;
    size_t i = 0;
    while (i < text.size()) {
        size_t scheme = text.find("://", i);
        if (scheme == std::string_view::npos) break;
        size_t start = scheme + 3;
        out.append(text.substr(i, start - i));
        // User info ends at '@' before any '/', '?', '#' or whitespace.
        size_t end = start;
        while (end < text.size() && text[end] != '@' && text[end] != '/' && text[end] != '?' &&
               text[end] != '#' && !std::isspace(static_cast<unsigned char>(text[end])))
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

}  // namespace db::hub
