#include "needs/synthetic.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "core/error.hpp"

namespace maillage::needs {
namespace {

// How often people raise each need (a plausible mix: work and mobility first).
const std::vector<std::pair<std::string, double>> kCategoryWeights = {{"employment", 14},
                                                                      {"mobility", 12},
                                                                      {"food_shop", 9},
                                                                      {"elderly_care", 7},
                                                                      {"health", 7},
                                                                      {"housing", 7},
                                                                      {"training", 6},
                                                                      {"proximity_services", 6},
                                                                      {"digital_access", 5},
                                                                      {"childcare", 5},
                                                                      {"social_link", 5},
                                                                      {"tourism_hospitality", 4},
                                                                      {"agriculture_food", 4},
                                                                      {"public_services", 4},
                                                                      {"culture", 3},
                                                                      {"energy", 3},
                                                                      {"environment_waste", 3},
                                                                      {"crafts_trades", 3},
                                                                      {"sport_leisure", 3}};
const std::map<std::string, std::vector<std::string>> kSections = {{"employment", {"N", "S"}},
                                                                   {"mobility", {"H"}},
                                                                   {"food_shop", {"G"}},
                                                                   {"elderly_care", {"Q"}},
                                                                   {"health", {"Q"}},
                                                                   {"housing", {"F", "L"}},
                                                                   {"training", {"P"}},
                                                                   {"proximity_services", {"S"}},
                                                                   {"digital_access", {"J"}},
                                                                   {"childcare", {"Q"}},
                                                                   {"social_link", {"S"}},
                                                                   {"tourism_hospitality", {"I"}},
                                                                   {"agriculture_food", {"A"}},
                                                                   {"public_services", {"O"}},
                                                                   {"culture", {"R"}},
                                                                   {"energy", {"D"}},
                                                                   {"environment_waste", {"E"}},
                                                                   {"crafts_trades", {"C"}},
                                                                   {"sport_leisure", {"R"}}};
const std::vector<std::pair<std::string, double>> kAgeBands = {
    {"under_26", 18}, {"26_34", 22}, {"35_49", 30}, {"50_64", 24}, {"65_plus", 6}};
constexpr std::size_t kActiveFamilies = 60;
constexpr std::size_t kMaxFamilySize = 50;

struct CategoryBank {
    std::vector<std::string> needs, objects, details;
};

struct Bank {
    std::string language;
    std::vector<std::string> fillers, actions, places, purposes, skills, anchors, syllables;
    std::map<std::string, CategoryBank> categories;
};

std::vector<std::string> strings(const Json& j, const std::string& key) {
    std::vector<std::string> out;
    for (const auto& v : j.value(key, Json::array())) out.push_back(v.get<std::string>());
    return out;
}

Bank load_bank(const std::filesystem::path& path, const std::string& language) {
    std::ifstream in(path);
    if (!in) throw Error(ErrorCode::internal, "missing generator phrases " + path.string());
    std::stringstream content;
    content << in.rdbuf();
    Json j = Json::parse(content.str());
    Bank bank{language,
              strings(j, "fillers"),
              strings(j, "actions"),
              strings(j, "places"),
              strings(j, "purposes"),
              strings(j, "skills"),
              strings(j, "anchors"),
              strings(j, "syllables"),
              {}};
    for (const auto& [code, c] : j.at("categories").items())
        bank.categories[code] = {strings(c, "needs"), strings(c, "objects"), strings(c, "details")};
    for (const auto& [code, weight] : kCategoryWeights) {
        const auto& c = bank.categories[code];
        if (c.needs.empty() || c.objects.empty() || c.details.size() < 2)
            throw Error(ErrorCode::internal, path.string() + ": category " + code +
                                                 " needs needs, objects and two details");
    }
    return bank;
}

// The parts of a proposal, so that a family's members can be variations of one proposal.
struct Proposal {
    std::string category;
    std::size_t filler = 0, action = 0, object = 0, detail = 0;
    long second_detail = -1, purpose = -1, place = -1, anchor = -1;
    std::string anchor_name;  // a local place the proposal is about
};

struct Family {
    std::int64_t id = 0;
    std::size_t bank = 0;
    Proposal base;
    std::size_t remaining = 0;
    const territory::Commune* home = nullptr;
};

}  // namespace

struct SyntheticIntake::State {
    SyntheticOptions options;
    std::mt19937_64 random;
    const territory::Territory& territory;
    std::vector<Bank> banks;  // fr, it
    std::vector<const territory::Commune*> communes;
    std::vector<double> cumulative;  // population, for drawing communes
    std::map<std::string, std::vector<const territory::Commune*>> by_department;
    std::map<std::string, std::string> centre_of_department;
    std::vector<Family> active;
    std::int64_t next_family = 0;
    std::uint64_t index = 0;

