// How a config file's values reach the App and the writer, at start-up and again on
// every reload (SIGHUP, `liftboard ctl reload`): one function, so a reload cannot
// forget a key that start-up honours.
#pragma once

#include "app/app.hpp"
#include "app/config.hpp"
#include "db/sync/writer.hpp"

namespace app {

// Sets the config-decided parts of `app` (rotation, timings, night, privacy unless
// --show-names forced it off, stale threshold, contact line, district) and of
// `writer` (rules numbers, district). Paths and the board at start are not touched.
void apply_config(const Config& config, bool show_names_flag, AppOptions& app,
                  db::WriterOptions& writer);

}  // namespace app
