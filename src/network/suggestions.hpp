#pragma once
// Strategy hints for one actor (Fiche II-1: "définir sa propre stratégie dans ce système"),
// read off the signed projection. An ally is an actor whose pair weight is positive.
//  - allies of allies not yet linked: actors with no relation at all to the focus, ranked by
//    the weight of the two-step paths through common allies (Σ min(w(focus,y), w(y,z)));
//  - opponents of one's allies: actors with a negative relation to more than a given share of
//    the focus's allies, ranked by that share.
#include <cstdint>
#include <vector>

#include "network/projection.hpp"

namespace maillage::network {

struct AllyOfAlly {
    std::int32_t actor = 0;
    std::vector<std::int32_t> through;  // the common allies, strongest first
    double score = 0;
};

struct OpponentOfAllies {
    std::int32_t actor = 0;
    std::vector<std::int32_t> opposes;  // the focus's allies it opposes
    double share = 0;                   // of the focus's allies
};

struct Suggestions {
    std::int32_t focus = 0;
    std::vector<AllyOfAlly> allies_of_allies;
    std::vector<OpponentOfAllies> opponents_of_allies;
};

struct SuggestionRules {
    std::size_t limit = 10;             // per list
    double opposed_allies_share = 0.5;  // "most": strictly more than this share
};

// `graph` is adjacency(projection, Sign::any).
Suggestions suggest(const Projection& projection, const Adjacency& graph, std::int32_t focus,
                    const SuggestionRules& rules);

}  // namespace maillage::network
