// The HTTP control listener: loopback by default, every request without the right
// bearer token refused before it is looked at, only the control verbs (no screenshot),
// and a token file others can read refused.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <mutex>
#include <vector>

#include "app/control_protocol.hpp"
#include "app/http_control.hpp"
#include "app/http_request.hpp"
#include "support/temp_dir.hpp"

namespace {

// What the kiosk's handler saw, and an answer for each.
struct FakeKiosk {
    std::mutex mutex;
    std::vector<std::string> lines;
    std::string handle(const std::string& line) {
        std::lock_guard lock(mutex);
        lines.push_back(line);
        return app::control_ok(R"({"seen":")" + line + "\"}");
    }
};

// Sends `request` to 127.0.0.1:port and returns the whole response.
std::string http(uint16_t port, const std::string& request) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::send(fd, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
    std::string response;
    char buffer[4096];
    ssize_t n;
    while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0)
        response.append(buffer, static_cast<size_t>(n));
    ::close(fd);
    return response;
}

std::string with_token(const std::string& first_line, const std::string& token) {
    return first_line + "\r\nHost: kiosk\r\nAuthorization: Bearer " + token + "\r\n\r\n";
}

}  // namespace

TEST_CASE("listen addresses default to loopback and refuse nonsense") {
    CHECK(app::parse_listen_address("8765").host == "127.0.0.1");
    CHECK(app::parse_listen_address(":8765").host == "127.0.0.1");
    CHECK(app::parse_listen_address(":8765").port == 8765);
    CHECK(app::parse_listen_address("192.168.1.20:80").host == "192.168.1.20");
    CHECK(app::parse_listen_address("[::1]:9000").host == "::1");
    CHECK_THROWS_WITH(app::parse_listen_address("127.0.0.1:http"),
                      Catch::Contains("control.listen"));
    CHECK_THROWS(app::parse_listen_address("127.0.0.1:70000"));
}

TEST_CASE("the HTTP listener binds loopback and refuses requests without the right token") {
    FakeKiosk kiosk;
    app::ListenAddress address;  // the default: 127.0.0.1, here on any free port
    address.port = 0;
    app::HttpControl server(address, "s3cret-token",
                            [&](const std::string& line) { return kiosk.handle(line); });
    REQUIRE(server.port() != 0);

    const std::string no_token = http(server.port(), "GET /status HTTP/1.1\r\nHost: kiosk\r\n\r\n");
    CHECK_THAT(no_token, Catch::StartsWith("HTTP/1.1 401"));
    CHECK_THAT(http(server.port(), with_token("GET /status HTTP/1.1", "wrong-token!")),
               Catch::StartsWith("HTTP/1.1 401"));
    CHECK_THAT(http(server.port(), with_token("GET /status HTTP/1.1", "s3cret-toke")),
               Catch::StartsWith("HTTP/1.1 401"));
    CHECK(kiosk.lines.empty());  // refused before the kiosk saw anything

    const std::string status =
        http(server.port(), with_token("GET /status HTTP/1.1", "s3cret-token"));
    CHECK_THAT(status, Catch::StartsWith("HTTP/1.1 200") && Catch::Contains(R"("seen":"status")"));
    CHECK_THAT(http(server.port(), with_token("POST /board/meetings HTTP/1.1", "s3cret-token")),
               Catch::StartsWith("HTTP/1.1 200"));
    CHECK_THAT(http(server.port(), with_token("POST /screenshot/x.png HTTP/1.1", "s3cret-token")),
               Catch::StartsWith("HTTP/1.1 404"));
    CHECK_THAT(http(server.port(), with_token("GET /next HTTP/1.1", "s3cret-token")),
               Catch::StartsWith("HTTP/1.1 404"));
    CHECK(kiosk.lines == std::vector<std::string>{"status", "board meetings"});
}

TEST_CASE("a token file others can read, or an empty one, is refused") {
    test_support::TempDir dir;
    const auto file = dir / "token";
    test_support::write_file(file, "  abc123  \n");
    ::chmod(file.c_str(), 0644);
    CHECK_THROWS_WITH(app::read_token_file(file.string()), Catch::Contains("readable by others"));
    ::chmod(file.c_str(), 0600);
    CHECK(app::read_token_file(file.string()) == "abc123");
    test_support::write_file(file, "\n");
    ::chmod(file.c_str(), 0600);
    CHECK_THROWS_WITH(app::read_token_file(file.string()), Catch::Contains("empty"));
}

TEST_CASE("a request head is parsed apart from the socket: token first, then the verb") {
    using app::parse_http_request;
    CHECK_FALSE(app::request_head("GET /status HTTP/1.1\r\nHost: kiosk\r\n"));
    CHECK(app::request_head("GET / HTTP/1.1\r\n\r\nbody") == "GET / HTTP/1.1");

    const auto board = parse_http_request(
        "POST /board/caseload HTTP/1.1\r\nauthorization:   Bearer  tok  \r\n", "tok");
    CHECK(board.status == 200);
    CHECK(board.control_line == "board caseload");
    // Without the token nothing else is looked at, not even a path that exists.
    CHECK(parse_http_request("GET /status HTTP/1.1\r\nHost: x\r\n", "tok").status == 401);
    CHECK(parse_http_request("GET /status HTTP/1.1\r\nAuthorization: Bearer tok", "").status ==
          401);
    CHECK(parse_http_request("GET /status HTTP/1.1\r\nAuthorization: Basic tok", "tok").status ==
          401);
    // The first line alone is no header: a token there authorises nothing.
    CHECK(parse_http_request("Authorization: Bearer tok", "tok").status == 401);
    const std::string auth = "\r\nAuthorization: Bearer tok";
    CHECK(parse_http_request("POST /board/Caseload HTTP/1.1" + auth, "tok").status == 404);
    CHECK(parse_http_request("POST /board/ HTTP/1.1" + auth, "tok").status == 404);
    CHECK(parse_http_request("GET /next HTTP/1.1" + auth, "tok").status == 404);
    CHECK(parse_http_request("POST /nextx HTTP/1.1" + auth, "tok").status == 404);
    CHECK(parse_http_request("POST" + auth, "tok").status == 404);
    const auto next = parse_http_request("POST /next" + auth, "tok");
    CHECK(next.status == 200);
    CHECK(next.control_line == "next");
    CHECK_THAT(parse_http_request("DELETE /x HTTP/1.1" + auth, "tok").error,
               Catch::Contains("DELETE /x"));
}
