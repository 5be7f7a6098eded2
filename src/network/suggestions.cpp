#include "network/suggestions.hpp"

#include <algorithm>
#include <map>

namespace maillage::network {
namespace {

struct Neighbour {
    std::int32_t node;
    double weight;
};

std::vector<Neighbour> neighbours(const Projection& p, const Adjacency& g, std::int32_t x) {
    std::vector<Neighbour> out;
    for (auto a = g.offset[std::size_t(x)]; a < g.offset[std::size_t(x) + 1]; ++a)
        out.push_back(
            {g.target[std::size_t(a)], p.pairs[std::size_t(g.pair[std::size_t(a)])].weight});
    return out;
}

}  // namespace

Suggestions suggest(const Projection& p, const Adjacency& g, std::int32_t focus,
                    const SuggestionRules& rules) {
    Suggestions result;
    result.focus = focus;
    auto around = neighbours(p, g, focus);
    std::vector<bool> linked(std::size_t(p.nodes), false);
    linked[std::size_t(focus)] = true;
    std::vector<Neighbour> allies;
    for (const auto& n : around) {
        linked[std::size_t(n.node)] = true;
        if (n.weight > 0) allies.push_back(n);
    }
    // Ordered maps: candidates come out in node order before ranking, so ties rank stably.
    std::map<std::int32_t, AllyOfAlly> reach;
    std::map<std::int32_t, OpponentOfAllies> opposed;
    for (const auto& ally : allies)
        for (const auto& next : neighbours(p, g, ally.node)) {
            if (next.node == focus) continue;
            if (next.weight > 0 && !linked[std::size_t(next.node)]) {
                auto& s = reach[next.node];
                s.actor = next.node;
                s.score += std::min(ally.weight, next.weight);
                s.through.push_back(ally.node);
            }
            if (next.weight < 0) {
                auto& o = opposed[next.node];
                o.actor = next.node;
                o.opposes.push_back(ally.node);
            }
        }
    auto weight_to_focus = [&](std::int32_t ally) {
        for (const auto& a : allies)
            if (a.node == ally) return a.weight;
        return 0.0;
    };
    for (auto& [node, s] : reach) {
        std::stable_sort(s.through.begin(), s.through.end(), [&](std::int32_t a, std::int32_t b) {
            return weight_to_focus(a) > weight_to_focus(b);
        });
        result.allies_of_allies.push_back(std::move(s));
    }
    std::stable_sort(result.allies_of_allies.begin(), result.allies_of_allies.end(),
                     [](const AllyOfAlly& a, const AllyOfAlly& b) { return a.score > b.score; });
    if (result.allies_of_allies.size() > rules.limit) result.allies_of_allies.resize(rules.limit);

    for (auto& [node, o] : opposed) {
        o.share = double(o.opposes.size()) / double(allies.size());
        if (o.share > rules.opposed_allies_share)
            result.opponents_of_allies.push_back(std::move(o));
    }
    std::stable_sort(
        result.opponents_of_allies.begin(), result.opponents_of_allies.end(),
        [](const OpponentOfAllies& a, const OpponentOfAllies& b) { return a.share > b.share; });
    if (result.opponents_of_allies.size() > rules.limit)
        result.opponents_of_allies.resize(rules.limit);
    return result;
}

}  // namespace maillage::network
