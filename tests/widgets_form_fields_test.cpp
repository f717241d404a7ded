// The ImGui-free half of the form pieces: Tab focus walking round a form's fields, and
// how arrows and digits move the choice in a list.
#include <catch2/catch.hpp>

#include "widgets/form_fields.hpp"

using Key = widgets::KeyInput::Key;

namespace {
widgets::KeyInput key(Key k) {
    return {k, 0, false};
}
widgets::KeyInput ch(char c) {
    return {Key::character, c, false};
}
}  // namespace

TEST_CASE("Tab and Shift+Tab walk round the fields and ask for keyboard focus") {
    widgets::FormFocus focus{0, 3, false};
    focus.move(+1);
    CHECK(focus.field == 1);
    CHECK(focus.request);
    focus.request = false;
    focus.move(+1);
    focus.move(+1);
    CHECK(focus.field == 0);  // round from the last to the first
    focus.move(-1);
    CHECK(focus.field == 2);
    focus.set(7);
    CHECK(focus.field == 2);  // clamped
    focus.set(-1);
    CHECK(focus.field == 0);
}

TEST_CASE("arrows move a choice within the list, digits pick, other keys are not for it") {
    CHECK(widgets::choose_by_key(0, 4, key(Key::down)) == 1);
    CHECK(widgets::choose_by_key(3, 4, key(Key::down)) == 3);
    CHECK(widgets::choose_by_key(0, 4, key(Key::up)) == 0);
    CHECK(widgets::choose_by_key(-1, 4, key(Key::down)) == 0);  // nothing chosen yet
    CHECK(widgets::choose_by_key(2, 4, key(Key::home)) == 0);
    CHECK(widgets::choose_by_key(0, 4, key(Key::end)) == 3);
    CHECK(widgets::choose_by_key(0, 4, ch('3')) == 2);
    CHECK_FALSE(widgets::choose_by_key(0, 4, ch('5')));  // no fifth option
    CHECK_FALSE(widgets::choose_by_key(0, 4, ch('0')));
    CHECK_FALSE(widgets::choose_by_key(0, 4, ch('a')));
    CHECK_FALSE(widgets::choose_by_key(0, 4, key(Key::enter)));
    CHECK_FALSE(widgets::choose_by_key(0, 0, key(Key::down)));
}