    State(SyntheticOptions o, const territory::Territory& t)
        : options(std::move(o)), random(options.seed), territory(t) {}

    std::size_t below(std::size_t n) { return n ? std::size_t(random() % n) : 0; }
    double unit() { return double(random() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }

    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[below(v.size())];
    }

    const std::string& weighted(const std::vector<std::pair<std::string, double>>& choices) {
        double total = 0;
        for (const auto& c : choices) total += c.second;
        double x = unit() * total;
        for (const auto& c : choices) {
            if (x < c.second) return c.first;
            x -= c.second;
        }
        return choices.back().first;
    }

    const territory::Commune* draw_commune() {
        double x = unit() * cumulative.back();
        auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x);
        return communes[std::min<std::size_t>(std::size_t(it - cumulative.begin()),
                                              communes.size() - 1)];
    }

    static std::string department_key(const territory::Commune& c) {
        return c.country + "|" + c.department_code;
    }

    std::size_t bank_of(const territory::Commune& c) const { return c.country == "IT" ? 1 : 0; }

    // A proposal of its own: an object, usually two details and a local place, so that two
    // people's proposals rarely say the same thing by chance.
    Proposal random_proposal(std::size_t bank, const std::string& category) {
        const Bank& b = banks[bank];
        const CategoryBank& c = b.categories.at(category);
        Proposal p;
        p.category = category;
        p.filler = below(b.fillers.size());
        p.action = below(b.actions.size());
        p.object = below(c.objects.size());
        p.detail = below(c.details.size());
        if (chance(0.7)) p.second_detail = long(other_than(p.detail, c.details.size()));
        if (chance(0.3)) p.purpose = long(below(b.purposes.size()));
        if (chance(0.3)) p.place = long(below(b.places.size()));
        if (chance(0.85)) {
            p.anchor = long(below(b.anchors.size()));
            p.anchor_name = place_name(bank);
        }
        return p;
    }

    // A lieu-dit or località made of two or three syllables ("Bordenave", "Montecastel").
    std::string place_name(std::size_t bank) {
        const Bank& b = banks[bank];
        std::string name;
        for (std::size_t k = chance(0.6) ? 2 : 3; k > 0; --k) name += pick(b.syllables);
        if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = char(name[0] - 'a' + 'A');
        return name;
    }

    std::size_t other_than(std::size_t current, std::size_t n) {
        if (n < 2) return current;
        std::size_t next = below(n - 1);
        return next >= current ? next + 1 : next;
    }

    // One small change a person would make saying the same thing in other words.
    void vary(Proposal& p, std::size_t bank, bool& typo) {
        const Bank& b = banks[bank];
        switch (below(7)) {
            case 0:
                p.filler = other_than(p.filler, b.fillers.size());
                break;
            case 1:
                p.action = other_than(p.action, b.actions.size());
                break;
            case 2:
                p.purpose = p.purpose >= 0 ? -1 : long(below(b.purposes.size()));
                break;
            case 3:
                p.place = p.place >= 0 ? -1 : long(below(b.places.size()));
                break;
            case 4:
                p.anchor = long(other_than(std::size_t(p.anchor), b.anchors.size()));
                break;
            case 5:
                typo = true;
                break;
            default:
                if (p.second_detail >= 0 && chance(0.5))
                    p.second_detail = -1;
                else
                    p.filler = other_than(p.filler, b.fillers.size());
        }
    }

    std::string render(const Proposal& p, std::size_t bank) {
        const Bank& b = banks[bank];
        const CategoryBank& c = b.categories.at(p.category);
        std::string text = b.fillers[p.filler];
        const std::string& action = b.actions[p.action];
        // French elides "de" before a vowel: "L'idée serait d'organiser".
        bool elide = text.ends_with(" de") && !action.empty() &&
                     std::string("aeiouh").find(action[0]) != std::string::npos;
        if (elide)
            text.replace(text.size() - 2, 2, "d'");
        else if (!text.empty())
            text += " ";
        text += action + " " + c.objects[p.object] + " " + c.details[p.detail];
        if (p.second_detail >= 0) text += " " + c.details[std::size_t(p.second_detail)];
        if (p.anchor >= 0) {
            std::string anchor = b.anchors[std::size_t(p.anchor)];
            anchor.replace(anchor.find("{name}"), 6, p.anchor_name);
            text += " " + anchor;
        }
        if (p.place >= 0) text += " " + b.places[std::size_t(p.place)];
        if (p.purpose >= 0) text += " " + b.purposes[std::size_t(p.purpose)];
        if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = char(text[0] - 'a' + 'A');
        return text + ".";
    }

