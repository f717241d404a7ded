// Pagination of the PDF flow: items go down the page until one does not fit. A
// paragraph then continues on the next page from a line boundary; a table row moves to
// the next page whole (split between lines only when taller than a page) under a copy
// of its table's header row; a heading or header row that would be last on a page goes
// over with what follows it. Space above an item is dropped at the top of a page.
#include <algorithm>

#include "report/pdf_flow.hpp"

namespace report::pdf {
namespace {

constexpr double kBodyHeight = kBottom - kTop;
// How much of a paragraph must fit under a heading for them to share a page: two lines.
constexpr double kLeadLines = 26;

// The least of items[i] (and of what it keeps with) that must fit on a page together
// with the item before it, when that one keeps with its next.
double lead_of(const Items& items, size_t i) {
    if (i >= items.size() || items[i]->page_break) return 0;
    const Item& item = *items[i];
    double part = item.height();
    if (item.split_anywhere) {
        const double cut = item.break_before(0, kLeadLines);
        if (cut > 0) part = cut;
    }
    if (item.keep_with_next) part += lead_of(items, i + 1);
    return std::min(item.space_before + part, kBodyHeight);
}

}  // namespace

std::vector<Page> paginate(const Items& items) {
    std::vector<Page> pages(1);
    double y = kTop;
    auto new_page = [&] {
        pages.emplace_back();
        y = kTop;
    };
    for (size_t i = 0; i < items.size(); ++i) {
        const Item& item = *items[i];
        if (item.page_break) {
            if (!pages.back().empty()) new_page();
            continue;
        }
        if (item.keep_with_next && !pages.back().empty() &&
            y + item.space_before + item.height() + lead_of(items, i + 1) > kBottom)
            new_page();
        double from = 0;
        for (;;) {
            const bool fresh = pages.back().empty();
            if (fresh && item.header) {
                pages.back().push_back({item.header, 0, item.header->height(), y});
                y += item.header->height();
            }
            const double gap = fresh || from > 0 ? 0 : item.space_before;
            const double room = kBottom - y - gap;
            if (item.height() - from <= room) {
                pages.back().push_back({&item, from, item.height(), y + gap});
                y += gap + item.height() - from;
                break;
            }
            if (!fresh && !item.split_anywhere) {
                new_page();
                continue;
            }
            const double cut = item.break_before(from, from + room);
            if (cut > from) {
                pages.back().push_back({&item, from, cut, y + gap});
                new_page();
                from = cut;
                continue;
            }
            if (!fresh) {
                new_page();
                continue;
            }
            // A fresh page and no line boundary within it: cut where the page ends.
            const double forced = from + std::max(room, 12.0);
            pages.back().push_back({&item, from, forced, y});
            new_page();
            from = forced;
        }
    }
    // A page break at the end opens a page nothing follows.
    while (pages.size() > 1 && pages.back().empty()) pages.pop_back();
    return pages;
}

}  // namespace report::pdf
