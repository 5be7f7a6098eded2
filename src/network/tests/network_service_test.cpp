// The network service on both backends: Grille I history, Grille II relations and their
// versions, a pole's own natures, derived relations from fake sources, the analysis and the
// yearly comparison.
#include <set>
#include <sstream>
#include <tuple>

#include "io/table_reader.hpp"
#include "network/analysis.hpp"
#include "network_fixture.hpp"

using namespace maillage;
using namespace maillage::network;
using maillage::network::testing::NetworkTest;

namespace {

void expect_invalid(const std::function<void()>& f, const std::string& field,
                    const std::string& message_part) {
    try {
        f();
        ADD_FAILURE() << "accepted; expected an error on " << field;
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::invalid_input) << e.what();
        EXPECT_EQ(e.field(), field) << e.what();
        EXPECT_NE(std::string(e.what()).find(message_part), std::string::npos) << e.what();
    }
}

const LogicField& field(const LogicCard& card, const std::string& code) {
    for (const auto& f : card.fields)
        if (f.field == code) return f;
    throw std::runtime_error("no field " + code);
}

}  // namespace

TEST_P(NetworkTest, GrilleOneKeepsEverySignedEntryAndShowsTheLatest) {
    auto a = actors_[0];
    network().write_card(pole_, admin_, a, 2026, "activity_creation",
                         {{"values", "Insertion par l'activité"}, {"territory", "Seignanx"}});
    network().write_card(pole_, member_, a, 2026, "activity_creation",
                         {{"values", "Insertion et utilité sociale"}, {"territory", "Seignanx"}});
    auto card = network().card(pole_, a, 2026, "activity_creation");
    EXPECT_EQ(card.actor_name, "AI Alpha");
    const auto& values = field(card, "values");
    ASSERT_EQ(values.history.size(), 2u);
    EXPECT_EQ(values.history[0].text, "Insertion et utilité sociale");
    EXPECT_EQ(values.history[0].author_name, "Marie Membre");
    EXPECT_EQ(values.history[1].author_name, "Admin seignanx");
    EXPECT_FALSE(values.history[0].created_at.empty());
    // The unchanged territory added nothing to its history.
    EXPECT_EQ(field(card, "territory").history.size(), 1u);
    // The card lists every writable field of the grid, in its order, groups left out.
    EXPECT_EQ(card.fields.size(), 10u);
    EXPECT_EQ(card.fields.front().field, "territory");
    EXPECT_EQ(card.fields.back().field, "means");

    // Another mission is another card; a later year shows the last known text as earlier.
    EXPECT_TRUE(
        field(network().card(pole_, a, 2026, "pathway_security"), "values").history.empty());
    auto next = network().card(pole_, a, 2027, "activity_creation");
    EXPECT_TRUE(field(next, "values").history.empty());
    ASSERT_TRUE(field(next, "values").earlier.has_value());
    EXPECT_EQ(field(next, "values").earlier->text, "Insertion et utilité sociale");
    EXPECT_EQ(field(next, "values").earlier->year, 2026);
}

TEST_P(NetworkTest, GrilleOneRefusesUnknownFieldsMissionsAndForeignActors) {
    auto a = actors_[0];
    expect_invalid(
        [&] {
            network().write_card(pole_, admin_, a, 2026, "activity_creation", {{"power", "x"}});
        },
        "entries[0].field", "unknown field \"power\"");
    expect_invalid(
        [&] {
            network().write_card(pole_, admin_, a, 2026, "tourism", {{"values", "x"}});
        },
        "mission", "unknown mission \"tourism\"");
    expect_invalid(
        [&] {
            network().write_card(pole_, admin_, a, 1789, "activity_creation", {{"values", "x"}});
        },
        "year", "must be a year from 1990");
    auto other = app_->accounts().create_pole("other", "Other", "ptce");
    auto foreign = actor(other.id, "Foreign");
    try {
        network().card(pole_, foreign, 2026, "activity_creation");
        ADD_FAILURE() << "a foreign actor's card was read";
    } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::not_found);
    }
}

