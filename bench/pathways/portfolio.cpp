#include "portfolio.hpp"

#include <chrono>
#include <cstdio>
#include <random>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "pathways/schedule.hpp"
#include "pathways/validation.hpp"

namespace maillage::bench::pathways {
namespace {

namespace pw = maillage::pathways;
using store::Connection;
using store::Params;

// Buffers rows and writes them as multi-row INSERTs of `batch` rows. A table whose rows
// reference another's flushes that one first, so that foreign keys always find their row.
class Bulk {
  public:
    Bulk(Connection& c, std::string table, std::vector<std::string> columns, std::size_t& rows,
         Bulk* parent = nullptr)
        : c_(c),
          table_(std::move(table)),
          columns_(std::move(columns)),
          rows_(rows),
          parent_(parent) {}
    ~Bulk() { flush(); }
    void add(Params row) {
        for (auto& v : row) params_.push_back(std::move(v));
        if (++pending_ == kBatch) flush();
    }
    void flush() {
        if (!pending_) return;
        if (parent_) parent_->flush();
        std::string sql = "INSERT INTO " + table_ + " (";
        for (std::size_t i = 0; i < columns_.size(); ++i) sql += (i ? ", " : "") + columns_[i];
        sql += ") VALUES ";
        std::string one = "(";
        for (std::size_t i = 0; i < columns_.size(); ++i) one += i ? ", ?" : "?";
        one += ")";
        for (std::size_t r = 0; r < pending_; ++r) sql += (r ? ", " : "") + one;
        c_.execute(sql, params_);
        rows_ += pending_;
        params_.clear();
        pending_ = 0;
    }

  private:
    static constexpr std::size_t kBatch = 200;
    Connection& c_;
    std::string table_;
    std::vector<std::string> columns_;
    std::size_t& rows_;
    Bulk* parent_;
    Params params_;
    std::size_t pending_ = 0;
};

struct Generator {
    Portfolio& p;
    std::mt19937 random;
    std::vector<const territory::Commune*> communes;
    std::vector<std::string> nafs;
    std::vector<std::pair<std::string, std::string>> subjects;  // code, family
    std::vector<std::string> sections;

    int below(int n) { return int(random() % std::uint32_t(n)); }
    bool chance(double x) { return std::uniform_real_distribution<double>(0, 1)(random) < x; }

    void reference() {
        const auto& territory = p.app->territory();
        for (const auto& c : territory.communes())
            if (c.department_code == "40" || c.department_code == "64" ||
                c.department_code == "33" || c.department_code == "47" || c.department_code == "24")
                communes.push_back(&c);
        if (communes.empty())
            for (const auto& c : territory.communes()) communes.push_back(&c);
        for (const auto& n : territory.naf_codes()) {
            if (n.level == "subclass" && below(12) == 0) nafs.push_back(n.code);
            if (n.level == "section") sections.push_back(n.code);
        }
        for (const auto& v : p.app->vocabulary().values("pathway_subject"))
            if (v.parent) subjects.emplace_back(v.code, *v.parent);
    }

    void mentors(Connection& c) {
        Bulk rows(c, "pathway_mentors",
                  {"pole_id", "kind", "name", "name_folded", "commune", "lat", "lon", "capacity",
                   "experience_years", "active", "created_at", "updated_at"},
                  p.rows);
        Bulk subject_rows(c, "pathway_mentor_subjects",
                          {"pole_id", "mentor_id", "subject", "family"}, p.rows, &rows);
        Bulk sector_rows(c, "pathway_mentor_sectors", {"pole_id", "mentor_id", "section"}, p.rows,
                         &rows);
        auto first = c.query("SELECT COALESCE(MAX(id), 0) FROM pathway_mentors")[0].integer(0) + 1;
        auto now = clock::now_iso();
        for (std::size_t i = 0; i < p.mentors; ++i) {
            const auto* commune = communes[std::size_t(below(int(communes.size())))];
            std::string name = "Mentor " + std::to_string(i + 1);
            rows.add({p.pole_id, std::string(chance(0.8) ? "person" : "expert"), name,
                      text::fold(name), commune->code, commune->lat, commune->lon,
                      std::int64_t(1 + below(5)), std::int64_t(below(35)),
                      std::int64_t(chance(0.95) ? 1 : 0), now, now});
            std::int64_t id = first + std::int64_t(i);
            int count = 2 + below(3);
            // Consecutive subjects, so that a mentor never holds one twice.
            for (int k = 0; k < count; ++k) {
                const auto& s = subjects[std::size_t((i * 7 + std::size_t(k)) % subjects.size())];
                subject_rows.add({p.pole_id, id, s.first, s.second});
            }
            int sectors_count = 1 + below(3);
            for (int k = 0; k < sectors_count; ++k)
                sector_rows.add(
                    {p.pole_id, id, sections[(i + std::size_t(k) * 5) % sections.size()]});
        }
    }

