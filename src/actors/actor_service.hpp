#pragma once
// The actor directory's use cases, called alike by the HTTP API, the CLI and the demo.
#include <functional>
#include <optional>
#include <vector>

#include "actors/model.hpp"
#include "core/progress.hpp"
#include "core/vocabulary.hpp"
#include "io/table_reader.hpp"
#include "store/database.hpp"
#include "territory/territory.hpp"

namespace maillage::actors {

class ActorService {
  public:
    ActorService(store::Database& database, const Vocabulary& vocabulary,
                 const territory::Territory& territory);

    Actor create(std::int64_t pole_id, std::optional<std::int64_t> user_id, ActorInput input);
    Actor update(std::int64_t pole_id, std::int64_t user_id, std::int64_t id, ActorInput input);
    // Takes the actor out of the pole; deletes it when no pole holds it any more.
    void remove(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);
    Actor get(std::int64_t id);
    ActorPage search(ActorFilter filter);
    // Calls `visit` for every actor of the pole, in name order, a page at a time.
    void for_each_in_pole(std::int64_t pole_id, const std::function<void(const Actor&)>& visit);

    // All-or-nothing: every bad line is reported in an ImportRejected and nothing is written.
    ImportSummary import_table(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                               io::TableReader& reader, Progress& progress);

    // Contacts are personal data: every read is written to the access log.
    std::vector<Contact> contacts(std::int64_t pole_id, std::int64_t user_id,
                                  std::int64_t actor_id);
    Contact add_contact(std::int64_t pole_id, std::int64_t user_id, std::int64_t actor_id,
                        ContactInput input);
    Contact update_contact(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                           ContactInput input);
    void remove_contact(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);

    struct PoleCounts {
        std::int64_t actors = 0, contacts = 0;
    };
    PoleCounts counts(std::int64_t pole_id);

  private:
    void require_in_pole(store::Connection& c, std::int64_t id, std::int64_t pole_id);
    store::Database& database_;
    const Vocabulary& vocabulary_;
    const territory::Territory& territory_;
};

}  // namespace maillage::actors