TEST_P(NetworkTest, RelationsAreDirectedVersionedAndReplacedInPlace) {
    bool created = false;
    auto ab = network().set_relation(pole_, admin_, relation(0, 1, "alliance"), &created);
    EXPECT_TRUE(created);
    EXPECT_EQ(ab.author_name, "Admin seignanx");
    auto ba = network().set_relation(pole_, member_, relation(1, 0, "opposition"), &created);
    EXPECT_TRUE(created);
    EXPECT_NE(ab.id, ba.id);  // A → B and B → A are two relations
    auto changed = relation(0, 1, "negotiation");
    changed.object = "means";
    changed.note = "  convention en cours  ";
    auto again = network().set_relation(pole_, member_, changed, &created);
    EXPECT_FALSE(created);
    EXPECT_EQ(again.id, ab.id);
    EXPECT_EQ(again.nature, "negotiation");
    EXPECT_EQ(again.note, "convention en cours");
    EXPECT_EQ(again.author_name, "Marie Membre");
    network().remove_relation(pole_, admin_, ab.id);
    auto versions = network().history(pole_, ab.id);
    ASSERT_EQ(versions.size(), 3u);
    EXPECT_EQ(versions[0].action, "delete");
    EXPECT_EQ(versions[1].nature, "negotiation");
    EXPECT_EQ(versions[2].nature, "alliance");
    EXPECT_EQ(versions[2].author_name, "Admin seignanx");
    EXPECT_THROW(network().relation(pole_, ab.id), Error);
    // The same pair in another mission or year is another relation.
    network().set_relation(pole_, admin_, relation(1, 0, "alliance", 2026, "pathway_security"));
    network().set_relation(pole_, admin_, relation(1, 0, "alliance", 2027));
    EXPECT_EQ(network().scope_graph(pole_, {2026, std::nullopt}).relations.size(), 2u);
    EXPECT_EQ(network().scope_graph(pole_, {2026, "activity_creation"}).relations.size(), 1u);
}

TEST_P(NetworkTest, BadRelationsAreRefusedWithAClearMessage) {
    expect_invalid([&] { network().set_relation(pole_, admin_, relation(2, 2, "alliance")); },
                   "to_actor", "a relation needs two different actors");
    expect_invalid([&] { network().set_relation(pole_, admin_, relation(0, 1, "friendship")); },
                   "nature", "unknown nature \"friendship\" (alliance, opposition");
    auto bad_object = relation(0, 1, "alliance");
    bad_object.object = "money";
    expect_invalid([&] { network().set_relation(pole_, admin_, bad_object); }, "object",
                   "unknown object \"money\"");
    auto bad_intensity = relation(0, 1, "alliance");
    bad_intensity.intensity = 7;
    expect_invalid([&] { network().set_relation(pole_, admin_, bad_intensity); }, "intensity",
                   "must be one of 1, 2, 3");
    auto unknown = relation(0, 1, "alliance");
    unknown.to_actor = 999999;
    expect_invalid([&] { network().set_relation(pole_, admin_, unknown); }, "to_actor",
                   "no actor 999999 in this pole");
    // An actor of another pole is refused the same way: its existence is not revealed.
    auto other = app_->accounts().create_pole("other", "Other", "ptce");
    auto foreign = relation(0, 1, "alliance");
    foreign.from_actor = actor(other.id, "Foreign");
    expect_invalid([&] { network().set_relation(pole_, admin_, foreign); }, "from_actor",
                   "in this pole");
}

