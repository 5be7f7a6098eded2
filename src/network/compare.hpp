#pragma once
// Two yearly snapshots of Grille II side by side: which relations are new, which were lost and
// which changed (nature, object or intensity). A relation is identified by its direction and
// its mission: (from, to, mission).
#include <string>
#include <vector>

#include "network/graph.hpp"

namespace maillage::network {

struct RelationChange {
    EdgeInput before, after;
    std::vector<std::string> fields;  // "nature", "object", "intensity", "derived"
};

struct SnapshotComparison {
    std::vector<EdgeInput> added, lost;
    std::vector<RelationChange> changed;
    std::size_t unchanged = 0;
};

// Lists come out in (from, to, mission) order.
SnapshotComparison compare_snapshots(std::vector<EdgeInput> before, std::vector<EdgeInput> after);

}  // namespace maillage::network
