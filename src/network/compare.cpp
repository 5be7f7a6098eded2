#include "network/compare.hpp"

#include <algorithm>
#include <tuple>

namespace maillage::network {
namespace {

auto key(const EdgeInput& e) {
    return std::tie(e.from, e.to, e.mission);
}

bool by_key(const EdgeInput& a, const EdgeInput& b) {
    return key(a) < key(b);
}

std::vector<std::string> differences(const EdgeInput& a, const EdgeInput& b) {
    std::vector<std::string> fields;
    if (a.nature != b.nature) fields.push_back("nature");
    if (a.object != b.object) fields.push_back("object");
    if (a.intensity != b.intensity) fields.push_back("intensity");
    if (a.derived != b.derived) fields.push_back("derived");
    return fields;
}

}  // namespace

SnapshotComparison compare_snapshots(std::vector<EdgeInput> before, std::vector<EdgeInput> after) {
    std::sort(before.begin(), before.end(), by_key);
    std::sort(after.begin(), after.end(), by_key);
    SnapshotComparison result;
    std::size_t i = 0, j = 0;
    while (i < before.size() || j < after.size()) {
        if (j == after.size() || (i < before.size() && by_key(before[i], after[j]))) {
            result.lost.push_back(std::move(before[i++]));
        } else if (i == before.size() || by_key(after[j], before[i])) {
            result.added.push_back(std::move(after[j++]));
        } else {
            auto fields = differences(before[i], after[j]);
            if (fields.empty())
                ++result.unchanged;
            else
                result.changed.push_back({before[i], after[j], std::move(fields)});
            ++i;
            ++j;
        }
    }
    return result;
}

}  // namespace maillage::network