TEST_P(NetworkTest, APoleExtendsTheNaturesForItselfOnly) {
    NatureInput rivalry;
    rivalry.code = "rivalry";
    rivalry.weight = -0.5;
    rivalry.colour = "#6a1b9a";
    rivalry.line = "dashed";
    rivalry.label = {"Rivalité", "", "Rivalry"};
    rivalry.abbreviation = {"RIV", "", ""};
    auto added = network().add_nature(pole_, admin_, rivalry);
    EXPECT_EQ(added.label.it, "Rivalité");  // Italian falls back to French
    auto r = network().set_relation(pole_, admin_, relation(0, 1, "rivalry", 2026));
    EXPECT_EQ(r.nature, "rivalry");
    EXPECT_EQ(network().natures(pole_).back().code, "rivalry");
    // Its weight is the pole's: the pair weighs −0.5 × intensity 2.
    NoProgress quiet;
    auto a = network().analyse(pole_, {2026, std::nullopt}, {}, quiet);
    ASSERT_EQ(a.result.projection.pairs.size(), 1u);
    EXPECT_DOUBLE_EQ(a.result.projection.pairs[0].weight, -1.0);
    // Another pole does not know it.
    auto other = app_->accounts().create_pole("other", "Other", "ptce");
    auto x = actor(other.id, "X"), y = actor(other.id, "Y");
    expect_invalid(
        [&] {
            network().set_relation(other.id, std::nullopt,
                                   {2026, "activity_creation", x, y, "rivalry", {}, 1, {}});
        },
        "nature", "unknown nature \"rivalry\"");
    // A code taken, shipped or the pole's own, is a conflict.
    for (const char* code : {"rivalry", "alliance"}) {
        rivalry.code = code;
        try {
            network().add_nature(pole_, admin_, rivalry);
            ADD_FAILURE() << code << " added twice";
        } catch (const Error& e) {
            EXPECT_EQ(e.code(), ErrorCode::conflict) << e.what();
        }
    }
    rivalry.code = "ok_code";
    rivalry.weight = 3;
    expect_invalid([&] { network().add_nature(pole_, admin_, rivalry); }, "weight", "from -1");
}

TEST_P(NetworkTest, DerivedRelationsComeFromTheSourcesAndNeverOverwriteDeclaredOnes) {
    auto a = actors_[0], b = actors_[1], c = actors_[2], d = actors_[3];
    auto other = app_->accounts().create_pole("other", "Other", "ptce");
    auto outsider = actor(other.id, "Outsider");
    int calls = 0;
    network().add_evidence_source("sharedjobs", [&](std::int64_t pole, int year) {
        ++calls;
        EXPECT_EQ(pole, pole_);
        EXPECT_EQ(year, 2026);
        std::vector<RelationEvidence> e = {
            {a, b, "shared_employee", "", "", "12 h/semaine", "2026-02-01"},
            {c, d, "co_contracting", "", "", "marché de la Mairie", ""},
            {a, outsider, "shared_employee", "", "", "hors pôle", ""},  // not in the pole
            {a, a, "shared_employee", "", "", "self", ""},
            {b, c, "shared_employee", "friendship", "", "unknown nature", ""}};
        if (calls > 1) e.resize(1);
        return e;
    });
    network().add_evidence_source("pathways", [&](std::int64_t, int) {
        return std::vector<RelationEvidence>{{b, a, "mentoring", "", "", "tutorat", ""}};
    });
    network().set_relation(pole_, admin_, relation(0, 1, "opposition"));  // A → B declared

    auto summary = network().refresh_derived(pole_, admin_, 2026);
    EXPECT_EQ(summary.derived, 3);
    EXPECT_EQ(summary.ignored, 3);
    auto scope = network().scope_graph(pole_, {2026, "activity_creation"});
    auto find = [&](std::int64_t from, std::int64_t to) -> const ScopeRelation* {
        for (const auto& r : scope.relations)
            if (r.from == from && r.to == to) return &r;
        return nullptr;
    };
    // A → B stays the declared opposition, with the evidence beside it.
    ASSERT_NE(find(a, b), nullptr);
    EXPECT_FALSE(find(a, b)->derived());
    EXPECT_EQ(find(a, b)->nature, "opposition");
    EXPECT_EQ(find(a, b)->evidence.size(), 2u);
    // B → A is derived from two kinds of evidence: intensity 2, and the object "global" since
    // a shared employee is about means and mentoring about practices.
    ASSERT_NE(find(b, a), nullptr);
    EXPECT_TRUE(find(b, a)->derived());
    EXPECT_EQ(find(b, a)->nature, "interdependence");
    EXPECT_EQ(find(b, a)->intensity, 2);
    EXPECT_EQ(find(b, a)->object, "global");
    // Co-contracting holds both ways, from the data's defaults.
    ASSERT_NE(find(c, d), nullptr);
    ASSERT_NE(find(d, c), nullptr);
    EXPECT_EQ(find(d, c)->nature, "alliance");
    EXPECT_EQ(find(d, c)->object, "practices");
    EXPECT_EQ(find(d, c)->evidence[0].detail, "marché de la Mairie");
    EXPECT_EQ(find(a, outsider), nullptr);

    // Recomputed, not accumulated: the second run sees only the first fact and mentoring.
    summary = network().refresh_derived(pole_, admin_, 2026);
    EXPECT_EQ(summary.derived, 2);
    scope = network().scope_graph(pole_, {2026, std::nullopt});
    EXPECT_EQ(find(c, d), nullptr);
    EXPECT_EQ(network().relation(pole_, find(a, b)->declared->id).nature, "opposition");
}

