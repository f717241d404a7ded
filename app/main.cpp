// liftboard: the dashboard and its command-line tools (see app/cli.cpp).
#include "app/cli.hpp"
#include "db/sync/release_memory.hpp"

int main(int argc, char** argv) {
    db::configure_allocator();
    return app::run_cli(argc, argv);
}
