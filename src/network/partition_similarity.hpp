#pragma once
// How alike two partitions of the same actors are: the normalised mutual information of Danon
// et al. (2005), 2·I(A;B) / (H(A) + H(B)), 1 for identical partitions. Used to say how much the
// communities moved between two years.
#include <cstdint>
#include <vector>

namespace maillage::network {

// Both partitions have one group id per actor; 1 when both put everyone in one group.
double normalised_mutual_information(const std::vector<std::int32_t>& a,
                                     const std::vector<std::int32_t>& b);

}  // namespace maillage::network
