// `liftboard ctl [--socket PATH] status | board NAME | next | blank | unblank | reload |
// screenshot FILE.png`: drives a running kiosk through its control socket. `status`
// prints the kiosk's JSON (indented); the other verbs print nothing on success. Exit
// codes: 0 done, 1 the kiosk refused or failed the request, 2 no kiosk to talk to.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "app/control_client.hpp"
#include "app/control_server.hpp"

namespace app {
namespace {

struct CtlOptions {
    std::string socket;
    std::vector<std::string> words;  // verb and argument
};

int run_ctl(const CtlOptions& options) {
    const std::filesystem::path socket = options.socket.empty()
                                             ? ControlServer::default_path()
                                             : std::filesystem::path(options.socket);
    if (socket.empty()) {
        std::cerr << "liftboard ctl: no socket: give --socket PATH ($XDG_RUNTIME_DIR is not set)\n";
        return 2;
    }
    std::string line;
    for (const auto& word : options.words) line += (line.empty() ? "" : " ") + word;
    std::string error;
    auto request = parse_control_request(line, error, true);
    if (!request) {
        std::cerr << "liftboard ctl: " << error << "\n";
        return 2;
    }
    // A relative screenshot path means the caller's directory, not the kiosk's.
    if (request->verb == "screenshot")
        request->argument = std::filesystem::absolute(request->argument).string();
    std::string reply_text;
    try {
        reply_text = send_control_request(socket, *request);
    } catch (const std::exception& e) {
        std::cerr << "liftboard ctl: " << e.what() << "\n";
        return 2;
    }
    const auto reply = nlohmann::ordered_json::parse(reply_text, nullptr, false);
    if (reply.is_discarded() || !reply.is_object()) {
        std::cerr << "liftboard ctl: unreadable reply: " << reply_text << "\n";
        return 1;
    }
    if (!reply.value("ok", false)) {
        std::cerr << "liftboard ctl: " << reply.value("error", std::string("refused")) << "\n";
        return 1;
    }
    if (request->verb == "status") {
        auto status = reply;
        status.erase("ok");
        std::cout << status.dump(2) << "\n";
    }
    return 0;
}

}  // namespace

void add_ctl_command(CLI::App& cli, int& exit_code) {
    auto options = std::make_shared<CtlOptions>();
    std::string verbs;
    for (const ControlVerb& verb : control_verbs())
        verbs += "\n  " + std::string(verb.name) +
                 (verb.argument.empty() ? "" : " " + std::string(verb.argument)) + ": " +
                 std::string(verb.help);
    CLI::App* sub =
        cli.add_subcommand("ctl", "Control a running kiosk through its socket:" + verbs);
    sub->add_option("--socket", options->socket,
                    "Control socket (default $XDG_RUNTIME_DIR/liftboard.sock)");
    sub->add_option("request", options->words, "The request: a verb and its argument")->required();
    sub->callback([options, &exit_code] { exit_code = run_ctl(*options); });
}

}  // namespace app
