// graph.json reading (every problem with its line) and the exports, read back with
// independent parsers: expat and igraph's GraphML reader for the XML, src/io's XLSX reader.
#include <expat.h>
#include <gtest/gtest.h>
#include <igraph.h>

#include <cstdio>
#include <map>

#include "core/error.hpp"
#include "io/table_reader.hpp"
#include "network/graph_export.hpp"
#include "network/graph_file.hpp"
#include "network/matrix_xlsx.hpp"
#include "test_graphs.hpp"

using namespace maillage;
using namespace maillage::network;
using namespace maillage::network::testing;

namespace {

const char* kBadFile = R"({
  "nodes": [
    {"id": "alpha", "label": "AI Alpha"},
    {"id": "mairie", "label": "Mairie St Machin"},
    {"id": 7, "label": "Conseil général", "attributes": {"level": "departmental"}}
  ],
  "edges": [
    {"from": "alpha", "to": "mairie", "nature": "alliance", "object": "values"},
    {"from": "alpha", "to": "nobody", "nature": "alliance"},
    {"from": "mairie", "to": 7, "nature": "friendship"},
    {"from": 7, "to": 7, "nature": "opposition"},
    {"from": "mairie", "to": "alpha", "nature": "opposition", "intensity": "high"}
  ]
})";

struct XmlCounts {
    std::map<std::string, int> elements;
    std::vector<std::map<std::string, std::string>> attributes_of;  // of each element, in order
    std::vector<std::string> names;
    std::string text;
};

XmlCounts parse_xml(const std::string& document) {
    XmlCounts counts;
    XML_Parser parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(parser, &counts);
    XML_SetElementHandler(
        parser,
        [](void* data, const XML_Char* name, const XML_Char** attributes) {
            auto* c = static_cast<XmlCounts*>(data);
            ++c->elements[name];
            c->names.push_back(name);
            std::map<std::string, std::string> a;
            for (int i = 0; attributes[i]; i += 2) a[attributes[i]] = attributes[i + 1];
            c->attributes_of.push_back(std::move(a));
        },
        [](void*, const XML_Char*) {});
    XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* s, int length) {
        static_cast<XmlCounts*>(data)->text.append(s, std::size_t(length));
    });
    bool ok = XML_Parse(parser, document.data(), int(document.size()), 1) == XML_STATUS_OK;
    EXPECT_TRUE(ok) << XML_ErrorString(XML_GetErrorCode(parser)) << " at line "
                    << XML_GetCurrentLineNumber(parser);
    XML_ParserFree(parser);
    return counts;
}

// Two actors whose names need escaping, an opposition and a derived interdependence.
Graph sample_graph() {
    GraphInput input;
    input.natures = {{"alliance", 1}, {"opposition", -1}, {"interdependence", 0.5}};
    input.nodes = {{"1", "Café & Co <SCIC>", {{"kind", "scic"}}},
                   {"2", "Mairie \"d'Ondres\"", {{"kind", "municipality"}}},
                   {"3", "GEIQ", {}}};
    input.edges = {{"1", "2", "opposition", "values", "", 2, false},
                   {"2", "1", "alliance", "means", "", 1, false},
                   {"3", "1", "interdependence", "means", "", 1, true}};
    return build_graph_or_throw(input);
}

ExportStyle sample_style() {
    return {{{"alliance", "#18753c"}, {"opposition", "#ce0500"}, {"interdependence", "#0063cb"}},
            {{"opposition", "Opposition"}},
            "Pôle test, 2026"};
}

}  // namespace

