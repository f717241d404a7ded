// Real PostgreSQL for hub tests and the hub benchmark: a throwaway cluster (initdb in
// a fresh temp dir, listening on 127.0.0.1 at a free port, trust auth on loopback)
// that is stopped and removed with the object. As root the server runs as the
// `postgres` user the Debian package creates (PostgreSQL refuses to run as root);
// otherwise as the current user. Header-only so the bench can use it too.
//
// Tests share one cluster per process (shared_pg_cluster()), or the server named by
// LIFTBOARD_TEST_PG when set; each test gets its own database (fresh_hub_uri()).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <pqxx/pqxx>
#include <random>
#include <stdexcept>
#include <string>

namespace test_support {

class PgCluster {
  public:
    explicit PgCluster(std::string settings = "-c shared_buffers=16MB -c max_connections=40")
        : settings_(std::move(settings)) {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "liftboard-pg-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        dir_ = pattern;
        if (geteuid() == 0) {
            const passwd* postgres = getpwnam("postgres");
            if (!postgres)
                throw std::runtime_error("no postgres user: install the postgresql package");
            if (chown(dir_.c_str(), postgres->pw_uid, postgres->pw_gid) != 0)
                throw std::runtime_error("cannot chown " + dir_.string());
            // Full path: a CI shell's PATH may lack sbin.
            as_user_ = std::filesystem::exists("/usr/sbin/runuser")
                           ? "/usr/sbin/runuser -u postgres -- "
                           : "runuser -u postgres -- ";
        }
        run(bin("initdb") + " -D " + data() +
                " -A trust -U liftboard -E UTF8 --locale=C.UTF-8 --no-sync",
            "initdb");
        port_ = free_port();
        start();
    }
    ~PgCluster() {
        stop();
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    // fsync=off is safe here because "stop" kills the server, not the machine: what it
    // wrote is in the OS cache. synchronous_commit stays on: an immediate stop would
    // otherwise lose commits the tests were already told about.
    void start() {
        run(bin("pg_ctl") + " -D " + data() + " -l " + (dir_ / "server.log").string() +
                " -w -t 60 -o \"" + "-c listen_addresses=127.0.0.1 -p " + std::to_string(port_) +
                " -c unix_socket_directories=" + dir_.string() + " -c fsync=off " + settings_ +
                "\" start",
            "pg_ctl start");
        running_ = true;
    }
    // Immediate stop: connections are cut as if the server had crashed.
    void stop() {
        if (!running_) return;
        running_ = false;
        std::system(
            (as_user_ + bin("pg_ctl") + " -D " + data() + " -m immediate -w stop >/dev/null 2>&1")
                .c_str());
    }

    int port() const { return port_; }
    std::string uri(const std::string& database = "postgres") const {
        return "postgresql://liftboard@127.0.0.1:" + std::to_string(port_) + "/" + database +
               "?sslmode=disable";
    }

  private:
    std::string data() const { return (dir_ / "data").string(); }

    static std::string bin(const std::string& program) {
        // Debian keeps the server programs out of PATH, one folder per major version:
        // the newest installed is used.
        std::error_code ec;
        int newest = 0;
        for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ec))
            if (std::filesystem::exists(entry.path() / "bin" / program))
                newest = std::max(newest, std::atoi(entry.path().filename().c_str()));
        return newest ? "/usr/lib/postgresql/" + std::to_string(newest) + "/bin/" + program
                      : program;
    }

    void run(const std::string& command, const char* what) {
        std::string log = (dir_ / "command.log").string();
        if (std::system((as_user_ + command + " >" + log + " 2>&1").c_str()) != 0)
            throw std::runtime_error(std::string(what) + " failed; see " + log);
    }

    static int free_port() {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            throw std::runtime_error("cannot find a free port");
        close(fd);
        return ntohs(address.sin_port);
    }

    std::string settings_;
    std::filesystem::path dir_;
    std::string as_user_;
    int port_ = 0;
    bool running_ = false;
};

// One cluster for all tests of this process, started on first use.
inline PgCluster& shared_pg_cluster() {
    static PgCluster cluster;
    return cluster;
}

// A connection string to a new, empty database: on LIFTBOARD_TEST_PG's server (a URI
// whose user may CREATE DATABASE) when set, else on shared_pg_cluster().
inline std::string fresh_hub_uri() {
    static std::mt19937_64 random{std::random_device{}()};
    std::string name = "hub_" + std::to_string(random() % 1000000000000ULL);
    const char* server = std::getenv("LIFTBOARD_TEST_PG");
    std::string admin = server ? server : shared_pg_cluster().uri();
    pqxx::connection connection(admin);
    pqxx::nontransaction(connection).exec0("CREATE DATABASE " + name);
    if (!server) return shared_pg_cluster().uri(name);
    // Same server, other database: swap the path of the URI.
    std::string uri = admin;
    size_t path = uri.find('/', uri.find("://") + 3);
    size_t query = uri.find('?');
    std::string tail = query == std::string::npos ? "" : uri.substr(query);
    return uri.substr(0, path == std::string::npos ? uri.size() : path) + "/" + name + tail;
}

}  // namespace test_support
