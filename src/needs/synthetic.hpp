#pragma once
// Realistic synthetic intake records on real communes, in French and Italian, with planted
// families of near-duplicate proposals: the benchmarks' data (bench/needs/), the
// rationalisation test's sample and the demo. Deterministic: the same options give the same
// records on every machine (the phrases come from data/needs/generator/<language>.json).
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "needs/model.hpp"
#include "territory/territory.hpp"

namespace maillage::needs {

struct SyntheticOptions {
    std::uint64_t seed = 1;
    // Share of the records whose proposal belongs to a planted family of near-duplicates.
    double family_share = 0.35;
    // Where people live: "FR-40" (a department) or "IT-20" (a region, here Sardegna); communes
    // are drawn in proportion to their population.
    std::vector<std::string> areas = {"FR-40", "FR-64", "IT-20", "IT-09"};
    // Or these communes only (codes), still in proportion to their population.
    std::vector<std::string> communes;
    std::string id_prefix = "S";
    // Chance that a text has a typo in one of its words.
    double typo_rate = 0.08;
};

struct SyntheticRecord {
    RecordInput record;
    std::int64_t family = -1;  // the planted family of its proposal, -1 when none
    std::string category;      // the need it was written about
};

class SyntheticIntake {
  public:
    SyntheticIntake(const std::string& data_dir, const territory::Territory& territory,
                    SyntheticOptions options);
    ~SyntheticIntake();
    SyntheticRecord next();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace maillage::needs
