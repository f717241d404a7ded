// The Debian package, built by CPack from this build tree (the suite's own binary, so
// no second build): its contents (dpkg-deb -c), computed dependencies, conffile and
// maintainer scripts, lintian with no errors, and systemd-analyze verify clean on
// every unit. Test cases run as separate processes; the first builds the package
// under a lock and the rest reuse it while it is newer than the binary and packaging/.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using test_support::run_command;

namespace {

const fs::path kBinary = LIFTBOARD_BINARY;
const fs::path kSource = LIFTBOARD_SOURCE_DIR;
const fs::path kBuild = kBinary.parent_path();
const fs::path kOut = kBuild / "packaging-test";

std::string quoted(const fs::path& p) {
    return "'" + p.string() + "'";
}

fs::file_time_type newest_input() {
    auto newest = fs::last_write_time(kBinary);
    for (const auto& entry : fs::directory_iterator(kSource / "packaging"))
        newest = std::max(newest, fs::last_write_time(entry));
    return newest;
}

fs::path find_deb() {
    if (!fs::exists(kOut)) return {};
    for (const auto& entry : fs::directory_iterator(kOut))
        if (entry.path().extension() == ".deb") return entry.path();
    return {};
}

// The package, built now unless an up-to-date one is there.
fs::path package() {
    fs::create_directories(kOut);
    const int lock = ::open((kOut / "lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
    REQUIRE(lock >= 0);
    ::flock(lock, LOCK_EX);
    fs::path deb = find_deb();
    if (deb.empty() || fs::last_write_time(deb) < newest_input()) {
        if (!deb.empty()) fs::remove(deb);
        // CPackConfig.cmake is current: building the suite re-ran CMake if packaging/ changed.
        auto result =
            run_command("cd " + quoted(kBuild) + " && cpack -B " + quoted(kOut) + " 2>&1");
        INFO(result.output);
        REQUIRE(result.status == 0);
        deb = find_deb();
    }
    ::flock(lock, LOCK_UN);
    ::close(lock);
    REQUIRE(!deb.empty());
    return deb;
}

std::string output_of(const std::string& command) {
    auto result = run_command(command);
    INFO(command << "\n" << result.output);
    REQUIRE(result.status == 0);
    return result.output;
}

}  // namespace

TEST_CASE("the package holds the binary, config, docs, units, the sysusers file and a conffile") {
    const fs::path deb = package();
    const auto first_line = [](std::string text) { return text.substr(0, text.find('\n')); };
    const std::string version = first_line(output_of(quoted(kBinary) + " --version"));
    const std::string arch = first_line(output_of("dpkg --print-architecture"));
    CHECK(deb.filename().string() == "liftboard_" + version + "_" + arch + ".deb");
    const std::string contents = output_of("dpkg-deb -c " + quoted(deb));
    for (const char* path :
         {"./usr/bin/liftboard", "./usr/share/liftboard/liftboard.example.toml",
          "./usr/share/doc/liftboard/README.md", "./usr/share/doc/liftboard/copyright",
          "./usr/share/doc/liftboard/changelog.gz", "./usr/share/man/man1/liftboard.1.gz",
          "systemd/system/liftboard-sync.service", "systemd/system/liftboard-cage.service",
          "./usr/lib/systemd/user/liftboard-kiosk.service", "./usr/lib/sysusers.d/liftboard.conf",
          "./etc/liftboard/liftboard.toml"}) {
        INFO(path);
        CHECK(contents.find(path) != std::string::npos);
    }
    // Libraries found by dpkg-shlibdeps, not a hand-written list.
    const std::string depends = output_of("dpkg-deb -f " + quoted(deb) + " Depends");
    CHECK(depends.find("libc6") != std::string::npos);
    CHECK(depends.find("libsqlite3-0") != std::string::npos);
    CHECK(depends.find("libsystemd0") != std::string::npos);

    test_support::TempDir dir;
    output_of("dpkg-deb -e " + quoted(deb) + " " + quoted(dir / "control"));
    CHECK(test_support::read_file(dir / "control" / "conffiles") ==
          "/etc/liftboard/liftboard.toml\n");
    CHECK(test_support::read_file(dir / "control" / "postinst")
              .find("systemd-sysusers liftboard.conf") != std::string::npos);
    output_of("dpkg-deb -x " + quoted(deb) + " " + quoted(dir / "root"));
    CHECK(test_support::read_file(dir / "root/usr/lib/sysusers.d/liftboard.conf")
              .find("u liftboard") != std::string::npos);
}

TEST_CASE("lintian reports no errors on the package") {
    const fs::path deb = package();
    auto result = run_command("lintian --fail-on error " + quoted(deb) + " 2>&1");
    INFO(result.output);
    CHECK(result.status == 0);
    CHECK(result.output.find("E: ") == std::string::npos);
}

TEST_CASE("systemd-analyze verify is clean on every unit") {
    const fs::path deb = package();
    test_support::TempDir dir;
    const fs::path root = dir / "root";
    output_of("dpkg-deb -x " + quoted(deb) + " " + quoted(root));
    // verify resolves ExecStart= and dependencies inside --root: give it the host's
    // targets and kill(1), and a stand-in for cage (a Suggests, not installed here).
    output_of("mkdir -p " + quoted(root / "usr/lib/systemd/system") + " " + quoted(root / "bin") +
              " && cp /usr/lib/systemd/system/*.target " + quoted(root / "usr/lib/systemd/system") +
              " && cp /bin/kill " + quoted(root / "bin/kill") + " && printf '#!/bin/sh\\n' > " +
              quoted(root / "usr/bin/cage") + " && chmod 755 " + quoted(root / "usr/bin/cage"));
    for (const char* unit : {"liftboard-sync.service", "liftboard-cage.service"}) {
        auto result = run_command("systemd-analyze verify --root=" + quoted(root) +
                                  " /lib/systemd/system/" + unit + " 2>&1");
        INFO(unit << ": " << result.output);
        CHECK(result.status == 0);
        CHECK(result.output.empty());
    }
    // A user unit cannot be verified under --root (systemd 252): verify it in user mode
    // with ExecStart= pointing at this build's binary instead of /usr/bin/liftboard.
    fs::create_directories(dir / "runtime");
    fs::permissions(dir / "runtime", fs::perms::owner_all, fs::perm_options::replace);
    const fs::path user_unit = dir / "runtime" / "liftboard-kiosk.service";
    output_of("sed 's#/usr/bin/liftboard#" + kBinary.string() + "#' " +
              quoted(root / "usr/lib/systemd/user/liftboard-kiosk.service") + " > " +
              quoted(user_unit));
    auto result = run_command("XDG_RUNTIME_DIR=" + quoted(dir / "runtime") +
                              " systemd-analyze --user verify " + quoted(user_unit) + " 2>&1");
    INFO(result.output);
    CHECK(result.status == 0);
    CHECK(result.output.empty());
}

TEST_CASE("the units run the kiosk and the writer as notify services under a watchdog") {
    const auto unit = [](const char* name) {
        return test_support::read_file(kSource / "packaging" / name);
    };
    const std::string sync = unit("liftboard-sync.service");
    for (const char* line :
         {"Type=notify", "WatchdogSec=", "Restart=on-failure", "StateDirectory=liftboard",
          "UMask=0077", "ProtectSystem=strict", "ProtectHome=yes", "NoNewPrivileges=yes",
          "PrivateTmp=yes",
          "ExecStart=/usr/bin/liftboard sync --config /etc/liftboard/liftboard.toml"}) {
        INFO(line);
        CHECK(sync.find(line) != std::string::npos);
    }
    for (const char* name : {"liftboard-kiosk.service", "liftboard-cage.service"}) {
        const std::string kiosk = unit(name);
        INFO(name);
        CHECK(kiosk.find("Type=notify") != std::string::npos);
        CHECK(kiosk.find("Restart=always") != std::string::npos);
        CHECK(kiosk.find("WatchdogSec=") != std::string::npos);
        CHECK(kiosk.find("--kiosk") != std::string::npos);
    }
    CHECK(unit("liftboard-cage.service").find("/usr/bin/cage") != std::string::npos);
}
