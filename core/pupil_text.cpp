#include "core/pupil_text.hpp"

#include <cctype>

namespace core {

std::string pupil_label(const PupilEntry& pupil) {
    return format_initials(pupil.initials) + "  " + std::string(pupil.pupil_ref);
}

std::string full_name(const PupilEntry& pupil) {
    std::string name(pupil.first_name);
    if (!name.empty() && !pupil.last_name.empty()) name += ' ';
    return name.append(pupil.last_name);
}

std::string format_initials(std::string_view initials) {
    std::string out;
    for (char c : initials) {
        if (std::isalpha(static_cast<unsigned char>(c))) {
            out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            out += '.';
        }
    }
    return out.empty() ? "?" : out;
}

}  // namespace core
