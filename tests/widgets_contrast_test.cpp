// WCAG contrast arithmetic, and the palette's text colours against its surfaces.
#include <catch2/catch.hpp>

#include "widgets/contrast.hpp"
#include "widgets/theme.hpp"

TEST_CASE("contrast ratios match WCAG's reference values") {
    const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), grey(0.4627f, 0.4627f, 0.4627f, 1);
    CHECK(widgets::contrast_ratio(black, white) == Approx(21.0f));
    CHECK(widgets::contrast_ratio(white, black) == Approx(21.0f));
    CHECK(widgets::contrast_ratio(white, white) == Approx(1.0f));
    CHECK(widgets::contrast_ratio(grey, white) == Approx(4.54f).margin(0.02f));  // #767676
}

TEST_CASE("a translucent tint blends over what is beneath it") {
    const ImVec4 out = widgets::blend_over(ImVec4(1, 0, 0, 0.25f), ImVec4(0, 0, 1, 1));
    CHECK(out.x == Approx(0.25f));
    CHECK(out.z == Approx(0.75f));
    CHECK(out.w == 1.0f);
}

TEST_CASE("every palette text colour reaches 7:1 on every palette surface, late-row tint included") {
    const widgets::Palette& p = widgets::palette();
    const ImVec4 surfaces[] = {p.background, p.row_alt, p.header, p.group_row, p.status_bar,
                               widgets::blend_over(p.overdue_row, p.background),
                               widgets::blend_over(p.overdue_row, p.row_alt),
                               widgets::blend_over(p.overdue_row, p.header)};
    const ImVec4 texts[] = {p.text, p.text_dim, p.accent, p.blocked, p.overdue, p.due, p.warning, p.ok};
    for (const ImVec4& surface : surfaces)
        for (const ImVec4& text : texts) {
            INFO("text " << text.x << "," << text.y << "," << text.z << " on " << surface.x << ","
                         << surface.y << "," << surface.z);
            CHECK(widgets::contrast_ratio(text, surface) >= widgets::kKioskContrast);
        }
    // Dark text on the bright fills: badges, the alert strip.
    for (const ImVec4& fill : {p.accent, p.text_dim, p.blocked})
        CHECK(widgets::contrast_ratio(p.on_bright, fill) >= widgets::kKioskContrast);
}