TEST(GraphFile, ReportsEveryProblemWithItsLineAndPath) {
    try {
        read_graph_json(kBadFile, "graph.json", signed_natures());
        FAIL() << "bad file accepted";
    } catch (const ImportRejected& e) {
        EXPECT_EQ(e.file(), "graph.json");
        const auto& p = e.problems();
        ASSERT_EQ(p.size(), 4u);
        EXPECT_EQ(p[0].line, 9);
        EXPECT_EQ(p[0].field, "edges[1].to");
        EXPECT_EQ(p[0].reason, "unknown actor \"nobody\"");
        EXPECT_EQ(p[1].line, 10);
        EXPECT_EQ(p[1].field, "edges[2].nature");
        EXPECT_EQ(p[1].reason, "unknown nature \"friendship\"");
        EXPECT_EQ(p[2].line, 11);
        EXPECT_EQ(p[2].field, "edges[3].to");
        EXPECT_EQ(p[2].reason, "a relation needs two different actors (\"7\" twice)");
        EXPECT_EQ(p[3].line, 12);
        EXPECT_EQ(p[3].field, "edges[4].intensity");
        EXPECT_EQ(p[3].reason, "must be a number");
        EXPECT_NE(std::string(e.what()).find("4 problem(s)"), std::string::npos);
    } catch (const std::exception& e) {
        FAIL() << e.what();
    }
}

TEST(GraphFile, AFileWithoutProblemsBecomesTheGraph) {
    std::string file = kBadFile;
    for (auto [bad, good] : {std::pair<std::string, std::string>{"\"nobody\"", "7"},
                             {"friendship", "alliance"},
                             {"{\"from\": 7, \"to\": 7", "{\"from\": 7, \"to\": \"alpha\""},
                             {"\"high\"", "2"}})
        file.replace(file.find(bad), bad.size(), good);
    Graph g = read_graph_json(file, "graph.json", signed_natures());
    EXPECT_EQ(g.nodes.size(), 3u);
    ASSERT_EQ(g.edges.size(), 5u);
    EXPECT_EQ(g.nodes[2].key, "7");
    EXPECT_EQ(g.nodes[2].attributes.at(0).second, "departmental");
    EXPECT_DOUBLE_EQ(g.edges[4].weight, -2);
}

TEST(GraphFile, ReadsAGoodFileAndItsOwnNatures) {
    std::string file =
        R"({"natures": [{"code": "rivalry", "weight": -0.5}, {"code": "alliance", "weight": 2}],
      "nodes": [{"id": "a"}, {"id": "b", "label": "B"}],
      "edges": [{"from": "a", "to": "b", "nature": "rivalry", "intensity": 2, "mission": "m"},
                {"from": "b", "to": "a", "nature": "alliance", "derived": true}]})";
    Graph g = read_graph_json(file, "g.json", signed_natures());
    ASSERT_EQ(g.edges.size(), 2u);
    EXPECT_DOUBLE_EQ(g.edges[0].weight, -1.0);
    EXPECT_DOUBLE_EQ(g.edges[1].weight, 2.0);
    EXPECT_TRUE(g.edges[1].derived);
    EXPECT_EQ(g.nodes[0].label, "a");
    EXPECT_EQ(g.missions[g.edges[0].mission], "m");
}