TEST_P(NetworkTest, ActorsOfTheSameOtherPoleAreLinkedByCoMembership) {
    auto network_pole = app_->accounts().create_pole("reseau", "Réseau des PTCE", "ptce");
    auto with_siret = [&](const char* name, const char* kind, const char* siret) {
        actors::ActorInput input;
        input.name = name;
        input.kind = kind;
        input.siret = siret;
        return app_->actors().create(pole_, std::nullopt, input).id;
    };
    auto geiq = with_siret("GEIQ BTP", "geiq", "73282932000074");
    auto scop = with_siret("Scop Menuiserie", "scop", "55210055400013");
    // Importing the same SIRETs into the network pole links the existing actors to it; the
    // third line is an actor of the network pole only.
    std::string csv =
        "name,kind,siret\nGEIQ BTP,geiq,73282932000074\nScop Menuiserie,scop,55210055400013\n"
        "Ailleurs,scop,44306184100047\n";
    auto reader =
        io::open_csv_stream(std::make_unique<std::istringstream>(csv), "x.csv", csv.size());
    NoProgress quiet;
    EXPECT_EQ(app_->actors().import_table(network_pole.id, std::nullopt, *reader, quiet).linked, 2);
    auto summary = network().refresh_derived(pole_, admin_, 2026);
    EXPECT_EQ(summary.derived, 1);
    auto scope = network().scope_graph(pole_, {2026, std::nullopt});
    ASSERT_EQ(scope.relations.size(), 2u);  // the fact holds both ways
    EXPECT_EQ(scope.relations[0].evidence[0].kind, "same_pole");
    EXPECT_EQ(scope.relations[0].evidence[0].source, "actors");
    EXPECT_EQ(scope.relations[0].evidence[0].detail, "Réseau des PTCE");
    EXPECT_EQ(scope.relations[0].nature, "interdependence");
    std::set<std::int64_t> ends = {scope.relations[0].from, scope.relations[0].to};
    EXPECT_EQ(ends, (std::set<std::int64_t>{geiq, scop}));
    EXPECT_EQ(scope.actors.size(), 2u);
}

