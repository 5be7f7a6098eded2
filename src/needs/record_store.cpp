#include "needs/record_store.hpp"

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "needs/analyzer.hpp"
#include "needs/code_rows.hpp"
#include "needs/coder.hpp"

namespace maillage::needs::storage {

using store::nullable;
using store::Params;
using store::Row;
using store::Value;

namespace {

constexpr const char* kRecordColumns =
    "id, record_id, interview_date, centre, counsellor, commune, person_key, age_band, "
    "situations, need_text, need_codes, proposal_text, coop_interest, sectors, skills, language, "
    "created_at, updated_at";

Record record_from(const Row& r) {
    Record x;
    x.id = r.integer(0);
    x.record_id = r.text(1);
    x.date = r.optional_text(2);
    x.centre = r.optional_text(3);
    x.counsellor = r.optional_text(4);
    x.commune = r.optional_text(5);
    x.person_key = r.optional_text(6);
    x.age_band = r.optional_text(7);
    x.situations = split_stored(r.text(8));
    x.need_text = r.optional_text(9);
    x.need_codes = split_stored(r.text(10));
    x.proposal_text = r.optional_text(11);
    x.coop_interest = r.optional_text(12);
    x.sectors = split_stored(r.text(13));
    x.skills = split_stored(r.text(14));
    x.resolved_language = r.text(15);
    x.language = x.resolved_language;
    x.created_at = r.text(16);
    x.updated_at = r.text(17);
    return x;
}

// What the list's word search looks into, accents and case aside.
std::string search_text(const RecordInput& r) {
    return fold_text(r.need_text.value_or("")) + " | " + fold_text(r.proposal_text.value_or(""));
}

Value text_or_null(const std::optional<std::string>& v) {
    return v ? Value(*v) : Value(nullptr);
}

}  // namespace

std::string join_list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : "|") + v;
    return out;
}

