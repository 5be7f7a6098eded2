// json_text writes a page of actors without building nlohmann trees; to_json is the reference.
#include <gtest/gtest.h>

#include <random>

#include "actors/actor_json.hpp"

using namespace maillage;
using namespace maillage::actors;

namespace {

std::string reference(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

class RandomActors {
  public:
    explicit RandomActors(unsigned seed) : random_(seed) {}

    Actor next() {
        Actor a;
        a.id = std::int64_t(random_() % 1000000);
        a.name = text();
        a.kind = text();
        a.family = text();
        for (auto* field : {&a.legal_form, &a.siren, &a.siret, &a.rna, &a.it_tax_code, &a.level,
                            &a.nature, &a.naf, &a.commune, &a.commune_name, &a.address, &a.website,
                            &a.email, &a.phone, &a.description})
            if (coin()) *field = text();
        if (coin()) a.is_public = coin();
        if (coin()) a.headcount = std::int64_t(random_() % 5000) - 10;
        if (coin()) a.fte = double(random_() % 100000) / 10.0;
        if (coin()) a.lat = double(std::int64_t(random_() % 18000000) - 9000000) / 100000.0;
        if (coin()) a.lon = double(std::int64_t(random_() % 36000000) - 18000000) / 100000.0;
        if (coin()) a.distance_km = double(random_() % 1000000) / 997.0;
        for (auto n = random_() % 4; n > 0; --n)
            a.poles.push_back({std::int64_t(random_() % 100), text(), text()});
        a.created_at = text();
        a.updated_at = text();
        return a;
    }

  private:
    bool coin() { return random_() % 2 == 0; }
    // Mostly names, sometimes with what JSON must escape or cannot hold as such.
    std::string text() {
        static const char* pieces[] = {
            "Atelier", " Bâti", "\"Solidaire\"", " d’Anglet", "\\", "\n", "\t",
            "\x01",    "\xFF",  "Città",         "Œuvre",     " ",  "é",  "\xC3"};
        std::string s;
        for (auto n = random_() % 5; n > 0; --n) s += pieces[random_() % std::size(pieces)];
        return s;
    }
    std::mt19937 random_;
};

}  // namespace

TEST(ActorJson, TextMatchesTheTreeForSingleActors) {
    RandomActors actors(1);
    for (int i = 0; i < 3000; ++i) {
        Actor a = actors.next();
        ASSERT_EQ(json_text(a), reference(to_json(a))) << reference(to_json(a));
    }
}

TEST(ActorJson, TextMatchesTheTreeForPages) {
    RandomActors actors(2);
    for (int i = 0; i < 200; ++i) {
        ActorPage page;
        for (int n = i % 21; n > 0; --n) page.items.push_back(actors.next());
        page.total = 1000 + i;
        page.page = 1 + i % 7;
        page.per_page = 20;
        ASSERT_EQ(json_text(page), reference(to_json(page)));
    }
}
