#include "app/module_links.hpp"

#include <cmath>
#include <cstdio>

namespace maillage::app {

network::EvidenceSource shared_jobs_evidence(sharedjobs::SharedJobsService& sharedjobs) {
    return [&sharedjobs](std::int64_t pole, int year) {
        std::vector<network::RelationEvidence> evidence;
        for (const auto& link : sharedjobs.shared_worker_links(pole, year)) {
            bool shares = link.kind == "shares_worker";
            char hours[32];
            std::snprintf(hours, sizeof hours, "%.1f h", link.weekly_hours);
            evidence.push_back({link.member_a, link.member_b,
                                shares ? "shared_employee" : "employer_group_member", "", "",
                                shares ? hours : "", ""});
        }
        return evidence;
    };
}

network::EvidenceSource mentoring_evidence(pathways::PathwayService& pathways) {
    return [&pathways](std::int64_t pole, int year) {
        std::vector<network::RelationEvidence> evidence;
        for (const auto& link : pathways.mentoring_links(pole, year)) {
            if (link.from_actor_id == link.to_actor_id) continue;  // a relation needs two actors
            // The pairing's kind (mentoring, expert, tutoring) is shown after the evidence label.
            evidence.push_back(
                {link.from_actor_id, link.to_actor_id, "mentoring", "", "", link.kind, link.date});
        }
        return evidence;
    };
}

network::EvidenceSource co_contracting_evidence(commons::CommonsService& commons) {
    return [&commons](std::int64_t pole, int year) {
        std::vector<network::RelationEvidence> evidence;
        // One fact per pair: the co_contracting kind is symmetric in the network's data.
        for (const auto& pair : commons.co_contractors(pole, year))
            evidence.push_back(
                {pair.actor_a, pair.actor_b, "co_contracting", "", "", pair.tender, pair.date});
        return evidence;
    };
}

pathways::OriginCatalog needs_origins(needs::NeedsService& needs) {
    return {
        [&needs](std::int64_t pole, std::int64_t id) { return needs.need_group_title(pole, id); },
        [&needs](std::int64_t pole, std::int64_t id) { return needs.call_title(pole, id); }};
}

void link_evaluation(evaluation::Links& links, pathways::PathwayService& pathways,
                     sharedjobs::SharedJobsService& sharedjobs) {
    links.project_title = [&pathways](std::int64_t pole, std::int64_t project) {
        return pathways.project_title(pole, project);
    };
    links.indicator_feed = [&sharedjobs](std::int64_t pole, std::int64_t actor,
                                         const std::string& feed,
                                         std::int64_t year) -> std::optional<double> {
        if (feed != "sharedjobs.realised_hours") return std::nullopt;
        auto y = std::to_string(year);
        for (const auto& m : sharedjobs.member_hours(pole, y + "-01-01", y + "-12-31"))
            if (m.actor_id == actor && m.realised_minutes > 0)
                return std::round(m.realised_minutes / 60.0);
        return std::nullopt;
    };
}

}  // namespace maillage::app
