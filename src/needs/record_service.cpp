// Intake records: the form, the list, corrections and the streamed all-or-nothing import.

#include "accounts/account_service.hpp"
#include "core/clock.hpp"
#include "needs/coder.hpp"
#include "needs/group_store.hpp"
#include "needs/needs_service.hpp"
#include "needs/record_input.hpp"
#include "needs/record_store.hpp"

namespace maillage::needs {

using store::Connection;

namespace {

constexpr std::int64_t kMaxPerPage = 200;

void check_page(std::int64_t page, std::int64_t per_page) {
    if (page < 1) throw invalid("page", "must be 1 or more");
    if (per_page < 1 || per_page > kMaxPerPage)
        throw invalid("per_page", "must be from 1 to " + std::to_string(kMaxPerPage));
}

Error no_record() {
    return Error(ErrorCode::not_found, "no such intake record in this pole", "id");
}

}  // namespace

NeedsService::NeedsService(store::Database& database, const Taxonomy& taxonomy,
                           const territory::Territory& territory)
    : database_(database), taxonomy_(taxonomy), territory_(territory) {}

namespace {

std::vector<RecordCode> code_record(Coder& coder, const Taxonomy& taxonomy,
                                    const territory::Territory& territory, const RecordInput& input,
                                    const std::string& language,
                                    const std::vector<Correction>& corrections) {
    auto hits = coder.rule_hits(taxonomy.languages().index_of(language), input);
    return merge_codes(hits, input, corrections, territory);
}

Record load_one(Connection& c, std::int64_t pole_id, std::int64_t id,
                const territory::Territory& territory) {
    auto found = storage::load_records(c, pole_id, {id});
    if (found.empty()) throw no_record();
    Record r = std::move(found.front());
    if (r.commune)
        if (const auto* commune = territory.commune(*r.commune)) r.commune_name = commune->name;
    return r;
}

}  // namespace

Record NeedsService::create_record(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                   RecordInput input) {
    normalise(input, taxonomy_);
    reject_if_any(check_record(input, taxonomy_, territory_));
    std::string language = resolve_language(input, taxonomy_, territory_);
    Coder coder(taxonomy_);
    auto codes = code_record(coder, taxonomy_, territory_, input, language, {});
    return database_.write([&](Connection& c) {
        if (storage::find_record(c, pole_id, input.record_id))
            throw Error(ErrorCode::conflict,
                        "record_id '" + input.record_id + "' is already used in this pole",
                        "record_id");
        std::int64_t id = storage::reserve_ids(c, "record", 1);
        auto records = storage::record_writer(c);
        storage::add_record(*records, id, pole_id, input, language, clock::now_iso());
        records->flush();
        storage::replace_codes(c, id, pole_id, codes);
        accounts::record_activity(c, pole_id, user_id, "create", "intake_record", id,
                                  input.record_id);
        return load_one(c, pole_id, id, territory_);
    });
}

Record NeedsService::update_record(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                   RecordInput input) {
    normalise(input, taxonomy_);
    reject_if_any(check_record(input, taxonomy_, territory_));
    std::string language = resolve_language(input, taxonomy_, territory_);
    Coder coder(taxonomy_);
    return database_.write([&](Connection& c) {
        if (storage::load_records(c, pole_id, {id}).empty()) throw no_record();
        if (auto other = storage::find_record(c, pole_id, input.record_id); other && *other != id)
            throw Error(ErrorCode::conflict,
                        "record_id '" + input.record_id + "' is already used in this pole",
                        "record_id");
        storage::update_record(c, id, input, language, clock::now_iso());
        storage::replace_codes(c, id, pole_id,
                               code_record(coder, taxonomy_, territory_, input, language,
                                           storage::corrections_of(c, id)));
        accounts::record_activity(c, pole_id, user_id, "update", "intake_record", id,
                                  input.record_id);
        return load_one(c, pole_id, id, territory_);
    });
}

void NeedsService::delete_record(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        auto found = storage::load_records(c, pole_id, {id});
        if (found.empty()) throw no_record();
        auto group = found.front().group_id;
        storage::delete_record(c, id);
        if (group) storage::shrink_group(c, *group);
        accounts::record_activity(c, pole_id, user_id, "delete", "intake_record", id,
                                  found.front().record_id);
    });
}

Record NeedsService::record(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    return database_.write([&](Connection& c) {
        Record r = load_one(c, pole_id, id, territory_);
        accounts::record_access(c, pole_id, user_id, "read", "intake_record", id);
        return r;
    });
}

RecordPage NeedsService::records(std::int64_t pole_id, std::int64_t user_id, RecordFilter filter) {
    check_page(filter.page, filter.per_page);
    return database_.write([&](Connection& c) {
        auto matches = storage::search_records(c, pole_id, filter);
        RecordPage page{storage::load_records(c, pole_id, matches.ids), matches.total, filter.page,
                        filter.per_page};
        for (auto& r : page.items)
            if (r.commune)
                if (const auto* commune = territory_.commune(*r.commune))
                    r.commune_name = commune->name;
        accounts::record_access(c, pole_id, user_id, "list", "intake_records", std::nullopt);
        return page;
    });
}

Record NeedsService::correct_code(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                  CodeKind kind, const std::string& code,
                                  const std::string& action) {
    bool known =
        kind == CodeKind::need ? taxonomy_.category(code) != nullptr : is_naf_section(code);
    if (!known)
        throw invalid("code", "unknown " + std::string(to_string(kind)) + " code '" + code + "'");
    if (action != "add" && action != "remove" && action != "reset")
        throw invalid("action", "must be add, remove or reset");
    Coder coder(taxonomy_);
    return database_.write([&](Connection& c) {
        Record current = load_one(c, pole_id, id, territory_);
        if (action == "reset")
            storage::clear_correction(c, id, kind, code);
        else
            storage::set_correction(c, id, pole_id, {kind, code, action}, user_id,
                                    clock::now_iso());
        storage::replace_codes(
            c, id, pole_id,
            code_record(coder, taxonomy_, territory_, current, current.resolved_language,
                        storage::corrections_of(c, id)));
        accounts::record_activity(c, pole_id, user_id, "correct", "intake_record", id,
                                  current.record_id + ": " + action + " " + code);
        return load_one(c, pole_id, id, territory_);
    });
}

void NeedsService::for_each_record(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                                   const std::function<void(const Record&)>& visit) {
    auto ids = database_.write([&](Connection& c) {
        if (user_id)
            accounts::record_access(c, pole_id, *user_id, "export", "intake_records", std::nullopt);
        std::vector<std::int64_t> ids;
        for (const auto& row :
             c.query("SELECT id FROM needs_records WHERE pole_id = ? ORDER BY id", {pole_id}))
            ids.push_back(row.integer(0));
        return ids;
    });
    for (std::size_t first = 0; first < ids.size(); first += std::size_t(kMaxPerPage)) {
        std::vector<std::int64_t> chunk(
            ids.begin() + std::ptrdiff_t(first),
            ids.begin() + std::ptrdiff_t(std::min(ids.size(), first + std::size_t(kMaxPerPage))));
        auto records =
            database_.read([&](Connection& c) { return storage::load_records(c, pole_id, chunk); });
        for (const auto& r : records) visit(r);
    }
}

}  // namespace maillage::needs
