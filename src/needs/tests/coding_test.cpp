#include <gtest/gtest.h>

#include "core/error.hpp"
#include "needs/coder.hpp"
#include "needs/record_input.hpp"
#include "test_data.hpp"

using namespace maillage;
using namespace maillage::needs;
using test_support::small_territory;
using test_support::taxonomy;

namespace {

RecordInput record(std::string need, std::string proposal = "", std::string language = "fr") {
    RecordInput r;
    r.record_id = "R1";
    if (!need.empty()) r.need_text = need;
    if (!proposal.empty()) r.proposal_text = proposal;
    r.language = language;
    return r;
}

std::vector<std::string> need_codes_of(const std::vector<CodeHit>& hits) {
    std::vector<std::string> out;
    for (const auto& h : hits)
        if (h.kind == CodeKind::need) out.push_back(h.code);
    std::sort(out.begin(), out.end());
    return out;
}

const CodeHit* find(const std::vector<CodeHit>& hits, CodeKind kind, const std::string& code) {
    for (const auto& h : hits)
        if (h.kind == kind && h.code == code) return &h;
    return nullptr;
}

std::size_t fr() {
    return taxonomy().languages().index_of("fr");
}
std::size_t it() {
    return taxonomy().languages().index_of("it");
}

}  // namespace

TEST(Taxonomy, LoadsTheShippedFilesWithEveryCategoryAndIndicator) {
    const auto& t = taxonomy();
    EXPECT_EQ(t.categories().size(), 19u);
    ASSERT_NE(t.category("food_shop"), nullptr);
    EXPECT_EQ(t.category("food_shop")->sections, std::vector<std::string>{"G"});
    EXPECT_EQ(t.dimensions().size(), 4u);
    for (const char* d : {"economic", "demographic", "environmental", "occupational"}) {
        int count = 0;
        for (const auto& i : t.indicators()) count += i.dimension == d;
        EXPECT_GE(count, 3) << d;
    }
    EXPECT_EQ(t.default_settings().min_cell_size, 5);
    EXPECT_FALSE(t.call_template().text("it", "title").empty());
    EXPECT_EQ(t.call_template().text("xx", "title"), t.call_template().text("fr", "title"));
    // Every category of the enumeration has at least one rule in each language.
    for (const auto& c : t.categories())
        for (const char* lang : {"fr", "it"}) {
            bool found = false;
            for (const auto& r : t.rules().rules())
                found = found || (r.code == c.code && r.language == lang);
            EXPECT_TRUE(found) << c.code << " " << lang;
        }
}

TEST(Coder, CodesFrenchTextsAndShowsTheWordsAsWritten) {
    Coder coder(taxonomy());
    auto hits = coder.rule_hits(fr(), record("Plus d'Épiceries ni de bus depuis 2019",
                                             "Créer une épicerie coopérative avec dépôt de pain"));
    EXPECT_EQ(need_codes_of(hits),
              (std::vector<std::string>{"food_shop", "mobility", "proximity_services"}));
    const auto* shop = find(hits, CodeKind::need, "food_shop");
    ASSERT_NE(shop, nullptr);
    EXPECT_EQ(shop->matched, (std::vector<std::string>{"Épiceries", "épicerie"}));
    const auto* bread = find(hits, CodeKind::need, "proximity_services");
    ASSERT_NE(bread, nullptr);
    EXPECT_EQ(bread->matched, std::vector<std::string>{"dépôt de pain"});
    EXPECT_NE(find(hits, CodeKind::sector, "G"), nullptr);  // épicerie → trade
}

TEST(Coder, MultiWordPatternsNeedTheirWordsInOrder) {
    Coder coder(taxonomy());
    auto in_order = coder.rule_hits(fr(), record("il faudrait du transport à la demande"));
    EXPECT_NE(find(in_order, CodeKind::sector, "H"), nullptr);
    const auto* mobility = find(in_order, CodeKind::need, "mobility");
    ASSERT_NE(mobility, nullptr);
    EXPECT_NE(
        std::find(mobility->matched.begin(), mobility->matched.end(), "transport à la demande"),
        mobility->matched.end());
    // "garde d'enfants" matches; "enfants" then "garde" does not.
    EXPECT_NE(find(coder.rule_hits(fr(), record("pas de garde d’enfants le soir")), CodeKind::need,
                   "childcare"),
              nullptr);
    EXPECT_EQ(find(coder.rule_hits(fr(), record("les enfants gardent le chien")), CodeKind::need,
                   "childcare"),
              nullptr);
}

