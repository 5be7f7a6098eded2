#pragma once
// How the modules see each other's records. Each module declares the hook it needs (an evidence
// source for the network, a catalogue of origin titles for pathways, title and indicator links
// for evaluation) and depends on no other module; the composition root fills the hooks here.
#include "commons/commons_service.hpp"
#include "evaluation/model.hpp"
#include "needs/needs_service.hpp"
#include "network/model.hpp"
#include "pathways/model.hpp"
#include "pathways/pathway_service.hpp"
#include "sharedjobs/service.hpp"

namespace maillage::app {

// Two member firms sharing a worker in the current plans, and each member with its group.
network::EvidenceSource shared_jobs_evidence(sharedjobs::SharedJobsService& sharedjobs);

// A mentor's organisation (or the tutor cooperative) and the project's actor, while the pairing
// runs during the year.
network::EvidenceSource mentoring_evidence(pathways::PathwayService& pathways);

// Two members of the same won consortium, while its contract runs in the year (or it was
// awarded in the year): co-contractors of the same public contract.
network::EvidenceSource co_contracting_evidence(commons::CommonsService& commons);

// A project's origin in the needs observatory: a group of proposals or a call for projects.
pathways::OriginCatalog needs_origins(needs::NeedsService& needs);

// Projects as assessment subjects, and the realised hours of shared workers at a member firm
// for the social-utility hours indicator.
void link_evaluation(evaluation::Links& links, pathways::PathwayService& pathways,
                     sharedjobs::SharedJobsService& sharedjobs);

}  // namespace maillage::app
