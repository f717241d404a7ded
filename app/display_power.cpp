// DPMS power switching (see display_power.hpp).
#include "app/display_power.hpp"

#include <X11/Xlib.h>
#include <X11/extensions/dpms.h>
#include <spdlog/spdlog.h>

// From GLFW's native access API. Declared here rather than through glfw3native.h,
// which with X11 exposed also wants the Xrandr headers.
extern "C" Display* glfwGetX11Display(void);

namespace app {

DisplayPower::DisplayPower(bool enabled) : enabled_(enabled) {
    Display* display = glfwGetX11Display();
    int event_base = 0, error_base = 0;
    if (display && DPMSQueryExtension(display, &event_base, &error_base) && DPMSCapable(display))
        display_ = display;
    else if (enabled_)
        spdlog::info("display power: the X server offers no DPMS; night blanking draws black");
}

DisplayPower::~DisplayPower() {
    set_on(true);
}

void DisplayPower::set_enabled(bool enabled) {
    if (!enabled) set_on(true);
    enabled_ = enabled;
}

void DisplayPower::set_on(bool on) {
    if (!display_ || (!enabled_ && !off_) || on == !off_) return;
    // DPMS must be enabled for a forced level to stick; the X server itself wakes the
    // display on input, and the kiosk wakes it at night_end.
    DPMSEnable(display_);
    DPMSForceLevel(display_, on ? DPMSModeOn : DPMSModeOff);
    XFlush(display_);
    off_ = !on;
    spdlog::info("display power: {}", on ? "on" : "off (night)");
}

std::string DisplayPower::state() const {
    if (!enabled_) return "disabled";
    if (!display_) return "unavailable";
    CARD16 level = 0;
    BOOL dpms_on = False;
    if (!DPMSInfo(display_, &level, &dpms_on)) return "unavailable";
    return dpms_on && level != DPMSModeOn ? "off" : "on";
}

}  // namespace app