std::vector<std::string> split_stored(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('|', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::int64_t reserve_ids(Connection& c, const char* sequence, std::int64_t count) {
    auto rows = c.query(
        "UPDATE needs_sequences SET next_value = next_value + ? WHERE name = ? RETURNING "
        "next_value",
        {count, std::string(sequence)});
    if (rows.empty()) throw Error(ErrorCode::internal, std::string("no sequence ") + sequence);
    return rows[0].integer(0) - count;
}

std::unordered_set<std::string> record_ids(Connection& c, std::int64_t pole_id) {
    std::unordered_set<std::string> ids;
    for (const auto& r :
         c.query("SELECT record_id FROM needs_records WHERE pole_id = ?", {pole_id}))
        ids.insert(r.text(0));
    return ids;
}

std::optional<std::int64_t> find_record(Connection& c, std::int64_t pole_id,
                                        const std::string& record_id) {
    auto rows = c.query("SELECT id FROM needs_records WHERE pole_id = ? AND record_id = ?",
                        {pole_id, record_id});
    if (rows.empty()) return std::nullopt;
    return rows[0].integer(0);
}

std::unique_ptr<BatchInsert> record_writer(Connection& c) {
    return std::make_unique<BatchInsert>(c, "needs_records",
                                         std::vector<std::string>{"id",
                                                                  "pole_id",
                                                                  "record_id",
                                                                  "interview_date",
                                                                  "centre",
                                                                  "counsellor",
                                                                  "commune",
                                                                  "person_key",
                                                                  "age_band",
                                                                  "situations",
                                                                  "need_text",
                                                                  "need_codes",
                                                                  "proposal_text",
                                                                  "coop_interest",
                                                                  "sectors",
                                                                  "skills",
                                                                  "language",
                                                                  "search_text",
                                                                  "created_at",
                                                                  "updated_at",
                                                                  "codes_fingerprint"});
}

std::unique_ptr<BatchInsert> code_writer(Connection& c) {
    return std::make_unique<BatchInsert>(
        c, "needs_codes",
        std::vector<std::string>{"record", "pole_id", "kind", "code", "matched", "declared",
                                 "correction", "effective"});
}

store::Params record_row(std::int64_t id, std::int64_t pole_id, RecordInput&& r,
                         const std::string& language, const std::string& now,
                         std::int64_t codes_fingerprint) {
    auto text = [](std::optional<std::string>& v) { return v ? Value(std::move(*v)) : Value(); };
    std::string search = search_text(r);
    return {id,
            pole_id,
            std::move(r.record_id),
            text(r.date),
            text(r.centre),
            text(r.counsellor),
            text(r.commune),
            text(r.person_key),
            text(r.age_band),
            join_list(r.situations),
            text(r.need_text),
            join_list(r.need_codes),
            text(r.proposal_text),
            text(r.coop_interest),
            join_list(r.sectors),
            join_list(r.skills),
            language,
            std::move(search),
            now,
            now,
            codes_fingerprint};
}

void add_record(BatchInsert& records, std::int64_t id, std::int64_t pole_id, const RecordInput& r,
                const std::string& language, const std::string& now,
                std::int64_t codes_fingerprint) {
    records.add(record_row(id, pole_id, RecordInput(r), language, now, codes_fingerprint));
}

void update_record(Connection& c, std::int64_t id, const RecordInput& r,
                   const std::string& language, const std::string& now) {
    c.execute(
        "UPDATE needs_records SET record_id = ?, interview_date = ?, centre = ?, counsellor = ?, "
        "commune = ?, person_key = ?, age_band = ?, situations = ?, need_text = ?, need_codes = "
        "?, proposal_text = ?, coop_interest = ?, sectors = ?, skills = ?, language = ?, "
        "search_text = ?, updated_at = ? WHERE id = ?",
        {r.record_id, text_or_null(r.date), text_or_null(r.centre), text_or_null(r.counsellor),
         text_or_null(r.commune), text_or_null(r.person_key), text_or_null(r.age_band),
         join_list(r.situations), text_or_null(r.need_text), join_list(r.need_codes),
         text_or_null(r.proposal_text), text_or_null(r.coop_interest), join_list(r.sectors),
         join_list(r.skills), language, search_text(r), now, id});
}

void replace_codes(Connection& c, std::int64_t record, std::int64_t pole_id,
                   const std::vector<RecordCode>& list) {
    replace_codes(c, pole_id, {record}, {&list});
}

void replace_codes(Connection& c, std::int64_t pole_id, const std::vector<std::int64_t>& records,
                   const std::vector<const std::vector<RecordCode>*>& lists) {
    constexpr std::size_t kBatch = 500;
    for (std::size_t first = 0; first < records.size(); first += kBatch) {
        std::size_t last = std::min(records.size(), first + kBatch);
        Params ids(records.begin() + std::ptrdiff_t(first), records.begin() + std::ptrdiff_t(last));
        c.execute("DELETE FROM needs_codes WHERE record IN (" + placeholders(ids.size()) + ")",
                  ids);
        CodeRows codes;
        for (std::size_t i = first; i < last; ++i) {
            codes.add(records[i], std::vector<RecordCode>(*lists[i]));
            c.execute("UPDATE needs_records SET codes_fingerprint = ? WHERE id = ?",
                      {codes_fingerprint(*lists[i]), records[i]});
        }
        codes.write(c, pole_id);
    }
}

void delete_record(Connection& c, std::int64_t id) {
    // Children first, so that PostgreSQL and SQLite need no cascade to be enabled.
    for (const char* sql : {"DELETE FROM needs_codes WHERE record = ?",
                            "DELETE FROM needs_corrections WHERE record = ?",
                            "DELETE FROM needs_group_members WHERE record = ?",
                            "DELETE FROM needs_records WHERE id = ?"})
        c.execute(sql, {id});
}

std::vector<Record> load_records(Connection& c, std::int64_t pole_id,
                                 const std::vector<std::int64_t>& ids) {
    if (ids.empty()) return {};
    Params params{pole_id};
    for (auto id : ids) params.push_back(id);
    std::string in = placeholders(ids.size());
    std::map<std::int64_t, Record> by_id;
    for (const auto& row :
         c.query(std::string("SELECT ") + kRecordColumns +
                     " FROM needs_records WHERE pole_id = ? AND id IN (" + in + ")",
                 params))
        by_id.emplace(row.integer(0), record_from(row));
    for (const auto& row :
         c.query("SELECT record, kind, code, matched, declared, correction FROM needs_codes WHERE "
                 "pole_id = ? AND record IN (" +
                     in + ") ORDER BY record, kind, code",
                 params)) {
        auto it = by_id.find(row.integer(0));
        if (it == by_id.end()) continue;
        RecordCode code;
        code.kind = parse_code_kind(row.text(1)).value_or(CodeKind::need);
        code.code = row.text(2);
        code.matched = split_stored(row.text(3));
        code.declared = row.integer(4) != 0;
        code.correction = row.optional_text(5);
        it->second.codes.push_back(std::move(code));
    }
    for (const auto& row : c.query("SELECT record, group_id FROM needs_group_members WHERE pole_id "
                                   "= ? AND record IN (" +
                                       in + ")",
                                   params)) {
        auto it = by_id.find(row.integer(0));
        if (it != by_id.end()) it->second.group_id = row.integer(1);
    }
    std::vector<Record> out;
    for (auto id : ids) {
        auto it = by_id.find(id);
        if (it != by_id.end()) out.push_back(std::move(it->second));
    }
    return out;
}

RecordMatches search_records(Connection& c, std::int64_t pole_id, const RecordFilter& f) {
    std::string where = " FROM needs_records r WHERE r.pole_id = ?";
    Params params{pole_id};
    if (f.commune) {
        where += " AND r.commune = ?";
        params.push_back(*f.commune);
    }
    auto code_condition = [&](const char* kind, const std::string& code) {
        where +=
            " AND r.id IN (SELECT k.record FROM needs_codes k WHERE k.pole_id = ? AND k.kind = "
            "? AND k.code = ? AND k.effective = 1)";
        params.push_back(pole_id);
        params.push_back(std::string(kind));
        params.push_back(code);
    };
    if (f.category) code_condition("need", *f.category);
    if (f.sector) code_condition("sector", *f.sector);
    if (f.uncoded) {
        where +=
            " AND NOT EXISTS (SELECT 1 FROM needs_codes k WHERE k.record = r.id AND k.kind = "
            "'need' AND k.effective = 1)";
    }
    if (f.text) {
        where += " AND (r.record_id = ? OR r.search_text LIKE ?)";
        params.push_back(*f.text);
        params.push_back("%" + fold_text(*f.text) + "%");
    }
    RecordMatches m;
    m.total = c.query("SELECT COUNT(*)" + where, params)[0].integer(0);
    params.push_back(f.per_page);
    params.push_back((f.page - 1) * f.per_page);
    for (const auto& row :
         c.query("SELECT r.id" + where + " ORDER BY r.id DESC LIMIT ? OFFSET ?", params))
        m.ids.push_back(row.integer(0));
    return m;
}

std::vector<Correction> corrections_of(Connection& c, std::int64_t record) {
    std::vector<Correction> out;
    for (const auto& row : c.query("SELECT kind, code, action FROM needs_corrections WHERE record "
                                   "= ? ORDER BY kind, code",
                                   {record}))
        out.push_back(
            {parse_code_kind(row.text(0)).value_or(CodeKind::need), row.text(1), row.text(2)});
    return out;
}

void set_correction(Connection& c, std::int64_t record, std::int64_t pole_id,
                    const Correction& correction, std::optional<std::int64_t> user_id,
                    const std::string& now) {
    clear_correction(c, record, correction.kind, correction.code);
    c.execute(
        "INSERT INTO needs_corrections (record, pole_id, kind, code, action, user_id, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        {record, pole_id, std::string(to_string(correction.kind)), correction.code,
         correction.action, nullable(user_id), now});
}

void clear_correction(Connection& c, std::int64_t record, CodeKind kind, const std::string& code) {
    c.execute("DELETE FROM needs_corrections WHERE record = ? AND kind = ? AND code = ?",
              {record, std::string(to_string(kind)), code});
}

std::vector<RecordText> record_texts(Connection& c, std::int64_t pole_id, std::int64_t after_id,
                                     std::size_t limit) {
    std::vector<RecordText> out;
    // `+pole_id`, as in compared_texts: the primary key's range, not a sort for every chunk.
    std::string sql =
        "SELECT id, record_id, commune, language, need_text, proposal_text, need_codes, sectors, "
        "codes_fingerprint FROM needs_records WHERE +pole_id = ? AND id > ? ORDER BY id";
    Params params{pole_id, after_id};
    if (limit) {
        sql += " LIMIT ?";
        params.push_back(std::int64_t(limit));
    }
    for (const auto& row : c.query(sql, params)) {
        RecordText t;
        t.id = row.integer(0);
        t.record_id = row.text(1);
        t.commune = row.optional_text(2);
        t.language = row.text(3);
        t.need_text = row.optional_text(4);
        t.proposal_text = row.optional_text(5);
        t.need_codes = split_stored(row.text(6));
        t.sectors = split_stored(row.text(7));
        t.codes_fingerprint = row.integer(8);
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<ComparedText> compared_texts(Connection& c, std::int64_t pole_id, std::int64_t after_id,
                                         std::size_t limit) {
    std::vector<ComparedText> out;
    // `+pole_id`: not through the commune index, whose rows SQLite would sort by id again for
    // every chunk; the primary key's range gives them in order.
    auto rows = c.query(
        "SELECT id, record_id, language, COALESCE(proposal_text, need_text, '') FROM "
        "needs_records WHERE +pole_id = ? AND id > ? ORDER BY id LIMIT ?",
        {pole_id, after_id, std::int64_t(limit)});
    out.reserve(rows.size());
    for (auto& row : rows)
        out.push_back({row.integer(0), row.take_text(1), row.take_text(2), row.take_text(3)});
    return out;
}

std::vector<std::pair<std::int64_t, Correction>> pole_corrections(Connection& c,
                                                                  std::int64_t pole_id) {
    std::vector<std::pair<std::int64_t, Correction>> out;
    for (const auto& row : c.query("SELECT record, kind, code, action FROM needs_corrections WHERE "
                                   "pole_id = ? ORDER BY record",
                                   {pole_id}))
        out.push_back(
            {row.integer(0),
             {parse_code_kind(row.text(1)).value_or(CodeKind::need), row.text(2), row.text(3)}});
    return out;
}

void delete_pole_codes(Connection& c, std::int64_t pole_id) {
    c.execute("DELETE FROM needs_codes WHERE pole_id = ?", {pole_id});
}

std::int64_t count_records(Connection& c, std::int64_t pole_id) {
    return c.query("SELECT COUNT(*) FROM needs_records WHERE pole_id = ?", {pole_id})[0].integer(0);
}

}  // namespace maillage::needs::storage