TEST(GraphFile, MalformedJsonAndWrongShapeAreNamed) {
    try {
        read_graph_json("{\"nodes\": [}", "broken.json", {});
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("broken.json: malformed JSON at byte"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_THROW(read_graph_json("{\"nodes\": []}", "half.json", {}), Error);
}

TEST(GraphFile, ElementLinesOfACompactAndAPrettyFile) {
    auto compact = element_lines(R"({"edges":[{"a":"[,]"},{}],"nodes":[1,2,3]})");
    EXPECT_EQ(compact.edges, (std::vector<std::int64_t>{1, 1}));
    EXPECT_EQ(compact.nodes.size(), 3u);
    auto pretty = element_lines("{\n \"nodes\": [\n  {\"x\": \"a\\\"]\"},\n\n  {}\n ]\n}");
    EXPECT_EQ(pretty.nodes, (std::vector<std::int64_t>{3, 5}));
}

TEST(Exports, GraphMLParsesBackWithExpatAndIgraph) {
    Graph g = sample_graph();
    std::string xml = to_graphml(g, nullptr, sample_style());
    auto counts = parse_xml(xml);
    EXPECT_EQ(counts.elements["node"], 3);
    EXPECT_EQ(counts.elements["edge"], 3);
    EXPECT_NE(counts.text.find("Café & Co <SCIC>"), std::string::npos);
    EXPECT_NE(counts.text.find("Mairie \"d'Ondres\""), std::string::npos);
    EXPECT_NE(counts.text.find("#ce0500"), std::string::npos);

    // igraph's GraphML reader (libxml2) sees the same graph and attributes.
    std::FILE* file = fmemopen(xml.data(), xml.size(), "r");
    ASSERT_NE(file, nullptr);
    igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_t read;
    ASSERT_EQ(igraph_read_graph_graphml(&read, file, 0), IGRAPH_SUCCESS);
    std::fclose(file);
    EXPECT_EQ(igraph_vcount(&read), 3);
    EXPECT_EQ(igraph_ecount(&read), 3);
    EXPECT_TRUE(igraph_is_directed(&read));
    EXPECT_STREQ(VAS(&read, "label", 0), "Café & Co <SCIC>");
    EXPECT_STREQ(EAS(&read, "nature", 0), "opposition");
    EXPECT_DOUBLE_EQ(EAN(&read, "weight", 0), -2.0);
    EXPECT_TRUE(EAB(&read, "derived", 2));
    igraph_destroy(&read);
    igraph_set_attribute_table(nullptr);
}

TEST(Exports, GexfHasNodesEdgesAndNatureColours) {
    Graph g = sample_graph();
    auto counts = parse_xml(to_gexf(g, nullptr, sample_style()));
    EXPECT_EQ(counts.elements["node"], 3);
    EXPECT_EQ(counts.elements["edge"], 3);
    EXPECT_EQ(counts.elements["viz:color"], 3);
    for (std::size_t i = 0; i < counts.names.size(); ++i) {
        if (counts.names[i] == "edge" && counts.attributes_of[i]["id"] == "r0") {
            EXPECT_EQ(counts.attributes_of[i]["label"], "Opposition");
            EXPECT_EQ(counts.attributes_of[i]["weight"], "2");
        }
        if (counts.names[i] == "viz:color") {
            // The first colour is the opposition's #ce0500.
            EXPECT_EQ(counts.attributes_of[i]["r"], "206");
            EXPECT_EQ(counts.attributes_of[i]["g"], "5");
            EXPECT_EQ(counts.attributes_of[i]["b"], "0");
            break;
        }
    }
}

TEST(Exports, MatrixXlsxReadsBackAsTheGrid) {
    Graph g = sample_graph();
    MatrixLabels labels;
    labels.natures = {{"alliance", {"Alliance", "ALL", "#18753c", 1}},
                      {"opposition", {"Opposition", "OPP", "#ce0500", -1}},
                      {"interdependence", {"Interdépendance", "INT", "#0063cb", 0.5}}};
    labels.objects = {{"values", "Valeurs"}, {"means", "Moyens"}};
    labels.intensities = {{"1", "faible"}, {"2", "moyenne"}};
    auto reader = io::open_xlsx_bytes(matrix_xlsx(g, labels), "grille.xlsx");
    // io's reader lower-cases the header.
    EXPECT_EQ(reader->header(), (std::vector<std::string>{"acteurs → / ↓", "café & co <scic>",
                                                          "mairie \"d'ondres\"", "geiq"}));
    io::TableRow row;
    std::vector<std::vector<std::string>> rows;
    while (reader->next(row)) rows.push_back(row.cells);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0],
              (std::vector<std::string>{"Café & Co <SCIC>", "", "OPP · Valeurs · moyenne", ""}));
    EXPECT_EQ(rows[1][1], "ALL · Moyens · faible");
    EXPECT_EQ(rows[2][1], "INT · Moyens · faible [dérivée]");
    EXPECT_EQ(rows[2][2], "");
}
