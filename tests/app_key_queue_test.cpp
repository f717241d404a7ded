// The ordered keyboard queue: presses keep the characters they typed, and a frame holds
// either typing or other keys, so focus moves between the characters it separates.
#include <catch2/catch.hpp>
#include <string>

#include "app/key_queue.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

using app::KeyPress;
using app::KeyQueue;

namespace {

// Types `text` as X does: each key's press, then its character.
void type(KeyQueue& queue, const std::string& text) {
    for (char c : text) {
        const int key = c >= 'a' && c <= 'z'   ? GLFW_KEY_A + (c - 'a')
                        : c >= 'A' && c <= 'Z' ? GLFW_KEY_A + (c - 'A')
                        : c >= '0' && c <= '9' ? GLFW_KEY_0 + (c - '0')
                                               : GLFW_KEY_MINUS;
        const bool upper = c >= 'A' && c <= 'Z';
        if (upper) queue.press(GLFW_KEY_LEFT_SHIFT, 0);
        queue.press(key, upper ? GLFW_MOD_SHIFT : 0);
        queue.character(static_cast<unsigned char>(c));
    }
}

std::string characters(const std::vector<KeyPress>& frame) {
    std::string text;
    for (const KeyPress& press : frame)
        if (press.character) text += static_cast<char>(press.character);
    return text;
}

}  // namespace

TEST_CASE("a press keeps the character it typed, modifier keys alone are not queued") {
    KeyQueue queue;
    type(queue, "Px");
    const auto frame = queue.take_frame();
    REQUIRE(frame.size() == 2);
    CHECK(frame[0].key == GLFW_KEY_P);
    CHECK(frame[0].mods == GLFW_MOD_SHIFT);
    CHECK(frame[0].character == 'P');
    CHECK(frame[1].key == GLFW_KEY_X);
    CHECK(frame[1].character == 'x');
    CHECK(queue.empty());
    CHECK(queue.take_frame().empty());
}

TEST_CASE("a Tab between typed characters gets a frame of its own, in order") {
    // What a loaded machine reads in one poll: "QZ", Tab, "3", Tab, "2025-11-18".
    KeyQueue queue;
    type(queue, "QZ");
    queue.press(GLFW_KEY_TAB, 0);
    type(queue, "3");
    queue.press(GLFW_KEY_TAB, 0);
    type(queue, "2025-11-18");

    CHECK(characters(queue.take_frame()) == "QZ");
    auto tab = queue.take_frame();
    REQUIRE(tab.size() == 1);
    CHECK(tab[0].key == GLFW_KEY_TAB);
    CHECK_FALSE(tab[0].types());
    // The frame in which the next field becomes active: no characters yet.
    CHECK(queue.take_frame().empty());
    CHECK(characters(queue.take_frame()) == "3");
    tab = queue.take_frame();
    REQUIRE(tab.size() == 1);
    CHECK(tab[0].key == GLFW_KEY_TAB);
    CHECK(queue.take_frame().empty());
    CHECK_FALSE(queue.empty());
    CHECK(characters(queue.take_frame()) == "2025-11-18");
    CHECK(queue.empty());
}

TEST_CASE("typing that comes after the frame of a Tab still waits the one frame") {
    KeyQueue queue;
    queue.press(GLFW_KEY_TAB, 0);
    CHECK(queue.take_frame().size() == 1);
    type(queue, "QZ");  // read in the next poll
    CHECK(queue.take_frame().empty());
    CHECK(characters(queue.take_frame()) == "QZ");
    // Only the frame right after: later typing goes straight through.
    type(queue, "AB");
    CHECK(characters(queue.take_frame()) == "AB");
    // Other keys are not held back.
    queue.press(GLFW_KEY_TAB, 0);
    CHECK(queue.take_frame().size() == 1);
    queue.press(GLFW_KEY_ENTER, 0);
    CHECK(queue.take_frame().size() == 1);
}

TEST_CASE("keys that type nothing share a frame, Ctrl shortcuts are not typing") {
    KeyQueue queue;
    queue.press(GLFW_KEY_DOWN, 0);
    queue.press(GLFW_KEY_ENTER, 0);
    queue.press(GLFW_KEY_LEFT_CONTROL, 0);
    queue.press(GLFW_KEY_Q, GLFW_MOD_CONTROL);  // X sends no character with Ctrl
    type(queue, "n");
    const auto keys = queue.take_frame();
    REQUIRE(keys.size() == 3);
    CHECK(keys[0].key == GLFW_KEY_DOWN);
    CHECK(keys[1].key == GLFW_KEY_ENTER);
    CHECK(keys[2].key == GLFW_KEY_Q);
    CHECK(queue.take_frame().empty());
    CHECK(characters(queue.take_frame()) == "n");
}

TEST_CASE("a character that came without a key (an input method) is typing of its own") {
    KeyQueue queue;
    queue.press(GLFW_KEY_TAB, 0);
    queue.take_frame();
    queue.take_frame();
    queue.character(0xE9);  // é, composed
    const auto frame = queue.take_frame();
    REQUIRE(frame.size() == 1);
    CHECK(frame[0].key == GLFW_KEY_UNKNOWN);
    CHECK(frame[0].character == 0xE9);
    CHECK(frame[0].types());
}
