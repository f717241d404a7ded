// The monitor's power through X11's DPMS extension: the kiosk switches the display off
// for night blanking and on again at night_end or a touch, so an office wall is dark
// (and saves power) rather than lit black. Where the X server offers no DPMS (some
// virtual displays, Xwayland under cage) or `[kiosk] dpms = false`, nothing happens
// and the screen is merely drawn black.
#pragma once

#include <string>

struct _XDisplay;

namespace app {

class DisplayPower {
  public:
    // GLFW must be initialised (its X connection is used). `enabled`: [kiosk] dpms.
    explicit DisplayPower(bool enabled);
    ~DisplayPower();  // leaves the display on
    DisplayPower(const DisplayPower&) = delete;
    DisplayPower& operator=(const DisplayPower&) = delete;

    void set_enabled(bool enabled);
    // Switches the display on or off; only talks to the server on a change.
    void set_on(bool on);
    // "on" | "off" as the server reports it, "unavailable" without DPMS, "disabled".
    std::string state() const;

  private:
    _XDisplay* display_ = nullptr;  // null: no DPMS here
    bool enabled_ = true;
    bool off_ = false;  // we switched it off
};

}  // namespace app
