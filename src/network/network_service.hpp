#pragma once
// The network module's use cases, called alike by the HTTP API, the CLI and the demo. Each
// write is one transaction; every read and write is limited to one pole.
#include <optional>
#include <string>
#include <vector>

#include "accounts/account_service.hpp"
#include "actors/actor_service.hpp"
#include "core/progress.hpp"
#include "core/vocabulary.hpp"
#include "network/analysis.hpp"
#include "network/compare.hpp"
#include "network/model.hpp"
#include "network/network_store.hpp"
#include "network/rules.hpp"
#include "network/scope.hpp"
#include "store/database.hpp"

namespace maillage::network {

struct NamedEvidenceSource {
    std::string name;  // "actors" (co-membership), "sharedjobs", "pathways"…
    EvidenceSource source;
};

struct PoleAnalysis {
    ScopeGraph scope;
    Graph graph;
    AnalysisResult result;
};

struct YearSummary {
    int year = 0;
    std::size_t actors = 0, relations = 0, communities = 0;
    double balanced_share = 1;
    std::size_t frustration = 0;
};

struct ActorChange {
    std::int64_t actor_id = 0;
    std::string name;
    std::int64_t degree_before = 0, degree_after = 0;
    std::optional<std::int32_t> community_before, community_after;
};

struct YearComparison {
    YearSummary before, after;
    SnapshotComparison relations;           // node keys are actor ids
    std::optional<double> communities_nmi;  // over the actors present both years
    std::vector<ActorChange> actors;        // biggest degree change first
    std::vector<ScopeActor> names;          // every actor named in the lists
};

class NetworkService {
  public:
    NetworkService(store::Database& database, const Vocabulary& vocabulary,
                   const NetworkRules& rules, actors::ActorService& actors,
                   accounts::AccountService& accounts);

    // Sources of derived relations; the foundation's co-membership source is built in.
    void add_evidence_source(std::string name, EvidenceSource source);

    const NetworkRules& rules() const { return rules_; }
    const Vocabulary& vocabulary() const { return vocabulary_; }
    std::vector<Nature> natures(std::int64_t pole_id);
    Nature add_nature(std::int64_t pole_id, std::optional<std::int64_t> user_id, NatureInput input);
    std::vector<int> years(std::int64_t pole_id);  // most recent first
    storage::Counts counts(std::int64_t pole_id, int year);

    // Grille I.
    LogicCard card(std::int64_t pole_id, std::int64_t actor_id, int year,
                   const std::string& mission);
    LogicCard write_card(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                         std::int64_t actor_id, int year, const std::string& mission,
                         std::vector<LogicEntryInput> entries);

    // Grille II. set_relation creates the relation of its (year, mission, from, to) or replaces
    // it; `created` says which.
    Relation set_relation(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                          RelationInput input, bool* created = nullptr);
    void remove_relation(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                         std::int64_t id);
    Relation relation(std::int64_t pole_id, std::int64_t id);
    std::vector<RelationVersion> history(std::int64_t pole_id, std::int64_t relation_id);
    // Copies a year's declared relations to another year where that year has none yet.
    std::int64_t copy_year(std::int64_t pole_id, std::optional<std::int64_t> user_id, int from_year,
                           int to_year);

    // Recomputes the year's derived relations from every source, in one transaction.
    DeriveSummary refresh_derived(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                  int year);

    // Views.
    ScopeGraph scope_graph(std::int64_t pole_id, const Scope& scope);
    PoleAnalysis analyse(std::int64_t pole_id, const Scope& scope,
                         const std::vector<std::int64_t>& focus, Progress& progress);
    YearComparison compare(std::int64_t pole_id, int before, int after,
                           const std::optional<std::string>& mission);
    // format: graphml, gexf or xlsx; language: fr, it or en.
    std::string export_scope(std::int64_t pole_id, const Scope& scope, const std::string& format,
                             const std::string& language);

  private:
    void require_actor(store::Connection& c, std::int64_t pole_id, std::int64_t actor_id,
                       const std::string& field);
    void check_scope(const Scope& scope) const;
    std::string author_name(std::optional<std::int64_t> user_id);
    std::vector<ScopeActor> pole_actors(std::int64_t pole_id);
    DeriveSummary collect_evidence(std::int64_t pole_id, int year,
                                   std::vector<DerivedRelation>& out);
    std::string label(const Label& l, const std::string& language) const;

    store::Database& database_;
    const Vocabulary& vocabulary_;
    const NetworkRules& rules_;
    actors::ActorService& actors_;
    accounts::AccountService& accounts_;
    std::vector<NamedEvidenceSource> sources_;
};

// The foundation's source: actors of the pole that are also members of the same other pole.
// Poles with more than `max_group` of the pole's actors prove nothing and are skipped.
EvidenceSource co_membership_source(actors::ActorService& actors, std::size_t max_group);

}  // namespace maillage::network
