// Word lists for fictional schools, staff and pupils. Every name the demo produces is
// made up by combining these; none is a real person or school.
#pragma once

#include <span>
#include <string_view>

namespace db::demo {

std::span<const std::string_view> school_name_stems();
std::span<const std::string_view> school_name_kinds();
std::span<const std::string_view> first_names();
std::span<const std::string_view> last_names();
std::span<const std::string_view> agreed_outcomes();
std::span<const std::string_view> venues();

}  // namespace db::demo
