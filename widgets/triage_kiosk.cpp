// The triage board on the wall (see triage_board.hpp): read-only, the pupils who need
// action a page at a time as part of the rotation, in fewer and wider columns than the
// desk's table so the status word, the date and the reason are never cut.
#include <imgui.h>

#include "core/snapshot.hpp"
#include "widgets/draw_helpers.hpp"
#include "widgets/pupil_line.hpp"
#include "widgets/theme.hpp"
#include "widgets/triage_board.hpp"

namespace widgets {

void TriageBoard::draw_kiosk(const core::Snapshot& snapshot, const BoardContext& context,
                             ImVec2 size) {
    const Palette& p = palette();
    if (visible_.empty()) {
        text_coloured("No pupil needs action: every check passes.", p.ok);
        return;
    }
    const bool same = kiosk_for_ == &snapshot && kiosk_generation_ == snapshot.generation &&
                      kiosk_built_at_ == snapshot.built_at && kiosk_size_.x == size.x &&
                      kiosk_size_.y == size.y && kiosk_privacy_ == context.privacy;
    if (!same) {
        kiosk_for_ = &snapshot;
        kiosk_generation_ = snapshot.generation;
        kiosk_built_at_ = snapshot.built_at;
        kiosk_size_ = size;
        kiosk_privacy_ = context.privacy;
        ImFont* bold = context.fonts->bold;
        std::vector<KioskColumn> columns = {
            {"Pupil", 0.0f}, {"Status", 0.0f}, {"Due", 0.0f}, {"School", 0.8f}, {"Reason", 1.6f}};
        std::vector<KioskRow> rows;
        rows.reserve(visible_.size());
        for (uint32_t index : visible_) {
            const core::TriageRow& r = snapshot.triage.rows[index];
            KioskRow row;
            auto cell = [&](std::string text, const ImVec4& colour, ImFont* font = nullptr) {
                if (text.empty())
                    row.cells.push_back({{"\xe2\x80\x93", p.text_dim}});
                else
                    row.cells.push_back({{std::move(text), colour, font}});
            };
            cell(pupil_line(snapshot, r.pupil, r.pupil_label, context.privacy), p.text);
            cell(std::string(r.status_word), status_colour(r.worst), bold);
            cell(core::due_text(r), r.worst == core::Status::overdue ? p.overdue : p.text);
            cell(std::string(r.school), p.text);
            cell(std::string(r.reason), p.text_dim);
            rows.push_back(std::move(row));
        }
        kiosk_table_.layout(std::move(columns), std::move(rows), size, false, context);
    }
    pages_ = kiosk_table_.pages();
    kiosk_table_.draw(context.page, context);
}

}  // namespace widgets
