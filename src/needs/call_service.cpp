// Calls for projects: drafted from need groups, edited, kept with their evidence.
#include <algorithm>
#include <set>

#include "accounts/account_service.hpp"
#include "core/clock.hpp"
#include "needs/group_store.hpp"
#include "needs/needs_json.hpp"
#include "needs/needs_service.hpp"
#include "needs/record_store.hpp"

namespace maillage::needs {

using store::Connection;
using store::Params;

namespace {

constexpr std::size_t kMaxGroups = 50;
constexpr std::size_t kMaxTextBytes = 8000;

Error no_call() {
    return Error(ErrorCode::not_found, "no such call for projects in this pole", "id");
}

std::vector<MemberFacts> member_facts(Connection& c, std::int64_t group_id,
                                      const territory::Territory& territory) {
    std::vector<MemberFacts> out;
    std::map<std::int64_t, std::size_t> position;
    for (const auto& row :
         c.query("SELECT r.id, r.record_id, r.commune, r.situations, r.age_band, "
                 "r.coop_interest FROM needs_group_members m JOIN needs_records r ON r.id = "
                 "m.record WHERE m.group_id = ? ORDER BY r.id",
                 {group_id})) {
        MemberFacts f;
        f.record_id = row.text(1);
        if (auto commune = row.optional_text(2)) f.commune = territory.commune(*commune);
        f.situations = storage::split_stored(row.text(3));
        f.age_band = row.optional_text(4);
        f.coop_interest = row.optional_text(5);
        position[row.integer(0)] = out.size();
        out.push_back(std::move(f));
    }
    for (const auto& row :
         c.query("SELECT k.record, k.kind, k.code FROM needs_group_members m JOIN needs_codes "
                 "k ON k.record = m.record WHERE m.group_id = ? AND k.effective = 1",
                 {group_id})) {
        auto& f = out[position[row.integer(0)]];
        (row.text(1) == "need" ? f.needs : f.sections).push_back(row.text(2));
    }
    return out;
}

void store_call_groups(Connection& c, std::int64_t call_id, const CallDocument& d) {
    c.execute("DELETE FROM needs_call_groups WHERE call_id = ?", {call_id});
    for (const auto& g : d.groups) {
        Json records = g.record_ids;
        c.execute(
            "INSERT INTO needs_call_groups (call_id, group_id, title, size, record_ids) VALUES (?, "
            "?, ?, ?, ?)",
            {call_id, g.id, g.title, g.size, records.dump()});
    }
}

Call call_from(const store::Row& row) {
    Call call;
    call.id = row.integer(0);
    call.status = row.text(1);
    call.created_at = row.text(2);
    call.updated_at = row.text(3);
    call.document = call_document_from(Json::parse(row.text(4)));
    return call;
}

Call load_call(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto rows = c.query(
        "SELECT id, status, created_at, updated_at, document FROM needs_calls WHERE pole_id = ? "
        "AND id = ?",
        {pole_id, id});
    if (rows.empty()) throw no_call();
    return call_from(rows[0]);
}

void check_text(const std::optional<std::string>& value, const char* field) {
    if (value && value->size() > kMaxTextBytes) throw invalid(field, "is longer than 8000 bytes");
}

}  // namespace

Call NeedsService::draft_call(std::int64_t pole_id, std::optional<std::int64_t> user_id,
                              CallRequest request) {
    if (taxonomy_.languages().index_of(request.language) == Languages::npos &&
        request.language != "en")
        throw invalid("language", "must be fr, it or en");
    if (request.group_ids.empty()) throw invalid("group_ids", "choose at least one need group");
    if (request.group_ids.size() > kMaxGroups) throw invalid("group_ids", "at most 50 need groups");
    if (request.budget && !(*request.budget >= 0 && *request.budget < 1e12))
        throw invalid("budget", "must be a positive amount in euros");
    if (request.deadline && !clock::is_iso_date(*request.deadline))
        throw invalid("deadline", "must be a date YYYY-MM-DD");
    check_text(request.title, "title");
    Settings s = settings(pole_id);
    std::int64_t id = database_.write([&](Connection& c) {
        DraftInputs in;
        std::set<std::int64_t> seen;
        for (auto gid : request.group_ids) {
            if (!seen.insert(gid).second) continue;
            auto g = storage::load_group(c, pole_id, gid);
            if (!g)
                throw Error(ErrorCode::not_found,
                            "no need group " + std::to_string(gid) + " in this pole", "group_ids");
            in.groups.push_back(*g);
            in.members.push_back(member_facts(c, gid, territory_));
        }
        in.pole_records = storage::count_records(c, pole_id);
        for (const auto& row : c.query(
                 "SELECT situations, age_band FROM needs_records WHERE pole_id = ?", {pole_id})) {
            for (const auto& sit : storage::split_stored(row.text(0))) ++in.pole_situations[sit];
            if (auto a = row.optional_text(1)) ++in.pole_age_bands[*a];
        }
        auto pole = c.query("SELECT name FROM poles WHERE id = ?", {pole_id});
        in.pole_name = pole.empty() ? "" : pole[0].text(0);
        CallDocument doc = draft_call_document(request, in, taxonomy_, territory_, s);
        std::string now = clock::now_iso();
        auto created = c.query(
            "INSERT INTO needs_calls (pole_id, title, language, status, document, created_by, "
            "created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?) RETURNING id",
            {pole_id, doc.title, doc.language, to_json(doc).dump(), store::nullable(user_id), now,
             now});
        std::int64_t call_id = created[0].integer(0);
        store_call_groups(c, call_id, doc);
        accounts::record_activity(c, pole_id, user_id, "create", "call", call_id, doc.title);
        return call_id;
    });
    return call(pole_id, id);
}

Call NeedsService::update_call(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                               CallEdit edit) {
    for (auto [value, field] : {std::pair{&edit.title, "title"},
                                {&edit.subtitle, "subtitle"},
                                {&edit.context, "context"},
                                {&edit.objective, "objective"},
                                {&edit.eligibility, "eligibility"}})
        check_text(*value, field);
    if (edit.title && edit.title->empty()) throw invalid("title", "is required");
    if (edit.status && *edit.status != "draft" && *edit.status != "final")
        throw invalid("status", "must be draft or final");
    if (edit.deadline && !edit.deadline->empty() && !clock::is_iso_date(*edit.deadline))
        throw invalid("deadline", "must be a date YYYY-MM-DD");
    if (edit.budget && !(*edit.budget >= 0 && *edit.budget < 1e12))
        throw invalid("budget", "must be a positive amount in euros");
    database_.write([&](Connection& c) {
        Call current = load_call(c, pole_id, id);
        CallDocument& d = current.document;
        if (edit.title) d.title = *edit.title;
        if (edit.subtitle) d.subtitle = *edit.subtitle;
        if (edit.context) d.context = *edit.context;
        if (edit.objective) d.objective = *edit.objective;
        if (edit.eligibility) d.eligibility = *edit.eligibility;
        if (edit.deadline) d.deadline = edit.deadline->empty() ? std::nullopt : edit.deadline;
        if (edit.budget) apply_budget(d, edit.budget);
        std::string status = edit.status.value_or(current.status);
        c.execute(
            "UPDATE needs_calls SET title = ?, status = ?, document = ?, updated_at = ? WHERE id = "
            "?",
            {d.title, status, to_json(d).dump(), clock::now_iso(), id});
        accounts::record_activity(c, pole_id, user_id, "update", "call", id, d.title);
    });
    return call(pole_id, id);
}

Call NeedsService::call(std::int64_t pole_id, std::int64_t id) {
    return database_.read([&](Connection& c) { return load_call(c, pole_id, id); });
}

std::vector<CallSummary> NeedsService::calls(std::int64_t pole_id) {
    return database_.read([&](Connection& c) {
        std::vector<CallSummary> out;
        for (const auto& row :
             c.query("SELECT c.id, c.title, c.status, c.language, c.created_at, c.updated_at, "
                     "c.document, (SELECT COUNT(*) FROM needs_call_groups g WHERE g.call_id = "
                     "c.id) FROM needs_calls c WHERE c.pole_id = ? ORDER BY c.id DESC",
                     {pole_id})) {
            CallSummary s{row.integer(0), row.text(1), row.text(2),    row.text(3),
                          row.text(4),    row.text(5), row.integer(7), std::nullopt};
            Json doc = Json::parse(row.text(6));
            if (doc.contains("budget") && doc["budget"].is_number())
                s.budget = doc["budget"].get<double>();
            out.push_back(std::move(s));
        }
        return out;
    });
}

void NeedsService::delete_call(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        auto rows =
            c.query("SELECT title FROM needs_calls WHERE pole_id = ? AND id = ?", {pole_id, id});
        if (rows.empty()) throw no_call();
        c.execute("DELETE FROM needs_call_groups WHERE call_id = ?", {id});
        c.execute("DELETE FROM needs_calls WHERE id = ?", {id});
        accounts::record_activity(c, pole_id, user_id, "delete", "call", id, rows[0].text(0));
    });
}

std::optional<std::string> NeedsService::call_title(std::int64_t pole_id, std::int64_t call_id) {
    return database_.read([&](Connection& c) -> std::optional<std::string> {
        auto rows = c.query("SELECT title FROM needs_calls WHERE pole_id = ? AND id = ?",
                            {pole_id, call_id});
        if (rows.empty()) return std::nullopt;
        return rows[0].text(0);
    });
}

}  // namespace maillage::needs