    // A slip of the keyboard in one word of five letters or more: two letters swapped, one
    // dropped or one doubled (ASCII letters only, so that the text stays valid UTF-8).
    std::string with_typo(std::string text) {
        std::vector<std::size_t> starts;
        for (std::size_t i = 0; i + 5 <= text.size(); ++i) {
            bool start = i == 0 || text[i - 1] == ' ';
            bool letters = true;
            for (std::size_t k = i; k < i + 5; ++k)
                letters = letters && text[k] >= 'a' && text[k] <= 'z';
            if (start && letters) starts.push_back(i);
        }
        if (starts.empty()) return text;
        std::size_t at = pick(starts) + 1 + below(3);
        switch (below(3)) {
            case 0:
                std::swap(text[at], text[at + 1]);
                break;
            case 1:
                text.erase(at, 1);
                break;
            default:
                text.insert(at, 1, text[at]);
        }
        return text;
    }

    std::string need_sentence(std::size_t bank, const std::string& category,
                              const territory::Commune& commune) {
        std::string s = pick(banks[bank].categories.at(category).needs);
        auto replace = [&](const std::string& slot, const std::string& value) {
            for (std::size_t at; (at = s.find(slot)) != std::string::npos;)
                s.replace(at, slot.size(), value);
        };
        replace("{commune}", commune.name);
        replace("{km}", std::to_string(8 + below(40)));
        replace("{years}", std::to_string(2 + below(9)));
        return s + ".";
    }

    Family& family_to_join() {
        if (active.size() < kActiveFamilies || chance(0.02)) {
            Family f;
            f.id = next_family++;
            f.home = draw_commune();
            f.bank = bank_of(*f.home);
            f.base = random_proposal(f.bank, weighted(kCategoryWeights));
            const auto& details = banks[f.bank].categories.at(f.base.category).details;
            if (f.base.second_detail < 0)
                f.base.second_detail = long(other_than(f.base.detail, details.size()));
            if (f.base.anchor < 0) {
                f.base.anchor = long(below(banks[f.bank].anchors.size()));
                f.base.anchor_name = place_name(f.bank);
            }
            double u = unit();
            f.remaining = 2 + std::size_t(u * u * u * double(kMaxFamilySize - 2));
            active.push_back(f);
            return active.back();
        }
        return active[below(active.size())];
    }

    const territory::Commune* near(const territory::Commune& home) {
        if (chance(0.4)) return &home;
        const auto& neighbours = by_department[department_key(home)];
        return neighbours.empty() ? &home : pick(neighbours);
    }

    void fill_person(RecordInput& r, std::size_t bank, const std::string& category) {
        r.age_band = weighted(kAgeBands);
        const std::string& age = *r.age_band;
        if (chance(0.62))
            r.situations.push_back(chance(0.4) ? "long_term_job_seeker" : "job_seeker");
        if (chance(0.18)) r.situations.push_back("rsa");
        if (chance(0.08)) r.situations.push_back("disability");
        if (chance(0.1)) r.situations.push_back("single_parent");
        if (r.situations.empty() && chance(0.5))
            r.situations.push_back(chance(0.5) ? "employed" : "part_time");
        if (age == "under_26") {
            r.situations.push_back("under_26");
            if (chance(0.2)) r.situations.push_back("student");
        }
        if ((age == "50_64" || age == "65_plus") && chance(0.7)) r.situations.push_back("over_50");
        if (age == "65_plus" && chance(0.7)) r.situations.push_back("retired");
        double u = unit();
        if (u < 0.22)
            r.coop_interest = "yes";
        else if (u < 0.55)
            r.coop_interest = "maybe";
        else if (u < 0.9)
            r.coop_interest = "no";
        if (chance(0.55)) r.sectors.push_back(pick(kSections.at(category)));
        if (chance(0.15)) r.sectors.push_back(pick(kSections.at(pick(kCategoryWeights).first)));
        std::sort(r.sectors.begin(), r.sectors.end());
        r.sectors.erase(std::unique(r.sectors.begin(), r.sectors.end()), r.sectors.end());
        for (std::size_t k = below(4); k > 0; --k) {
            const auto& skill = pick(banks[bank].skills);
            if (std::find(r.skills.begin(), r.skills.end(), skill) == r.skills.end())
                r.skills.push_back(skill);
        }
        if (chance(0.1)) r.need_codes.push_back(category);
    }

