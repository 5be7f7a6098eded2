#include "network/analysis_json.hpp"

#include <charconv>

#include "io/table_writer.hpp"

namespace maillage::network {
namespace {

const std::string& key_of(const Graph& g, std::int32_t node) {
    return g.nodes[std::size_t(node)].key;
}

Json keys_of(const Graph& g, const std::vector<std::int32_t>& nodes) {
    Json list = Json::array();
    for (auto x : nodes) list.push_back(key_of(g, x));
    return list;
}

Json actor_json(const Graph& g, const AnalysisResult& r, std::size_t x) {
    const auto& m = r.actors[x];
    return {{"id", g.nodes[x].key},
            {"label", g.nodes[x].label},
            {"degree", m.degree},
            {"in_degree", m.in_degree},
            {"out_degree", m.out_degree},
            {"strength", m.strength},
            {"positive_strength", m.positive_strength},
            {"negative_strength", m.negative_strength},
            {"betweenness", m.betweenness},
            {"closeness", m.closeness ? Json(*m.closeness) : Json(nullptr)},
            {"eigenvector", m.eigenvector},
            {"pagerank", m.pagerank},
            {"community", m.community},
            {"side", r.sides.empty() ? 0 : int(r.sides[x])},
            {"balanced_triangles", m.balanced_triangles},
            {"unbalanced_triangles", m.unbalanced_triangles}};
}

Json communities_json(const Graph& g, const AnalysisResult& r) {
    Json items = Json::array();
    for (const auto& c : r.communities)
        items.push_back({{"id", c.id},
                         {"size", c.members.size()},
                         {"members", keys_of(g, c.members)},
                         {"positive_weight", c.positive_weight},
                         {"negative_weight", c.negative_weight}});
    return {{"method", "leiden_cpm_signed"},
            {"resolution", r.resolution},
            {"count", r.communities.size()},
            {"quality", r.community_quality},
            {"disagreements", r.community_disagreements},
            {"items", items}};
}

Json balance_json(const Graph& g, const AnalysisResult& r) {
    const auto& t = r.triangles;
    Json frustrated = Json::array();
    for (const auto& f : r.frustrated) {
        const auto& pair = r.projection.pairs[std::size_t(f.pair)];
        frustrated.push_back({{"a", key_of(g, pair.u)},
                              {"b", key_of(g, pair.v)},
                              {"weight", pair.weight},
                              {"unbalanced_triangles", f.unbalanced_triangles}});
    }
    return {{"triangles", t.triangles},
            {"balanced", t.balanced()},
            {"balanced_share", t.balanced_share()},
            {"by_negative_sides",
             {{"0", t.by_negatives[0]},
              {"1", t.by_negatives[1]},
              {"2", t.by_negatives[2]},
              {"3", t.by_negatives[3]}}},
            {"frustration", r.frustration},
            {"frustration_weight", r.frustration_weight},
            {"frustrated_relations", frustrated}};
}

Json suggestions_json(const Graph& g, const AnalysisResult& r) {
    Json all = Json::array();
    for (const auto& s : r.suggestions) {
        Json allies = Json::array(), opponents = Json::array();
        for (const auto& a : s.allies_of_allies)
            allies.push_back({{"id", key_of(g, a.actor)},
                              {"through", keys_of(g, a.through)},
                              {"score", a.score}});
        for (const auto& o : s.opponents_of_allies)
            opponents.push_back({{"id", key_of(g, o.actor)},
                                 {"opposes", keys_of(g, o.opposes)},
                                 {"share", o.share}});
        all.push_back({{"focus", key_of(g, s.focus)},
                       {"allies_of_allies", allies},
                       {"opponents_of_allies", opponents}});
    }
    return all;
}

}  // namespace

std::string number_text(double value) {
    char buffer[32];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::string("nan");
}

Json analysis_to_json(const Graph& g, const AnalysisResult& r) {
    Json actors = Json::array();
    for (std::size_t x = 0; x < r.actors.size(); ++x) actors.push_back(actor_json(g, r, x));
    Json summary = {{"actors", r.actors.size()},
                    {"relations", r.relations},
                    {"pairs", r.projection.pairs.size()},
                    {"positive_pairs", r.positive_pairs},
                    {"negative_pairs", r.negative_pairs},
                    {"neutral_pairs", r.neutral_pairs},
                    {"components", r.components},
                    {"betweenness",
                     {{"method", r.betweenness_exact ? "exact" : "sampled"},
                      {"sources", r.betweenness_sources}}}};
    return {{"summary", summary},
            {"actors", actors},
            {"communities", communities_json(g, r)},
            {"balance", balance_json(g, r)},
            {"suggestions", suggestions_json(g, r)}};
}

void write_metrics_csv(const Graph& g, const AnalysisResult& r, std::ostream& out) {
    auto writer = io::make_csv_writer(out);
    writer->write_header({"id", "label", "degree", "in_degree", "out_degree", "strength",
                          "positive_strength", "negative_strength", "betweenness", "closeness",
                          "eigenvector", "pagerank", "community", "side", "balanced_triangles",
                          "unbalanced_triangles"});
    for (std::size_t x = 0; x < r.actors.size(); ++x) {
        const auto& m = r.actors[x];
        writer->write_row(
            {g.nodes[x].key, g.nodes[x].label, std::to_string(m.degree),
             std::to_string(m.in_degree), std::to_string(m.out_degree), number_text(m.strength),
             number_text(m.positive_strength), number_text(m.negative_strength),
             number_text(m.betweenness), m.closeness ? number_text(*m.closeness) : "",
             number_text(m.eigenvector), number_text(m.pagerank), std::to_string(m.community),
             std::to_string(r.sides.empty() ? 0 : int(r.sides[x])),
             std::to_string(m.balanced_triangles), std::to_string(m.unbalanced_triangles)});
    }
    writer->finish();
}

}  // namespace maillage::network
