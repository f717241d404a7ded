// liftboard: the dashboard and its command-line tools (see app/cli.cpp).
#include <sys/stat.h>

#include "app/cli.hpp"
#include "db/sync/release_memory.hpp"

int main(int argc, char** argv) {
    // Everything liftboard creates (store, backups, moved inbox files, reports, logs,
    // screenshots, sockets) holds or shows children's data: the owner's only, 0600
    // files and 0700 folders, whatever umask the service was started with.
    ::umask(077);
    db::configure_allocator();
    return app::run_cli(argc, argv);
}
