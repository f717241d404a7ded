// liftboard: the dashboard and its command-line tools (see app/cli.cpp).
#include "app/cli.hpp"

int main(int argc, char** argv) { return app::run_cli(argc, argv); }
