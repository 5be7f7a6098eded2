// Grids: the shipped files recorded at start, the poles' copies, versions and imports.
#include <fstream>

#include "accounts/account_service.hpp"
#include "core/error.hpp"
#include "evaluation/evaluation_service.hpp"
#include "evaluation/grid_files.hpp"

namespace maillage::evaluation {

using store::Connection;

namespace {

std::set<std::string> codes_of(const Vocabulary& v, const std::string& enumeration) {
    std::set<std::string> out;
    for (const auto& value : v.values(enumeration)) out.insert(value.code);
    return out;
}

}  // namespace

EvaluationService::EvaluationService(store::Database& database, const Vocabulary& vocabulary,
                                     EvaluationConfig config)
    : database_(database), vocabulary_(vocabulary), config_(std::move(config)) {
    grid_vocabulary_ = {codes_of(vocabulary, "evaluation_mode"),
                        codes_of(vocabulary, "evaluation_stage")};
    campaign_vocabulary_ = {codes_of(vocabulary, "evaluation_origin"),
                            codes_of(vocabulary, "evaluation_participation"),
                            codes_of(vocabulary, "evaluation_perimeter"),
                            codes_of(vocabulary, "evaluation_validation_method")};
    sync_shipped_grids();
    load_report_texts();
}

void EvaluationService::load_report_texts() {
    if (config_.report_texts_file.empty()) return;
    std::ifstream in(config_.report_texts_file);
    if (!in) throw Error(ErrorCode::internal, "missing " + config_.report_texts_file);
    Json texts;
    try {
        texts = Json::parse(in);
    } catch (const Json::parse_error& e) {
        throw Error(ErrorCode::invalid_input, config_.report_texts_file + ": " + e.what());
    }
    for (const auto& [key, value] : texts.items()) {
        if (key.front() == '_') continue;
        Label l;
        for (auto [lang, text] : {std::pair{"fr", &l.fr}, {"it", &l.it}, {"en", &l.en}}) {
            if (!value.contains(lang) || !value[lang].is_string())
                throw Error(ErrorCode::invalid_input,
                            config_.report_texts_file + ": text '" + key + "' has no " + lang);
            *text = value[lang].get<std::string>();
        }
        report_texts_[key] = l;
    }
}

std::string EvaluationService::pole_name(std::int64_t pole_id) {
    if (!config_.links.pole_name) return "";
    return config_.links.pole_name(pole_id).value_or("");
}

void EvaluationService::sync_shipped_grids() {
    auto files = read_grid_files(config_.grids_dir, grid_vocabulary_);
    database_.write([&](Connection& c) {
        for (const auto& f : files) {
            std::string definition = f.document.dump();
            auto stored = storage::insert_shipped_grid(
                c, {std::nullopt, &f.grid, definition, std::nullopt, f.path, false});
            // Assessments point at a grid version: its questions must not change under them.
            if (stored && Json::parse(*stored) != f.document)
                throw Error(ErrorCode::invalid_input,
                            f.path + ": grid '" + f.grid.code + "' version " +
                                std::to_string(f.grid.version) +
                                " differs from the one already recorded; give the changed grid "
                                "a new version number");
        }
    });
}

std::shared_ptr<const Grid> EvaluationService::parsed(const storage::GridRow& row) {
    {
        std::lock_guard lock(cache_mutex_);
        auto it = cache_.find(row.id);
        // Keyed on the definition itself: a grid saved twice within a second keeps its
        // updated_at, and comparing the text costs far less than parsing it.
        if (it != cache_.end() && it->second.first == row.definition) return it->second.second;
    }
    auto grid = std::make_shared<const Grid>(
        parse_grid_or_throw(Json::parse(row.definition), {}, "grid " + std::to_string(row.id)));
    std::lock_guard lock(cache_mutex_);
    cache_[row.id] = {row.definition, grid};
    return grid;
}

StoredGrid EvaluationService::stored(const storage::GridRow& row) {
    StoredGrid g;
    g.id = row.id;
    g.pole_id = row.pole_id;
    g.derived_from = row.derived_from;
    g.source_file = row.source_file;
    g.hidden = row.hidden;
    g.assessments = row.assessments;
    g.latest = row.latest;
    g.created_at = row.created_at;
    g.updated_at = row.updated_at;
    g.grid = parsed(row);
    return g;
}

StoredGrid EvaluationService::require_grid(Connection& c, std::int64_t pole_id, std::int64_t id) {
    auto row = storage::grid_row(c, id, pole_id);
    if (!row) throw Error(ErrorCode::not_found, "no such grid", "grid_id");
    return stored(*row);
}

std::vector<StoredGrid> EvaluationService::grids(std::int64_t pole_id, bool include_hidden) {
    auto rows = database_.read(
        [&](Connection& c) { return storage::visible_grids(c, pole_id, include_hidden); });
    std::vector<StoredGrid> out;
    for (const auto& r : rows) out.push_back(stored(r));
    return out;
}

StoredGrid EvaluationService::grid(std::int64_t pole_id, std::int64_t id) {
    return database_.read([&](Connection& c) { return require_grid(c, pole_id, id); });
}

StoredGrid EvaluationService::find_grid(std::int64_t pole_id, const std::string& code_or_id) {
    if (!code_or_id.empty() && code_or_id.find_first_not_of("0123456789") == std::string::npos)
        return grid(pole_id, std::stoll(code_or_id));
    return database_.read([&](Connection& c) {
        auto id = storage::latest_shipped(c, code_or_id);
        if (!id) throw Error(ErrorCode::not_found, "no shipped grid '" + code_or_id + "'", "grid");
        return require_grid(c, pole_id, *id);
    });
}

StoredGrid EvaluationService::copy_grid(std::int64_t pole_id, std::int64_t user_id,
                                        std::int64_t source_id, std::optional<std::string> code,
                                        std::optional<Label> title) {
    auto id = database_.write([&](Connection& c) {
        auto source = require_grid(c, pole_id, source_id);
        Grid copy = *source.grid;
        if (code) copy.code = *code;
        if (title) copy.title = *title;
        copy.version = storage::next_version(c, pole_id, copy.code);
        Json document = grid_to_json(copy);
        // The copy goes through the same validation as any edited grid.
        copy = parse_grid_or_throw(document, grid_vocabulary_, "grid");
        auto id = storage::insert_grid(
            c, {pole_id, &copy, grid_to_json(copy).dump(), source.id, "", false});
        accounts::record_activity(c, pole_id, by(user_id), "create", "evaluation_grid", id,
                                  copy.title.fr + " (copy)");
        return id;
    });
    return grid(pole_id, id);
}

StoredGrid EvaluationService::save_grid(std::int64_t pole_id, std::int64_t user_id, std::int64_t id,
                                        const Json& definition) {
    auto saved = database_.write([&](Connection& c) {
        auto current = require_grid(c, pole_id, id);
        if (!current.pole_id)
            throw Error(ErrorCode::forbidden,
                        "a shipped grid cannot be changed: copy it into the pole first");
        if (current.hidden)
            throw Error(ErrorCode::conflict,
                        "this grid belongs to a campaign: change it from the campaign");
        Grid edited = parse_grid_or_throw(definition, grid_vocabulary_, "grid");
        if (edited.code != current.grid->code)
            throw invalid("code", "a saved grid keeps its code; copy it to make another grid");
        edited.version = current.grid->version;
        std::int64_t target = id;
        if (current.assessments == 0) {
            storage::update_grid(c, id, edited, grid_to_json(edited).dump());
        } else {
            edited.version = storage::next_version(c, pole_id, edited.code);
            target = storage::insert_grid(
                c, {pole_id, &edited, grid_to_json(edited).dump(), id, "", false});
        }
        accounts::record_activity(c, pole_id, by(user_id), "update", "evaluation_grid", target,
                                  edited.title.fr + " v" + std::to_string(edited.version));
        return target;
    });
    return grid(pole_id, saved);
}

StoredGrid EvaluationService::import_grid(std::int64_t pole_id, std::int64_t user_id,
                                          const Json& definition, const std::string& origin) {
    auto id = database_.write([&](Connection& c) {
        Grid g = parse_grid_or_throw(definition, grid_vocabulary_, origin);
        g.version = storage::next_version(c, pole_id, g.code);
        auto id = storage::insert_grid(
            c, {pole_id, &g, grid_to_json(g).dump(), std::nullopt, origin, false});
        accounts::record_activity(c, pole_id, by(user_id), "import", "evaluation_grid", id,
                                  origin + ": " + g.title.fr);
        return id;
    });
    return grid(pole_id, id);
}

void EvaluationService::delete_grid(std::int64_t pole_id, std::int64_t user_id, std::int64_t id) {
    database_.write([&](Connection& c) {
        auto g = require_grid(c, pole_id, id);
        if (!g.pole_id) throw Error(ErrorCode::forbidden, "a shipped grid cannot be deleted");
        if (g.hidden)
            throw Error(ErrorCode::conflict,
                        "this grid belongs to a campaign: delete the campaign");
        if (g.assessments > 0)
            throw Error(ErrorCode::conflict, "assessments use this grid: delete them first (" +
                                                 std::to_string(g.assessments) + ")");
        auto users = c.query(
            "SELECT (SELECT COUNT(*) FROM eval_rounds WHERE grid_id = ?) + "
            "(SELECT COUNT(*) FROM eval_campaigns WHERE base_grid_id = ?)",
            {id, id});
        if (users[0].integer(0) > 0)
            throw Error(ErrorCode::conflict, "a pole round or a campaign uses this grid");
        storage::delete_grid(c, id);
        accounts::record_activity(c, pole_id, by(user_id), "delete", "evaluation_grid", id,
                                  g.grid->title.fr);
    });
}

}  // namespace maillage::evaluation
