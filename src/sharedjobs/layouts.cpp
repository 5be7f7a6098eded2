// Candidate layouts of a need's weekly hours in its windows. When the windows hold exactly the
// hours, they are the shifts. Otherwise the composer chooses among a few deterministic layouts:
// fill the earliest windows, fill the latest ones, spread evenly over all windows (at their
// starts or ends), or the whole hours in any single window that holds them (at its start or
// end). Every shift is at least rules.min_shift_minutes long (or the whole need, if shorter).
#include <algorithm>
#include <numeric>

#include "sharedjobs/problem.hpp"

namespace maillage::sharedjobs {
namespace {

using Layout = std::vector<TimeWindow>;

TimeWindow shift_in(const TimeWindow& w, int minutes, bool at_end) {
    return at_end ? TimeWindow{w.day, w.end - minutes, w.end}
                  : TimeWindow{w.day, w.start, w.start + minutes};
}

// Fills windows in the given order, each as much as it holds.
Layout greedy_fill(const std::vector<TimeWindow>& windows, int minutes, bool from_end) {
    Layout layout;
    int left = minutes;
    for (std::size_t k = 0; k < windows.size() && left > 0; ++k) {
        const auto& w = windows[from_end ? windows.size() - 1 - k : k];
        int take = std::min(left, w.length());
        layout.push_back(shift_in(w, take, from_end));
        left -= take;
    }
    return layout;
}

// The hours spread over every window in slots, as evenly as the windows allow.
Layout even_spread(const std::vector<TimeWindow>& windows, int minutes, int slot, bool at_end) {
    std::vector<int> share(windows.size(), 0);
    int slots_left = minutes / slot;
    // Round-robin one slot at a time over windows that still have room: even, and bounded.
    while (slots_left > 0) {
        bool placed = false;
        for (std::size_t k = 0; k < windows.size() && slots_left > 0; ++k)
            if (share[k] + slot <= windows[k].length()) {
                share[k] += slot;
                --slots_left;
                placed = true;
            }
        if (!placed) return {};
    }
    Layout layout;
    for (std::size_t k = 0; k < windows.size(); ++k)
        if (share[k] > 0) layout.push_back(shift_in(windows[k], share[k], at_end));
    return layout;
}

bool acceptable(const Layout& layout, int minutes, int min_shift) {
    if (layout.empty()) return false;
    int total = 0;
    for (const auto& s : layout) {
        if (s.length() < std::min(min_shift, minutes)) return false;
        total += s.length();
    }
    return total == minutes;
}

bool same(const Layout& a, const Layout& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].day != b[i].day || a[i].start != b[i].start || a[i].end != b[i].end) return false;
    return true;
}

}  // namespace

std::vector<Layout> candidate_layouts(const Need& need, const Rules& rules) {
    auto windows = need.windows;
    std::sort(windows.begin(), windows.end(), [](const TimeWindow& a, const TimeWindow& b) {
        return a.week_start() < b.week_start();
    });
    int total = std::accumulate(windows.begin(), windows.end(), 0,
                                [](int sum, const TimeWindow& w) { return sum + w.length(); });
    if (total == need.weekly_minutes) return {windows};
    int slot = std::max(1, rules.slot_minutes);
    std::vector<Layout> candidates = {greedy_fill(windows, need.weekly_minutes, false),
                                      greedy_fill(windows, need.weekly_minutes, true),
                                      even_spread(windows, need.weekly_minutes, slot, false),
                                      even_spread(windows, need.weekly_minutes, slot, true)};
    for (const auto& w : windows)
        if (w.length() >= need.weekly_minutes) {
            candidates.push_back({shift_in(w, need.weekly_minutes, false)});
            candidates.push_back({shift_in(w, need.weekly_minutes, true)});
        }
    std::vector<Layout> layouts;
    for (auto& c : candidates) {
        std::sort(c.begin(), c.end(), [](const TimeWindow& a, const TimeWindow& b) {
            return a.week_start() < b.week_start();
        });
        if (!acceptable(c, need.weekly_minutes, rules.min_shift_minutes)) continue;
        if (std::any_of(layouts.begin(), layouts.end(),
                        [&](const Layout& l) { return same(l, c); }))
            continue;
        layouts.push_back(std::move(c));
        if (int(layouts.size()) >= rules.max_layouts) break;
    }
    return layouts;
}

}  // namespace maillage::sharedjobs
