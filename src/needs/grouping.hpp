#pragma once
// From similar pairs to proposal groups: clusters (connected components), counsellors'
// merges and splits replayed on top, group ids carried over from the previous run, and a
// representative proposal per group. Pure functions over item indexes.
#include <atomic>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "needs/similarity.hpp"

namespace maillage::needs {

struct Partition {
    std::vector<std::uint32_t> cluster_of;            // per item
    std::vector<std::vector<std::uint32_t>> members;  // per cluster, items ascending
    std::vector<bool> manual;                         // shaped by a decision
    std::size_t clusters() const { return members.size(); }
};

// One cluster per label (labels 0..k-1 as components() numbers them).
Partition partition_from_labels(const std::vector<std::uint32_t>& labels);

struct DecisionItems {
    std::string kind;  // "merge": the items end up together; "split": they leave their groups
                       // and form one group of their own
    std::vector<std::uint32_t> items;
};

// Applies the decisions in order; empty clusters disappear and the rest keep their order.
void replay(Partition& partition, const std::vector<DecisionItems>& decisions);

// For each cluster, the previous group id it keeps: clusters and previous groups are paired
// by decreasing number of shared items (each previous id goes to one cluster at most; ties go
// to the smaller previous id, then to the earlier cluster).
std::vector<std::optional<std::int64_t>> carry_over_ids(
    const Partition& partition,
    const std::vector<std::optional<std::int64_t>>& previous_group_of_item);

// The member most similar on average to the others (the medoid, over at most 200 of them),
// the earliest on ties; its text stands for the group.
std::uint32_t representative(const SetCollection& sets, const std::vector<std::uint32_t>& members);

// representative() of every cluster, computed in cluster order on a thread of its own, ahead
// of a caller that takes them in the same order: the rationalisation writes the groups whose
// representatives are known (SQL, on its transaction's thread) while the next ones are found.
class RepresentativesAhead {
  public:
    RepresentativesAhead(const SetCollection& sets, const Partition& partition);
    RepresentativesAhead(const RepresentativesAhead&) = delete;
    RepresentativesAhead& operator=(const RepresentativesAhead&) = delete;
    ~RepresentativesAhead();
    // Waits until the cluster's representative is known (rethrows the thread's exception).
    std::uint32_t of(std::size_t cluster);

  private:
    std::vector<std::uint32_t> found_;
    std::atomic<std::size_t> ready_{0};  // clusters [0, ready_) are in found_
    std::exception_ptr error_;
    std::thread thread_;
};

}  // namespace maillage::needs
