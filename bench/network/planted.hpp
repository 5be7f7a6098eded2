#pragma once
// A planted actor system for the benchmarks: `blocks` groups of equal size, pairs related with
// probability p_in inside a group and p_out across, the nature drawn from the group structure
// (mostly alliances, negotiations and interdependences inside, mostly oppositions across, a
// few neutral ones), a random object, intensity and direction. With 100 groups of 1,000,
// p_in = 0.016 and p_out = 4e-5 it has 100,000 actors and about 1,000,000 relations, the
// anchors' measured case (docs/design/anchors-tech.md §1d).
#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <unordered_set>
#include <vector>

#include "network/graph.hpp"

namespace maillage::network::bench {

struct PlantedSystem {
    GraphInput input;
    std::vector<std::int32_t> block;  // the planted group of each actor
};

inline std::vector<NatureWeight> shipped_natures() {
    return {{"alliance", 1},
            {"opposition", -1},
            {"negotiation", 0.5},
            {"neutrality", 0},
            {"interdependence", 0.5}};
}

// Draws `count` distinct unordered pairs among `size` nodes starting at `first` (size ≥ 2).
template <class Random, class Emit>
void random_pairs_within(std::int64_t first, std::int64_t size, std::int64_t count, Random& random,
                         std::unordered_set<std::uint64_t>& seen, Emit emit) {
    std::uniform_int_distribution<std::int64_t> pick(0, size - 1);
    for (std::int64_t done = 0; done < count;) {
        auto a = first + pick(random), b = first + pick(random);
        if (a == b) continue;
        auto key = std::uint64_t(std::min(a, b)) << 32 | std::uint64_t(std::max(a, b));
        if (!seen.insert(key).second) continue;
        emit(a, b);
        ++done;
    }
}

inline PlantedSystem planted_system(int blocks, int size, double p_in, double p_out,
                                    std::uint64_t seed) {
    PlantedSystem s;
    const std::int64_t n = std::int64_t(blocks) * size;
    s.input.natures = shipped_natures();
    s.input.nodes.reserve(std::size_t(n));
    for (std::int64_t i = 0; i < n; ++i) {
        s.input.nodes.push_back({std::to_string(i), "Acteur " + std::to_string(i), {}});
        s.block.push_back(std::int32_t(i / size));
    }
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> uniform(0, 1);
    const char* objects[] = {"values", "practices", "means", "global"};
    auto relate = [&](std::int64_t a, std::int64_t b, bool inside) {
        double u = uniform(random);
        const char* nature = inside ? (u < 0.6    ? "alliance"
                                       : u < 0.75 ? "negotiation"
                                       : u < 0.9  ? "interdependence"
                                       : u < 0.95 ? "neutrality"
                                                  : "opposition")
                                    : (u < 0.7   ? "opposition"
                                       : u < 0.8 ? "neutrality"
                                                 : "alliance");
        if (uniform(random) < 0.5) std::swap(a, b);
        s.input.edges.push_back({std::to_string(a), std::to_string(b), nature,
                                 objects[random() % 4], "", double(1 + random() % 3), false});
    };
    std::unordered_set<std::uint64_t> seen;
    double pairs_in = double(size) * (size - 1) / 2;
    std::binomial_distribution<std::int64_t> inside_count(std::int64_t(pairs_in), p_in);
    for (int g = 0; g < blocks; ++g)
        random_pairs_within(std::int64_t(g) * size, size, inside_count(random), random, seen,
                            [&](std::int64_t a, std::int64_t b) { relate(a, b, true); });
    // Across groups: draw pairs of the whole graph and keep those in different groups.
    double pairs_out = double(n) * (n - 1) / 2 - blocks * pairs_in;
    std::binomial_distribution<std::int64_t> across_count(std::int64_t(pairs_out), p_out);
    std::int64_t across = across_count(random);
    std::uniform_int_distribution<std::int64_t> pick(0, n - 1);
    for (std::int64_t done = 0; done < across;) {
        auto a = pick(random), b = pick(random);
        if (a / size == b / size) continue;
        auto key = std::uint64_t(std::min(a, b)) << 32 | std::uint64_t(std::max(a, b));
        if (!seen.insert(key).second) continue;
        relate(a, b, false);
        ++done;
    }
    return s;
}

}  // namespace maillage::network::bench
