#include "widgets/store_problem_panel.hpp"

#include <imgui.h>

#include "widgets/alert_strip.hpp"
#include "widgets/theme.hpp"

namespace widgets {

void draw_store_problem_panel(const StoreProblemText& problem, const BoardContext& context) {
    draw_alert_strip("No data: the database cannot be used", context);
    const float wrap = ImGui::GetContentRegionAvail().x;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::PushFont(context.fonts->title);
    ImGui::TextUnformatted(problem.what.c_str());
    ImGui::PopFont();
    ImGui::Spacing();
    ImGui::TextUnformatted(problem.advice.c_str());
    ImGui::Spacing();
    ImGui::PushFont(context.fonts->small);
    ImGui::TextDisabled("Database: %s", problem.file.c_str());
    ImGui::TextDisabled("Details: liftboard doctor --db %s", problem.file.c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
}

}  // namespace widgets
