// Parsing the HTTP control listener's requests (see http_request.hpp).
#include "app/http_request.hpp"

#include <algorithm>
#include <cctype>

namespace app {
namespace {

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// Compares without stopping at the first difference, so timing says nothing about
// how much of a guess was right.
bool same_token(std::string_view given, std::string_view expected) {
    if (expected.empty()) return false;
    unsigned differ = given.size() != expected.size() ? 1u : 0u;
    const size_t n = std::min(given.size(), expected.size());
    for (size_t i = 0; i < n; ++i) differ |= static_cast<unsigned char>(given[i] ^ expected[i]);
    return differ == 0;
}

bool is_name(std::string_view name, std::string_view expected) {
    return name.size() == expected.size() &&
           std::equal(name.begin(), name.end(), expected.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == b;
           });
}

// Any header line "Authorization: Bearer TOKEN" with the right token.
bool authorised(std::string_view head, std::string_view token) {
    size_t at = head.find("\r\n");
    while (at != std::string_view::npos) {
        const size_t next = head.find("\r\n", at + 2);
        const std::string_view header = head.substr(
            at + 2, next == std::string_view::npos ? std::string_view::npos : next - at - 2);
        if (const size_t colon = header.find(':'); colon != std::string_view::npos) {
            const std::string_view value = trim(header.substr(colon + 1));
            if (is_name(header.substr(0, colon), "authorization") &&
                value.substr(0, 7) == "Bearer " && same_token(trim(value.substr(7)), token))
                return true;
        }
        at = next;
    }
    return false;
}

// "POST /board/caseload" -> "board caseload"; empty when the path is no verb of ours.
std::string control_line(std::string_view method, std::string_view path) {
    if (method == "GET" && path == "/status") return "status";
    if (method != "POST") return {};
    for (std::string_view verb : {"next", "blank", "unblank", "reload"})
        if (path.size() == verb.size() + 1 && path[0] == '/' && path.substr(1) == verb)
            return std::string(verb);
    constexpr std::string_view board = "/board/";
    if (path.substr(0, board.size()) == board && path.size() > board.size()) {
        const std::string_view name = path.substr(board.size());
        if (name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_-") == std::string_view::npos)
            return "board " + std::string(name);
    }
    return {};
}

}  // namespace

std::optional<std::string_view> request_head(std::string_view received) {
    const size_t end = received.find("\r\n\r\n");
    if (end == std::string_view::npos) return std::nullopt;
    return received.substr(0, end);
}

HttpRequest parse_http_request(std::string_view head, std::string_view token) {
    // The token before anything else: a caller without it learns nothing.
    if (!authorised(head, token)) return {401, "", "a valid bearer token is required"};
    const std::string_view first = head.substr(0, head.find("\r\n"));
    const size_t space = first.find(' ');
    const std::string_view method = first.substr(0, space);
    std::string_view path;
    if (space != std::string_view::npos) {
        path = first.substr(space + 1);
        path = path.substr(0, path.find(' '));
    }
    std::string line = control_line(method, path);
    if (line.empty())
        return {404, "", "no such request: " + std::string(method) + " " + std::string(path)};
    return {200, std::move(line), ""};
}

std::string_view http_reason(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 400:
            return "Bad Request";
        case 401:
            return "Unauthorized";
        case 404:
            return "Not Found";
        case 409:
            return "Conflict";
    }
    return "Error";
}

}  // namespace app
