#include "network/partition_similarity.hpp"

#include <cmath>
#include <map>
#include <utility>

#include "core/error.hpp"

namespace maillage::network {
namespace {

double entropy(const std::map<std::int32_t, double>& counts, double n) {
    double h = 0;
    for (const auto& [group, count] : counts) h -= count / n * std::log(count / n);
    return h;
}

}  // namespace

double normalised_mutual_information(const std::vector<std::int32_t>& a,
                                     const std::vector<std::int32_t>& b) {
    if (a.size() != b.size()) throw Error(ErrorCode::internal, "partitions of different sizes");
    if (a.empty()) return 1;
    const double n = double(a.size());
    std::map<std::int32_t, double> count_a, count_b;
    std::map<std::pair<std::int32_t, std::int32_t>, double> joint;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ++count_a[a[i]];
        ++count_b[b[i]];
        ++joint[{a[i], b[i]}];
    }
    double h_a = entropy(count_a, n), h_b = entropy(count_b, n);
    if (h_a + h_b == 0) return 1;
    double mutual = 0;
    for (const auto& [groups, count] : joint)
        mutual +=
            count / n * std::log(count * n / (count_a[groups.first] * count_b[groups.second]));
    return 2 * mutual / (h_a + h_b);
}

}  // namespace maillage::network
