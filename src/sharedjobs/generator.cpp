#include "sharedjobs/generator.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "sharedjobs/dates.hpp"
#include "territory/geo.hpp"

namespace maillage::sharedjobs {
namespace {

// ROME codes of trades that employer groups commonly share (data/sharedjobs/occupations.csv).
const char* kOccupations[] = {"K2204", "M1602", "H3302", "F1602", "N1103",
                              "D1106", "A1414", "M1203", "I1203", "G1603"};
const int kHours[] = {4, 6, 8, 8, 10, 12, 14, 16, 20, 24};

class Draw {
  public:
    explicit Draw(std::uint64_t seed) : rng_(seed) {}
    int integer(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[std::size_t(integer(0, int(v.size()) - 1))];
    }

  private:
    std::mt19937_64 rng_;
};

// Places of each area: the communes within the radius of the area's centre.
std::vector<std::vector<PlaceRef>> areas_of(const GeneratorSpec& spec,
                                            const std::vector<PlaceRef>& places, Draw& draw) {
    std::vector<std::vector<PlaceRef>> areas;
    for (int a = 0; a < std::max(1, spec.areas); ++a) {
        const PlaceRef* centre = &places[std::size_t((std::size_t(a) * places.size()) /
                                                     std::size_t(std::max(1, spec.areas)))];
        if (std::size_t(a) < spec.centres.size())
            for (const auto& p : places)
                if (p.commune == spec.centres[std::size_t(a)]) centre = &p;
        std::vector<PlaceRef> near;
        for (const auto& p : places)
            if (territory::haversine_km(centre->lat, centre->lon, p.lat, p.lon) <=
                spec.area_radius_km)
                near.push_back(p);
        areas.push_back(near.empty() ? std::vector<PlaceRef>{*centre} : near);
    }
    (void)draw;
    return areas;
}

// Shifts of `hours` over `days` days starting at a time between 06:00 and 15:00.
std::vector<TimeWindow> exact_windows(int minutes, Draw& draw) {
    int days = minutes <= 240 ? 1 : minutes <= 600 ? draw.integer(2, 3) : draw.integer(3, 5);
    int per_day = (minutes / days) / 30 * 30;
    int first = draw.integer(0, 5 - days);
    int start = draw.integer(12, 30) * 30;
    std::vector<TimeWindow> windows;
    int left = minutes;
    for (int d = 0; d < days; ++d) {
        int length = d == days - 1 ? left : per_day;
        int s = std::min(start, kMinutesPerDay - length);
        windows.push_back({first + d, s, s + length});
        left -= length;
    }
    return windows;
}

// Wider windows than the hours: the composer chooses where the hours go.
std::vector<TimeWindow> flexible_windows(int minutes, Draw& draw) {
    int days = draw.integer(2, 4);
    std::vector<TimeWindow> windows;
    int span = std::max(240, std::min(600, (minutes / days) / 30 * 30 + draw.integer(2, 6) * 60));
    int first = draw.integer(0, 5 - days);
    for (int d = 0; d < days; ++d) {
        int start = draw.integer(14, 20) * 30;
        windows.push_back({first + d, start, std::min(kMinutesPerDay, start + span)});
    }
    int total = 0;
    for (const auto& w : windows) total += w.length();
    if (total < minutes)
        windows.back().end = std::min(kMinutesPerDay, windows.back().end + minutes - total);
    return windows;
}

}  // namespace

Instance generate_instance(const GeneratorSpec& spec, const std::vector<PlaceRef>& places,
                           std::uint64_t seed) {
    Draw draw(seed);
    Instance inst;
    inst.group = {"Groupement généré", 1.08, 21.0};
    inst.horizon = {spec.horizon_start, spec.horizon_end};
    auto areas = areas_of(spec, places, draw);
    std::vector<std::string> occupations(kOccupations,
                                         kOccupations + std::clamp(spec.occupations, 1, 10));
    std::vector<int> firm_area;
    std::vector<std::string> firm_commune;
    for (int f = 0; f < spec.firms; ++f) {
        int area = f % int(areas.size());
        firm_area.push_back(area);
        firm_commune.push_back(draw.pick(areas[std::size_t(area)]).commune);
        Member m;
        m.id = "m" + std::to_string(f + 1);
        m.name = "Entreprise " + std::to_string(f + 1);
        if (draw.chance(0.5)) m.hourly_rate = 19.0 + draw.integer(0, 12) * 0.5;
        inst.members.push_back(m);
    }
    int h0 = *dates::parse(spec.horizon_start), h1 = *dates::parse(spec.horizon_end);
    for (int i = 0; i < spec.needs; ++i) {
        Need n;
        int firm = i < spec.firms ? i : draw.integer(0, spec.firms - 1);
        n.id = "n" + std::to_string(i + 1);
        n.member = inst.members[std::size_t(firm)].id;
        n.occupation = draw.pick(occupations);
        n.label = "Besoin " + std::to_string(i + 1);
        n.weekly_minutes = kHours[draw.integer(0, 9)] * 60;
        bool flexible = draw.chance(spec.flexible_share);
        n.windows = flexible ? flexible_windows(n.weekly_minutes, draw)
                             : exact_windows(n.weekly_minutes, draw);
        n.commune = firm_commune[std::size_t(firm)];
        n.splittable = draw.chance(spec.splittable_share);
        if (draw.chance(spec.seasonal_share)) {
            int quarter = (h1 - h0 + 1) / 4, q = draw.integer(0, 3);
            n.start = dates::format(h0 + q * quarter);
            n.end = dates::format(std::min(h1, h0 + (q + 1) * quarter - 1));
        }
        inst.needs.push_back(std::move(n));
    }
    const int targets[] = {35 * 60, 35 * 60, 30 * 60, 28 * 60, 24 * 60};
    for (int w = 0; w < spec.workers; ++w) {
        Worker worker;
        worker.id = "w" + std::to_string(w + 1);
        worker.name = "Salarié " + std::to_string(w + 1);
        int area = w % int(areas.size());
        worker.home_commune = draw.pick(areas[std::size_t(area)]).commune;
        int skills = draw.integer(1, std::min(3, int(occupations.size())));
        while (int(worker.skills.size()) < skills) {
            const auto& code = draw.pick(occupations);
            if (std::find(worker.skills.begin(), worker.skills.end(), code) == worker.skills.end())
                worker.skills.push_back(code);
        }
        int off = draw.chance(0.3) ? draw.integer(0, 4) : -1;
        for (int d = 0; d < 6; ++d)
            if (d != off && (d < 5 || draw.chance(0.2)))
                worker.availability.push_back({d, 360, 1260});
        worker.target_minutes = targets[draw.integer(0, 4)];
        worker.min_minutes = worker.target_minutes / 2 / 30 * 30;
        worker.max_travel_minutes = draw.integer(3, 6) * 10;
        worker.max_employers = draw.integer(2, 4);
        inst.workers.push_back(std::move(worker));
    }
    (void)firm_area;
    return inst;
}

}  // namespace maillage::sharedjobs