TEST_P(NetworkTest, AnalysisOfThePoleIsThePureAnalysisOfItsScope) {
    network().set_relation(pole_, admin_, relation(0, 1, "alliance"));
    network().set_relation(pole_, admin_, relation(1, 2, "alliance"));
    network().set_relation(pole_, admin_, relation(0, 3, "opposition"));
    network().set_relation(pole_, admin_, relation(2, 3, "opposition"));
    network().write_card(pole_, admin_, actors_[4], 2026, "activity_creation", {{"values", "x"}});
    NoProgress quiet;
    auto a = network().analyse(pole_, {2026, std::nullopt}, {actors_[0]}, quiet);
    // E takes part through its card, without relations.
    ASSERT_EQ(a.scope.actors.size(), 5u);
    EXPECT_EQ(a.result.components, 2u);
    // The same graph, built by hand from keys, gives the same metrics.
    GraphInput by_hand;
    for (const auto& x : a.scope.actors)
        by_hand.nodes.push_back({std::to_string(x.id), x.name, {}});
    by_hand.natures = {{"alliance", 1}, {"opposition", -1}};
    auto key = [&](int i) { return std::to_string(actors_[std::size_t(i)]); };
    for (auto [f, t, n] : {std::tuple{0, 1, "alliance"},
                           {1, 2, "alliance"},
                           {0, 3, "opposition"},
                           {2, 3, "opposition"}})
        by_hand.edges.push_back({key(f), key(t), n, "", "activity_creation", 2, false});
    auto expected = network::analyse(build_graph_or_throw(by_hand), AnalysisSettings{}, {}, quiet);
    for (std::size_t i = 0; i < a.result.actors.size(); ++i) {
        EXPECT_DOUBLE_EQ(a.result.actors[i].betweenness, expected.actors[i].betweenness);
        EXPECT_DOUBLE_EQ(a.result.actors[i].strength, expected.actors[i].strength);
    }
    // A's ally B is allied with C, which A is not related to: C is suggested.
    ASSERT_EQ(a.result.suggestions.size(), 1u);
    ASSERT_EQ(a.result.suggestions[0].allies_of_allies.size(), 1u);
    EXPECT_EQ(a.graph.nodes[std::size_t(a.result.suggestions[0].allies_of_allies[0].actor)].key,
              key(2));
    expect_invalid(
        [&] {
            network().analyse(pole_, {2026, std::nullopt}, {999999}, quiet);
        },
        "focus", "takes no part");
}

TEST_P(NetworkTest, YearsCompareRelationByRelation) {
    network().set_relation(pole_, admin_, relation(0, 1, "alliance", 2025));
    network().set_relation(pole_, admin_, relation(1, 2, "alliance", 2025));
    network().set_relation(pole_, admin_, relation(2, 3, "neutrality", 2025));
    EXPECT_EQ(network().copy_year(pole_, admin_, 2025, 2026), 3);
    EXPECT_EQ(network().copy_year(pole_, admin_, 2025, 2026), 0);  // never over the new year
    network().set_relation(pole_, admin_, relation(1, 2, "opposition", 2026));
    auto cd = network().scope_graph(pole_, {2026, std::nullopt}).relations;
    for (const auto& r : cd)
        if (r.from == actors_[2]) network().remove_relation(pole_, admin_, r.declared->id);
    network().set_relation(pole_, admin_, relation(3, 4, "alliance", 2026));
    auto c = network().compare(pole_, 2025, 2026, std::nullopt);
    EXPECT_EQ(c.relations.unchanged, 1u);
    ASSERT_EQ(c.relations.changed.size(), 1u);
    EXPECT_EQ(c.relations.changed[0].fields, std::vector<std::string>{"nature"});
    ASSERT_EQ(c.relations.lost.size(), 1u);
    EXPECT_EQ(c.relations.lost[0].nature, "neutrality");
    ASSERT_EQ(c.relations.added.size(), 1u);
    EXPECT_EQ(c.relations.added[0].to, std::to_string(actors_[4]));
    EXPECT_EQ(c.before.relations, 3u);
    EXPECT_EQ(c.after.relations, 3u);
    EXPECT_EQ(c.names.size(), 5u);
    EXPECT_TRUE(c.communities_nmi.has_value());
    EXPECT_EQ(network().years(pole_), (std::vector<int>{2026, 2025}));
}

INSTANTIATE_TEST_SUITE_P(Backends, NetworkTest, ::testing::ValuesIn(store::testdb::backends()));
