// libFuzzer target: any bytes as the TOML config file. load_config may refuse a file
// only with a ConfigError (the dashboard catches that one and prints it); anything else
// escaping is a crash at start, so it aborts here.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/config.hpp"

namespace {

// load_config reads a path, as the dashboard does: one private file per process.
const std::filesystem::path& config_file() {
    static const std::filesystem::path file = [] {
        std::string name =
            (std::filesystem::temp_directory_path() / "liftboard-fuzz-XXXXXX").string();
        int fd = ::mkstemp(name.data());
        if (fd < 0) std::abort();
        ::close(fd);
        return std::filesystem::path(name);
    }();
    return file;
}

struct RemoveAtExit {
    ~RemoveAtExit() { std::filesystem::remove(config_file()); }
} remove_at_exit;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::FILE* out = std::fopen(config_file().c_str(), "wb");
    if (!out) std::abort();
    if (size && std::fwrite(data, 1, size, out) != size) std::abort();
    std::fclose(out);
    try {
        app::Config config =
            app::load_config(config_file(), {"meetings", "caseload", "triage", "lookup"});
        if (config.boards.empty()) std::abort();
    } catch (const app::ConfigError&) {
    }
    return 0;
}
