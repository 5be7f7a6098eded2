// The all-or-nothing import of tenders and their consortium members (docs/commons.md).
#include <set>

#include "accounts/account_service.hpp"
#include "commons/commons_service.hpp"
#include "commons/tender_store.hpp"
#include "commons/tender_table.hpp"
#include "commons/validation.hpp"

namespace maillage::commons {

using store::Connection;

namespace {

void add_problems(std::vector<LineProblem>& out, std::int64_t line,
                  const std::vector<Problem>& problems) {
    for (const auto& p : problems) out.push_back({line, p.field, p.reason});
}

// The pole's actor a member or buyer names, by id or SIRET; a problem on its line otherwise.
std::optional<std::int64_t> resolve_actor(Connection& c, std::int64_t pole_id,
                                          std::optional<std::int64_t> id,
                                          const std::optional<std::string>& siret,
                                          std::int64_t line, const char* field,
                                          std::vector<LineProblem>& problems) {
    if (id) {
        if (storage::actor_in_pole(c, pole_id, *id)) return id;
        problems.push_back({line, field, "actor " + std::to_string(*id) + " is not in the pole"});
        return std::nullopt;
    }
    if (!siret) return std::nullopt;
    if (auto found = storage::pole_actor_by_siret(c, pole_id, *siret)) return found;
    problems.push_back({line, field, "no actor of the pole has SIRET " + *siret});
    return std::nullopt;
}

// Resolves actors and checks every tender and member, with the lines to blame.
void check_imported(Connection& c, std::int64_t pole_id, std::vector<ImportedTender>& tenders,
                    const Vocabulary& vocabulary, std::vector<LineProblem>& problems) {
    std::set<std::string> recorded;
    for (const auto& t : storage::tenders(c, pole_id))
        if (t.reference) recorded.insert(*t.reference);
    for (auto& t : tenders) {
        if (t.input.reference && recorded.count(*t.input.reference))
            problems.push_back({t.line, "tender_reference",
                                "a tender with this reference is already recorded in the pole"});
        t.input.buyer_actor_id =
            resolve_actor(c, pole_id, std::nullopt, t.buyer_siret, t.line, "buyer_siret", problems);
        add_problems(problems, t.line, check_tender(t.input, vocabulary));
        std::vector<MemberInput> members;
        for (auto& m : t.members) {
            auto actor =
                resolve_actor(c, pole_id, m.actor_id, m.siret, m.line, "member_siret", problems);
            m.input.actor_id = actor.value_or(0);
            auto found = check_member(m.input, t.input.lots, vocabulary);
            if (!actor)
                std::erase_if(found, [](const Problem& p) { return p.field == "actor_id"; });
            add_problems(problems, m.line, found);
            members.push_back(m.input);
        }
        add_problems(problems, t.line, check_consortium(t.input, members));
    }
}

}  // namespace

ImportSummary CommonsService::import_table(std::int64_t pole_id,
                                           std::optional<std::int64_t> user_id,
                                           io::TableReader& reader, Progress& progress) {
    std::vector<LineProblem> problems;
    auto tenders = read_tender_table(reader, problems, progress);
    ImportSummary summary;
    database_.write([&](Connection& c) {
        check_imported(c, pole_id, tenders, vocabulary_, problems);
        if (!problems.empty()) throw ImportRejected(reader.name(), std::move(problems));
        std::size_t done = 0;
        for (const auto& t : tenders) {
            auto id = storage::insert_tender(c, pole_id, t.input);
            for (const auto& m : t.members) storage::insert_member(c, pole_id, id, m.input);
            summary.members += std::int64_t(t.members.size());
            summary.lines.push_back({t.line, id, t.input.reference.value_or(""), t.input.title,
                                     std::int64_t(t.members.size())});
            progress.update("writing", ++done, tenders.size());
        }
        summary.tenders = std::int64_t(tenders.size());
        accounts::record_activity(c, pole_id, user_id, "import", "tender", std::nullopt,
                                  reader.name() + ": " + std::to_string(summary.tenders) +
                                      " tenders, " + std::to_string(summary.members) + " members");
    });
    for (const auto& t : tenders) summary.rows += t.rows;
    return summary;
}

}  // namespace maillage::commons