    std::string date() {
        // Days from 2023-01-02 over two years, as ISO dates.
        static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int day = int(below(716)) + 1, year = 2023, month = 0;
        while (true) {
            int length = month_days[month] + (month == 1 && year % 4 == 0);
            if (day <= length) break;
            day -= length;
            if (++month == 12) month = 0, ++year;
        }
        char buffer[48];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month + 1, day);
        return buffer;
    }

    std::string hex_key() {
        char buffer[24];
        std::snprintf(buffer, sizeof buffer, "P%012llx",
                      (unsigned long long)(random() & 0xFFFFFFFFFFFFull));
        return buffer;
    }
};

SyntheticIntake::SyntheticIntake(const std::string& data_dir, const territory::Territory& territory,
                                 SyntheticOptions options)
    : state_(std::make_unique<State>(std::move(options), territory)) {
    auto folder = std::filesystem::path(data_dir) / "needs" / "generator";
    state_->banks.push_back(load_bank(folder / "fr.json", "fr"));
    state_->banks.push_back(load_bank(folder / "it.json", "it"));
    for (const auto& code : state_->options.communes) {
        const auto* c = territory.commune(code);
        if (!c || c->population.value_or(0) <= 0)
            throw invalid("communes", "no commune with a population '" + code + "'");
        state_->communes.push_back(c);
    }
    for (const auto& area :
         state_->options.communes.empty() ? state_->options.areas : std::vector<std::string>{}) {
        auto dash = area.find('-');
        if (dash == std::string::npos) throw invalid("areas", "'" + area + "' is not COUNTRY-CODE");
        std::string country = area.substr(0, dash), code = area.substr(dash + 1);
        bool department = territory.department(country, code) != nullptr;
        std::size_t before = state_->communes.size();
        for (const auto& c : territory.communes())
            if (c.country == country &&
                (department ? c.department_code == code : c.region_code == code) &&
                c.population.value_or(0) > 0)
                state_->communes.push_back(&c);
        if (state_->communes.size() == before)
            throw invalid("areas", "no commune with a population in " + area);
    }
    double total = 0;
    for (const auto* c : state_->communes) {
        total += double(*c->population);
        state_->cumulative.push_back(total);
        state_->by_department[State::department_key(*c)].push_back(c);
    }
    for (auto& [key, members] : state_->by_department) {
        const auto* largest = *std::max_element(
            members.begin(), members.end(),
            [](auto* a, auto* b) { return a->population.value_or(0) < b->population.value_or(0); });
        state_->centre_of_department[key] = largest->country == "IT"
                                                ? "CPI di " + largest->name
                                                : "France Travail " + largest->name;
    }
}

SyntheticIntake::~SyntheticIntake() = default;

SyntheticRecord SyntheticIntake::next() {
    State& s = *state_;
    SyntheticRecord out;
    RecordInput& r = out.record;
    char id[32];
    std::snprintf(id, sizeof id, "%s%07llu", s.options.id_prefix.c_str(),
                  (unsigned long long)++s.index);
    r.record_id = id;

    const territory::Commune* commune = nullptr;
    std::size_t bank = 0;
    Proposal proposal;
    bool typo = s.chance(s.options.typo_rate);
    bool in_family = s.chance(s.options.family_share);
    if (in_family) {
        Family& f = s.family_to_join();
        out.family = f.id;
        commune = s.near(*f.home);
        bank = f.bank;
        proposal = f.base;
        for (std::size_t edits = s.chance(0.7) ? 1 : 2; edits > 0; --edits)
            s.vary(proposal, bank, typo);
        if (--f.remaining == 0)
            s.active.erase(std::find_if(s.active.begin(), s.active.end(),
                                        [&](const Family& x) { return x.id == f.id; }));
    } else {
        commune = s.draw_commune();
        bank = s.bank_of(*commune);
        proposal = s.random_proposal(bank, s.weighted(kCategoryWeights));
    }
    out.category = proposal.category;
    r.commune = commune->code;
    r.language = s.banks[bank].language;
    std::string key = State::department_key(*commune);
    r.centre = s.centre_of_department[key];
    char counsellor[32];
    std::snprintf(counsellor, sizeof counsellor, "C%s-%02zu", commune->department_code.c_str(),
                  s.below(12) + 1);
    r.counsellor = counsellor;
    r.person_key = s.hex_key();
    r.date = s.date();

    bool has_proposal = in_family || s.chance(0.85);
    if (has_proposal) {
        std::string text = s.render(proposal, bank);
        r.proposal_text = typo ? s.with_typo(text) : text;
    }
    if (!has_proposal || s.chance(0.93)) {
        std::string need = s.need_sentence(bank, proposal.category, *commune);
        if (s.chance(0.25))
            need += " " + s.need_sentence(bank, s.weighted(kCategoryWeights), *commune);
        r.need_text = s.chance(s.options.typo_rate) ? s.with_typo(need) : need;
    }
    s.fill_person(r, bank, proposal.category);
    return out;
}

}  // namespace maillage::needs
