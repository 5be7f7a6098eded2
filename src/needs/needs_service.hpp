#pragma once
// The needs observatory's use cases, called alike by the HTTP API, the CLI and the demo:
// intake records (personal data), cataloguing, rationalisation into proposal groups, the
// territorial diagnostic and calls for projects. Each use case is one transaction.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/progress.hpp"
#include "io/table_reader.hpp"
#include "needs/call.hpp"
#include "needs/diagnostic.hpp"
#include "needs/model.hpp"
#include "needs/taxonomy.hpp"
#include "store/database.hpp"
#include "territory/territory.hpp"

namespace maillage::needs {

// How many threads the observatory's long runs use (the target machine has two cores).
inline constexpr unsigned kWorkThreads = 2;

struct CatalogueView {
    std::int64_t records = 0, coded = 0, uncoded = 0;
    struct Entry {
        CodeKind kind = CodeKind::need;
        std::string code;
        std::optional<std::int64_t> count;  // nullopt below the minimum cell size
        std::int64_t by_rules = 0, corrected = 0;
        std::vector<std::pair<std::string, std::int64_t>> words;  // most matched words
    };
    std::vector<Entry> entries;
    std::int64_t min_cell_size = 5;
    std::optional<std::string> last_run;
};

struct NeedsSummary {
    std::int64_t records = 0, groups = 0, calls = 0, decisions = 0;
    std::optional<std::string> last_catalogue, last_rationalisation;
    Settings settings;
};

class NeedsService {
  public:
    NeedsService(store::Database& database, const Taxonomy& taxonomy,
                 const territory::Territory& territory);

    const Taxonomy& taxonomy() const { return taxonomy_; }
    const territory::Territory& territory() const { return territory_; }

    // Records: personal data. Every read is written to the access log.
    Record create_record(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                         RecordInput input);
    Record update_record(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                         RecordInput input);
    void delete_record(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);
    Record record(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);
    RecordPage records(std::int64_t pole_id, std::int64_t user_id, RecordFilter filter);
    // action "add" or "remove" sets the counsellor's decision on the code; "reset" drops it.
    Record correct_code(std::int64_t pole_id, std::int64_t user_id, std::int64_t id, CodeKind kind,
                        const std::string& code, const std::string& action);
    // All or nothing, streamed: the file is read once, each line checked, coded and written in
    // the same transaction; any bad line rolls everything back and the ImportRejected lists
    // every problem (the first 10,000).
    ImportSummary import_records(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                 io::TableReader& reader, Progress& progress);
    // Calls `visit` for each record of the pole in id order (exports); logged as one read.
    void for_each_record(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                         const std::function<void(const Record&)>& visit);

    // Cataloguing: every record through the rules again, counsellors' corrections on top.
    CatalogueSummary catalogue(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                               Progress& progress);
    CatalogueView catalogue_view(std::int64_t pole_id);

    // Rationalisation.
    RationaliseSummary rationalise(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                   Progress& progress);
    GroupPage groups(std::int64_t pole_id, GroupFilter filter, bool reader_sees_records);
    Group group(std::int64_t pole_id, std::int64_t id, bool reader_sees_records);
    std::vector<GroupMember> group_members(std::int64_t pole_id, std::int64_t user_id,
                                           std::int64_t id);
    // Every group of the pole with its members' record ids (the CLI's --output).
    void for_each_group(
        std::int64_t pole_id,
        const std::function<void(const Group&, const std::vector<std::string>&)>& visit);
    Group merge_groups(std::int64_t pole_id, std::int64_t user_id, std::vector<std::int64_t> ids);
    // Moves the records out of the group into a new group; returns both.
    std::vector<Group> split_group(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                   std::vector<std::string> record_ids);
    Group rename_group(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                       std::optional<std::string> title);
    std::vector<Decision> decisions(std::int64_t pole_id);
    // Drops a decision; the next rationalisation no longer replays it.
    void undo_decision(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);

    Settings settings(std::int64_t pole_id);
    Settings update_settings(std::int64_t pole_id, std::int64_t user_id, Settings settings);

    // Diagnostic (aggregates only, with small cells suppressed).
    Diagnostic diagnostic(std::int64_t pole_id, const DiagnosticRequest& request);
    std::vector<Figure> figures(std::int64_t pole_id);
    void set_figures(std::int64_t pole_id, std::int64_t user_id,
                     const std::vector<Figure>& figures);

    // Calls for projects.
    Call draft_call(std::int64_t pole_id, std::optional<std::int64_t> user_id, CallRequest request);
    Call update_call(std::int64_t pole_id, std::int64_t user_id, std::int64_t id, CallEdit edit);
    Call call(std::int64_t pole_id, std::int64_t id);
    std::vector<CallSummary> calls(std::int64_t pole_id);
    void delete_call(std::int64_t pole_id, std::int64_t user_id, std::int64_t id);

    NeedsSummary summary(std::int64_t pole_id);

    // For the pathways module, which records a project's origin: the title of a need group or
    // of a call of the pole, nullopt when the pole has none with that id.
    std::optional<std::string> need_group_title(std::int64_t pole_id, std::int64_t group_id);
    std::optional<std::string> call_title(std::int64_t pole_id, std::int64_t call_id);

  private:
    store::Database& database_;
    const Taxonomy& taxonomy_;
    const territory::Territory& territory_;
};

}  // namespace maillage::needs
