// Config values into App and writer options (see config_apply.hpp).
#include "app/config_apply.hpp"

namespace app {

void apply_config(const Config& config, bool show_names_flag, AppOptions& app,
                  db::WriterOptions& writer) {
    app.rotation = config.boards;
    app.schedule.rotate = std::chrono::seconds(config.rotate_seconds);
    app.schedule.idle_return = std::chrono::seconds(config.idle_return_seconds);
    app.schedule.night = config.night;
    app.schedule.pixel_shift = std::chrono::minutes(config.pixel_shift_minutes);
    app.contact_line = config.contact_line;
    app.privacy = !(show_names_flag || config.show_names);
    app.home_district = config.home_district;
    app.stale_after = std::chrono::hours(config.stale_after_hours);
    app.dpms = config.dpms;
    app.screen_diagonal_in = static_cast<float>(config.screen_diagonal_in);
    app.viewing_distance_m = static_cast<float>(config.viewing_distance_m);
    writer.rules.visit_interval_weeks = config.visit_interval_weeks;
    writer.rules.referral_cap = config.referral_cap;
    writer.home_district = config.home_district;
}

}  // namespace app
