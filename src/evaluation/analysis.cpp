#include "evaluation/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <numeric>

namespace maillage::evaluation {

std::optional<double> numeric_value(const Item& item, const Answer& answer) {
    switch (item.scale.kind) {
        case ItemKind::cursor:
        case ItemKind::number:
        case ItemKind::yes_no:
            return answer.number;
        case ItemKind::ordinal:
            if (!answer.text) return std::nullopt;
            for (const auto& level : item.scale.levels)
                if (level.code == *answer.text) return level.value;
            return std::nullopt;
        default:
            return std::nullopt;
    }
}

bool is_answered(const Item& item, const Answer& answer) {
    if (item.scale.kind == ItemKind::text || item.scale.kind == ItemKind::evidence)
        return answer.text && !answer.text->empty();
    if (item.scale.kind == ItemKind::cursor) return answer.arguments > 0 || answer.number;
    return numeric_value(item, answer).has_value();
}

namespace {

// The range a single item's value lies in, when its scale bounds it.
std::optional<std::pair<double, double>> item_range(const Scale& s) {
    switch (s.kind) {
        case ItemKind::cursor:
            return std::pair{s.min, s.max};
        case ItemKind::ordinal:
            return std::pair{s.levels.front().value, s.levels.back().value};
        case ItemKind::yes_no:
            return std::pair{0.0, 1.0};
        case ItemKind::number:
            if (s.lower && s.upper) return std::pair{*s.lower, *s.upper};
            return std::nullopt;
        default:
            return std::nullopt;
    }
}

void subtree_items(const Section& s, std::vector<const Item*>& out) {
    for (const auto& i : s.items) out.push_back(&i);
    for (const auto& sub : s.sections) subtree_items(sub, out);
}

SectionResult aggregate_section(const Section& s, const Answers& answers) {
    SectionResult r{s.code, s.aggregation, {}, {}, {}, {}, 0, 0};
    std::vector<const Item*> items;
    subtree_items(s, items);
    std::vector<double> values;
    std::vector<std::pair<double, double>> ranges;
    bool bounded = true;
    for (const auto* item : items) {
        bool counts = s.aggregation == Aggregation::share_yes
                          ? item->scale.kind == ItemKind::yes_no
                          : item_range(item->scale) || item->scale.kind == ItemKind::number;
        if (!counts) continue;
        ++r.items;
        auto found = answers.find(item->code);
        if (found == answers.end()) continue;
        auto v = numeric_value(*item, found->second);
        if (!v) continue;
        values.push_back(*v);
        auto range = item_range(item->scale);
        if (range)
            ranges.push_back(*range);
        else
            bounded = false;
    }
    r.answered = std::int64_t(values.size());
    if (values.empty()) return r;
    double sum = std::accumulate(values.begin(), values.end(), 0.0);
    auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    auto range_lo = [&] {
        double m = ranges.front().first;
        for (auto& x : ranges) m = std::min(m, x.first);
        return m;
    };
    auto range_hi = [&] {
        double m = ranges.front().second;
        for (auto& x : ranges) m = std::max(m, x.second);
        return m;
    };
    switch (s.aggregation) {
        case Aggregation::mean:
            r.value = sum / double(values.size());
            break;
        case Aggregation::sum:
            r.value = sum;
            if (bounded) {
                double a = 0, b = 0;
                for (auto& x : ranges) a += x.first, b += x.second;
                r.lower = a, r.upper = b;
            }
            break;
        case Aggregation::min:
            r.value = *lo;
            break;
        case Aggregation::max:
            r.value = *hi;
            break;
        case Aggregation::share_yes:
            r.value = sum / double(values.size());
            r.lower = 0, r.upper = 1;
            break;
        case Aggregation::none:
            break;
    }
    bool range_of_items = s.aggregation == Aggregation::mean || s.aggregation == Aggregation::min ||
                          s.aggregation == Aggregation::max;
    if (range_of_items && bounded) r.lower = range_lo(), r.upper = range_hi();
    if (r.value && r.lower && r.upper && *r.upper > *r.lower)
        r.normalised = std::clamp((*r.value - *r.lower) / (*r.upper - *r.lower), 0.0, 1.0);
    return r;
}

void aggregate_all(const std::vector<Section>& sections, const Answers& answers,
                   std::vector<SectionResult>& out) {
    for (const auto& s : sections) {
        if (s.aggregation != Aggregation::none) out.push_back(aggregate_section(s, answers));
        aggregate_all(s.sections, answers, out);
    }
}

bool same_answer(const Answer& a, const Answer& b) {
    return a.number == b.number && a.text == b.text && a.priority == b.priority &&
           a.significant == b.significant;
}

}  // namespace

std::vector<SectionResult> aggregate(const Grid& grid, const Answers& answers) {
    std::vector<SectionResult> out;
    aggregate_all(grid.sections, answers, out);
    return out;
}

std::vector<RadarAxis> radar(const Grid& grid, const Answers& current, const Answers* previous) {
    std::vector<RadarAxis> axes;
    if (grid.radar_depth <= 0) return axes;
    for (const auto* s : grid.sections_at(grid.radar_depth)) {
        if (s->aggregation == Aggregation::none) continue;
        RadarAxis axis{s->code, s->label, aggregate_section(*s, current).normalised, {}};
        if (previous) axis.previous = aggregate_section(*s, *previous).normalised;
        axes.push_back(std::move(axis));
    }
    return axes;
}

std::vector<ItemComparison> compare(const Grid& grid, const Answers& current,
                                    const Answers& previous) {
    std::vector<ItemComparison> out;
    for (const auto* item : grid.items()) {
        ItemComparison c;
        c.code = item->code;
        c.kind = item->scale.kind;
        if (auto a = current.find(item->code); a != current.end()) c.current = a->second;
        if (auto b = previous.find(item->code); b != previous.end()) c.previous = b->second;
        Answer none;
        const Answer& a = c.current ? *c.current : none;
        const Answer& b = c.previous ? *c.previous : none;
        auto va = numeric_value(*item, a);
        auto vb = numeric_value(*item, b);
        if (va && vb) c.delta = *va - *vb;
        c.flag_changed = (a.priority || a.significant) != (b.priority || b.significant);
        c.changed = !same_answer(a, b);
        out.push_back(std::move(c));
    }
    return out;
}

double quantile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return 0;
    double h = (double(sorted.size()) - 1) * p;
    auto below = std::size_t(std::floor(h));
    auto above = std::min(sorted.size() - 1, below + 1);
    return sorted[below] + (h - double(below)) * (sorted[above] - sorted[below]);
}

Distribution distribution(const Item& item, const std::vector<const Answer*>& answers) {
    Distribution d;
    d.code = item.code;
    d.assessments = std::int64_t(answers.size());
    std::vector<double> values;
    for (const auto* a : answers) {
        if (!a || !is_answered(item, *a)) continue;
        ++d.answered;
        if (item.scale.kind == ItemKind::ordinal) ++d.counts[*a->text];
        if (item.scale.kind == ItemKind::yes_no) ++d.counts[*a->number > 0.5 ? "yes" : "no"];
        if (auto v = numeric_value(item, *a)) values.push_back(*v);
    }
    if (item.scale.kind == ItemKind::ordinal)
        for (const auto& level : item.scale.levels) d.counts.emplace(level.code, 0);
    if (values.empty()) return d;
    std::sort(values.begin(), values.end());
    d.min = values.front();
    d.max = values.back();
    d.q1 = quantile(values, 0.25);
    d.median = quantile(values, 0.5);
    d.q3 = quantile(values, 0.75);
    d.mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    return d;
}

std::string format_number(double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", std::round(value * 100) / 100);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

}  // namespace maillage::evaluation