TEST(Coder, CodesItalianTextsWithTheItalianStemmer) {
    Coder coder(taxonomy());
    auto hits = coder.rule_hits(it(), record("Non c'è più il negozio di alimentari, gli anziani "
                                             "sono soli",
                                             "Aprire un emporio di comunità con consegne", "it"));
    auto codes = need_codes_of(hits);
    EXPECT_NE(std::find(codes.begin(), codes.end(), "food_shop"), codes.end());
    EXPECT_NE(std::find(codes.begin(), codes.end(), "elderly_care"), codes.end());
    EXPECT_NE(std::find(codes.begin(), codes.end(), "proximity_services"), codes.end());
    // The French rules do not apply to an Italian text.
    EXPECT_EQ(need_codes_of(coder.rule_hits(it(), record("épicerie", "", "it"))).size(), 0u);
}

TEST(MergeCodes, CorrectionsWinOverRulesAndDeclaredCodes) {
    Coder coder(taxonomy());
    auto input = record("Il n'y a plus de médecin ni d'épicerie");
    input.need_codes = {"housing"};
    input.sectors = {"56.10A"};  // not in the small territory's NAF: ignored by merge
    input.sectors = {"Q"};
    auto hits = coder.rule_hits(fr(), input);
    std::vector<Correction> corrections = {{CodeKind::need, "health", "remove"},
                                           {CodeKind::need, "culture", "add"}};
    auto codes = merge_codes(hits, input, corrections, small_territory());
    auto effective = [&](CodeKind kind, const std::string& code) {
        for (const auto& c : codes)
            if (c.kind == kind && c.code == code) return c.effective();
        return false;
    };
    EXPECT_TRUE(effective(CodeKind::need, "food_shop"));  // rule
    EXPECT_FALSE(effective(CodeKind::need, "health"));    // rule, removed by a counsellor
    EXPECT_TRUE(effective(CodeKind::need, "culture"));    // added by a counsellor
    EXPECT_TRUE(effective(CodeKind::need, "housing"));    // declared at the interview
    EXPECT_TRUE(effective(CodeKind::sector, "Q"));        // declared sector
    EXPECT_FALSE(effective(CodeKind::need, "mobility"));  // nothing says so
    for (const auto& c : codes)
        if (c.code == "health") {
            EXPECT_EQ(c.matched, std::vector<std::string>{"médecin"});  // still shown
        }
    EXPECT_TRUE(has_need_category(codes));
}

TEST(RecordInput, NormalisesLabelsDatesAndListsThenReportsEachProblem) {
    RecordInput r;
    r.record_id = " CPI-0001 ";
    r.date = "15/03/2024";
    r.coop_interest = "Sì";
    r.age_band = "50 à 64 ans";
    r.situations = {"RSA", "rsa", " Parent isolé "};
    r.sectors = {"4399c"};
    r.need_text = "  Une épicerie  ";
    normalise(r, taxonomy());
    EXPECT_EQ(r.record_id, "CPI-0001");
    EXPECT_EQ(*r.date, "2024-03-15");
    EXPECT_EQ(*r.coop_interest, "yes");
    EXPECT_EQ(*r.age_band, "50_64");
    EXPECT_EQ(r.situations, (std::vector<std::string>{"rsa", "single_parent"}));
    EXPECT_EQ(r.sectors, std::vector<std::string>{"43.99C"});
    EXPECT_EQ(*r.need_text, "Une épicerie");
    EXPECT_TRUE(check_record(r, taxonomy(), small_territory()).empty());

    RecordInput day_number;
    day_number.date = "45366";  // a spreadsheet's date
    normalise(day_number, taxonomy());
    EXPECT_EQ(*day_number.date, "2024-03-15");

    RecordInput bad;
    bad.record_id = "has space";
    bad.date = "2024-02-30";
    bad.commune = "99999";
    bad.person_key = "jean.dupont@example.org";
    bad.age_band = "old";
    bad.situations = {"astronaut"};
    bad.language = "de";
    normalise(bad, taxonomy());
    std::vector<std::string> fields;
    for (const auto& p : check_record(bad, taxonomy(), small_territory()))
        fields.push_back(p.field);
    EXPECT_EQ(fields,
              (std::vector<std::string>{"record_id", "need_text", "date", "commune_code",
                                        "person_key", "age_band", "situation", "language"}));
    bad.person_key = "06 12 34 56 78";
    bool phone_refused = false;
    for (const auto& p : check_record(bad, taxonomy(), small_territory()))
        phone_refused = phone_refused || p.field == "person_key";
    EXPECT_TRUE(phone_refused);
}

TEST(RecordInput, LanguageFollowsTheCommuneUnlessGiven) {
    RecordInput r;
    r.commune = "092009";  // Cagliari
    EXPECT_EQ(resolve_language(r, taxonomy(), small_territory()), "it");
    r.commune = "40312";
    EXPECT_EQ(resolve_language(r, taxonomy(), small_territory()), "fr");
    r.language = "it";
    EXPECT_EQ(resolve_language(r, taxonomy(), small_territory()), "it");
}
