#include <map>

#include "network/network_service.hpp"

namespace maillage::network {

EvidenceSource co_membership_source(actors::ActorService& actors, std::size_t max_group) {
    return [&actors, max_group](std::int64_t pole_id, int) {
        // Memberships are current ones (the directory keeps no history of them), so every
        // year sees today's.
        std::map<std::int64_t, std::pair<std::string, std::vector<std::int64_t>>> members_of;
        actors.for_each_in_pole(pole_id, [&](const actors::Actor& actor) {
            for (const auto& pole : actor.poles)
                if (pole.id != pole_id) {
                    auto& group = members_of[pole.id];
                    group.first = pole.name;
                    group.second.push_back(actor.id);
                }
        });
        std::vector<RelationEvidence> evidence;
        for (const auto& [other, group] : members_of) {
            const auto& [name, members] = group;
            if (members.size() > max_group) continue;
            for (std::size_t i = 0; i < members.size(); ++i)
                for (std::size_t j = i + 1; j < members.size(); ++j)
                    evidence.push_back({members[i], members[j], "same_pole", "", "", name, ""});
        }
        return evidence;
    };
}

}  // namespace maillage::network