    void projects(Connection& c) {
        std::vector<std::pair<std::int64_t, pw::TemplatePtr>> templates;
        for (const auto& info : p.app->pathways().templates(p.pole_id))
            templates.emplace_back(info.id, info.pathway);
        Bulk project_rows(
            c, "pathway_projects",
            {"pole_id",     "title",      "title_folded", "commune",         "naf",
             "sector",      "legal_form", "origin_kind",  "template_id",     "model",
             "step",        "stage",      "status",       "step_entered_on", "step_entered_day",
             "step_due_on", "started_on", "created_on",   "ceased_on",       "closed_on",
             "created_at",  "updated_at"},
            p.rows);
        Bulk log(
            c, "pathway_transitions",
            {"pole_id", "project_id", "at", "on_date", "action", "model", "from_step", "from_stage",
             "from_status", "to_step", "to_stage", "to_status", "leaves_step", "days_in_step"},
            p.rows, &project_rows);
        Bulk visits(c, "pathway_visits",
                    {"pole_id", "project_id", "due_on", "done_on", "origin", "created_at"}, p.rows,
                    &project_rows);
        Bulk jobs(c, "pathway_jobs",
                  {"pole_id", "project_id", "year", "jobs", "fte", "declared_at"}, p.rows,
                  &project_rows);
        Bulk pairs(c, "pathway_mentorships",
                   {"pole_id", "project_id", "kind", "mentor_id", "objectives", "started_on",
                    "status", "created_at"},
                   p.rows, &project_rows);
        auto first = c.query("SELECT COALESCE(MAX(id), 0) FROM pathway_projects")[0].integer(0) + 1;
        auto first_mentor =
            c.query("SELECT MIN(id) FROM pathway_mentors WHERE pole_id = ?", {p.pole_id})[0]
                .integer(0);
        const char* legal_forms[] = {"scic", "scop", "association", "community_cooperative"};
        const char* origins[] = {"citizen", "institution", "cooperative"};
        auto now = clock::now_iso();
        pw::Date origin = *pw::parse_date("2012-01-01");
        for (std::size_t i = 0; i < p.projects; ++i) {
            std::int64_t id = first + std::int64_t(i);
            const auto& [template_id, t] = templates[std::size_t(below(int(templates.size())))];
            pw::Date started = pw::add_days(origin, below(int(pw::days_between(origin, p.today))));
            int target = below(int(t->steps.size()));
            pw::Date at = started;
            std::size_t step = 0;
            std::optional<pw::Date> created;
            std::vector<Params> moves;  // written after the project's own row
            moves.push_back({p.pole_id, id, now, pw::to_iso(started), std::string("start"),
                             t->model, std::string(""), std::string(""), std::string(""),
                             t->steps[0].code, t->steps[0].stage, std::string("active"),
                             std::int64_t(0), std::int64_t(0)});
            while (int(step) < target) {
                pw::Date leave =
                    pw::add_days(pw::add_duration(at, t->steps[step].duration), below(60) - 20);
                if (leave >= p.today) break;
                const auto& from = t->steps[step];
                const auto& to = t->steps[step + 1];
                moves.push_back({p.pole_id, id, now, pw::to_iso(leave), std::string("advance"),
                                 t->model, from.code, from.stage, std::string("active"), to.code,
                                 to.stage, std::string("active"), std::int64_t(1),
                                 pw::days_between(at, leave)});
                if (from.code == t->creation_step) created = leave;
                at = leave;
                ++step;
            }
            const auto& current = t->steps[step];
            std::string status = "active";
            std::optional<pw::Date> closed, ceased;
            int roll = below(100);
            if (roll < 5)
                status = "paused";
            else if (roll < 12)
                status = "abandoned";
            else if (roll < 15 && step + 1 == t->steps.size())
                status = "completed";
            if (status == "abandoned" || status == "completed") {
                closed = std::min(p.today, pw::add_days(at, 30 + below(300)));
                moves.push_back(
                    {p.pole_id, id, now, pw::to_iso(*closed),
                     status == "abandoned" ? std::string("abandon") : std::string("complete"),
                     t->model, current.code, current.stage, std::string("active"), current.code,
                     current.stage, status, std::int64_t(0), pw::days_between(at, *closed)});
                if (created && status == "abandoned") ceased = closed;
            }
            const auto* commune = communes[std::size_t(below(int(communes.size())))];
            const auto& naf = nafs[std::size_t(below(int(nafs.size())))];
            std::string title = "Projet coopératif " + std::to_string(i + 1);
            project_rows.add({p.pole_id,
                              title,
                              text::fold(title),
                              commune->code,
                              naf,
                              store::nullable(pw::naf_section(p.app->territory(), naf)),
                              std::string(legal_forms[below(4)]),
                              std::string(origins[below(3)]),
                              template_id,
                              t->model,
                              current.code,
                              current.stage,
                              status,
                              pw::to_iso(at),
                              std::int64_t(at.days),
                              pw::to_iso(pw::step_due(current, at)),
                              pw::to_iso(started),
                              created ? store::Value(pw::to_iso(*created)) : nullptr,
                              ceased ? store::Value(pw::to_iso(*ceased)) : nullptr,
                              closed ? store::Value(pw::to_iso(*closed)) : nullptr,
                              now,
                              now});
            for (auto& move : moves) log.add(std::move(move));
            if (current.visits)
                for (auto due : pw::visit_due_dates(*current.visits, at)) {
                    bool done = due < pw::add_days(p.today, -10) && chance(0.85);
                    visits.add({p.pole_id, id, pw::to_iso(due),
                                done ? store::Value(pw::to_iso(pw::add_days(due, 3))) : nullptr,
                                std::string("plan"), now});
                }
            if (created)
                for (int year = pw::year_of(*created); year < pw::year_of(p.today); ++year) {
                    if (ceased && year > pw::year_of(*ceased)) break;
                    std::int64_t n = 1 + below(12);
                    jobs.add({p.pole_id, id, std::int64_t(year), n, double(n) * 0.8, now});
                }
            if (chance(0.25)) {
                bool open = status == "active" || status == "paused";
                pairs.add({p.pole_id, id, std::string("mentoring"),
                           first_mentor + below(int(p.mentors)), std::string("[\"Consolider\"]"),
                           pw::to_iso(started), std::string(open ? "active" : "ended"), now});
            }
            if (!p.routed_project && status == "active" && step > 0) p.routed_project = id;
        }
    }
};

}  // namespace

std::unique_ptr<Portfolio> generate(const std::string& backend, std::size_t projects,
                                    std::size_t mentors, std::uint32_t seed) {
    auto started = std::chrono::steady_clock::now();
    auto portfolio = std::make_unique<Portfolio>();
    portfolio->database = store::testdb::fresh(backend);
    if (!portfolio->database) return nullptr;
    app::Config config;
    config.hash_cost = accounts::HashCost::minimum;
    portfolio->app = std::make_unique<app::Application>(config, portfolio->database->database());
    auto pole = portfolio->app->accounts().create_pole("bench", "Pôle de mesure", "ptce");
    portfolio->pole_id = pole.id;
    portfolio->projects = projects;
    portfolio->mentors = mentors;
    portfolio->today = *pw::parse_date("2026-06-30");
    Generator g{*portfolio, std::mt19937(seed), {}, {}, {}, {}};
    g.reference();
    portfolio->database->database().write([&](Connection& c) {
        g.mentors(c);
        g.projects(c);
    });
    auto& db = portfolio->database->database();
    db.write([&](Connection& c) { c.execute_script("ANALYZE"); });
    portfolio->seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return portfolio;
}

}  // namespace maillage::bench::pathways
