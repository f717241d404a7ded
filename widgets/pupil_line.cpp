#include "widgets/pupil_line.hpp"

#include "core/pupil_text.hpp"

namespace widgets {

std::string pupil_line(const core::Snapshot& snapshot, uint32_t pupil, std::string_view label,
                       bool privacy) {
    if (privacy || !snapshot.data || pupil >= snapshot.data->pupils.size())
        return std::string(label);
    const std::string name = core::full_name(snapshot.data->pupils[pupil]);
    if (name.empty()) return std::string(label);
    return name + "  " + std::string(label);
}

}  // namespace widgets
