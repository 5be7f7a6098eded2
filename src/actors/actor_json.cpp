#include "actors/actor_json.hpp"

#include <cmath>
#include <set>

#include "core/json_writer.hpp"

namespace maillage::actors {
namespace {

template <class T>
Json optional_json(const std::optional<T>& value) {
    return value ? Json(*value) : Json(nullptr);
}

double rounded_distance(double km) {
    return std::round(km * 100.0) / 100.0;
}

// The fields of to_json(Actor), in the sorted order of nlohmann's objects.
void write_actor(JsonWriter& w, const Actor& a) {
    w.begin_object()
        .field("address", a.address)
        .field("commune", a.commune)
        .field("commune_name", a.commune_name)
        .field("created_at", a.created_at)
        .field("description", a.description);
    if (a.distance_km) w.field("distance_km", rounded_distance(*a.distance_km));
    w.field("email", a.email)
        .field("family", a.family)
        .field("fte", a.fte)
        .field("headcount", a.headcount)
        .field("id", a.id)
        .field("it_tax_code", a.it_tax_code)
        .field("kind", a.kind)
        .field("lat", a.lat)
        .field("legal_form", a.legal_form)
        .field("level", a.level)
        .field("lon", a.lon)
        .field("naf", a.naf)
        .field("name", a.name)
        .field("nature", a.nature)
        .field("phone", a.phone);
    w.key("poles").begin_array();
    for (const auto& p : a.poles)
        w.begin_object().field("id", p.id).field("name", p.name).field("slug", p.slug).end_object();
    w.end_array()
        .field("public", a.is_public)
        .field("rna", a.rna)
        .field("siren", a.siren)
        .field("siret", a.siret)
        .field("updated_at", a.updated_at)
        .field("website", a.website)
        .end_object();
}

}  // namespace

Json to_json(const Actor& a) {
    Json poles = Json::array();
    for (const auto& p : a.poles)
        poles.push_back({{"id", p.id}, {"slug", p.slug}, {"name", p.name}});
    Json j = {{"id", a.id},
              {"name", a.name},
              {"kind", a.kind},
              {"family", a.family},
              {"legal_form", optional_json(a.legal_form)},
              {"public", optional_json(a.is_public)},
              {"siren", optional_json(a.siren)},
              {"siret", optional_json(a.siret)},
              {"rna", optional_json(a.rna)},
              {"it_tax_code", optional_json(a.it_tax_code)},
              {"level", optional_json(a.level)},
              {"nature", optional_json(a.nature)},
              {"naf", optional_json(a.naf)},
              {"commune", optional_json(a.commune)},
              {"commune_name", optional_json(a.commune_name)},
              {"lat", optional_json(a.lat)},
              {"lon", optional_json(a.lon)},
              {"address", optional_json(a.address)},
              {"headcount", optional_json(a.headcount)},
              {"fte", optional_json(a.fte)},
              {"website", optional_json(a.website)},
              {"email", optional_json(a.email)},
              {"phone", optional_json(a.phone)},
              {"description", optional_json(a.description)},
              {"poles", poles},
              {"created_at", a.created_at},
              {"updated_at", a.updated_at}};
    if (a.distance_km) j["distance_km"] = rounded_distance(*a.distance_km);
    return j;
}

Json to_json(const ActorPage& page) {
    Json items = Json::array();
    for (const auto& a : page.items) items.push_back(to_json(a));
    return {
        {"items", items}, {"total", page.total}, {"page", page.page}, {"per_page", page.per_page}};
}

std::string json_text(const Actor& actor) {
    std::string out;
    JsonWriter w(out);
    write_actor(w, actor);
    return out;
}

std::string json_text(const ActorPage& page) {
    std::string out;
    out.reserve(1024 * (page.items.size() + 1));
    JsonWriter w(out);
    w.begin_object().key("items").begin_array();
    for (const auto& a : page.items) write_actor(w, a);
    w.end_array()
        .field("page", page.page)
        .field("per_page", page.per_page)
        .field("total", page.total)
        .end_object();
    return out;
}

Json to_json(const Contact& c) {
    return {{"id", c.id},
            {"actor_id", c.actor_id},
            {"name", c.name},
            {"function", optional_json(c.function)},
            {"email", optional_json(c.email)},
            {"phone", optional_json(c.phone)}};
}

ActorInput actor_input_from(const Json& body) {
    JsonFields f(body);
    ActorInput a;
    a.name = f.optional_string("name").value_or("");
    a.kind = f.optional_string("kind").value_or("");
    a.legal_form = f.optional_string("legal_form");
    a.is_public = f.optional_bool("public");
    a.siren = f.optional_string("siren");
    a.siret = f.optional_string("siret");
    a.rna = f.optional_string("rna");
    a.it_tax_code = f.optional_string("it_tax_code");
    a.level = f.optional_string("level");
    a.nature = f.optional_string("nature");
    a.naf = f.optional_string("naf");
    a.commune = f.optional_string("commune");
    a.address = f.optional_string("address");
    a.headcount = f.optional_int("headcount");
    a.fte = f.optional_number("fte");
    a.website = f.optional_string("website");
    a.email = f.optional_string("email");
    a.phone = f.optional_string("phone");
    a.description = f.optional_string("description");
    // Read-only fields sent back from a GET are accepted and ignored, so a client can PUT
    // what it fetched.
    for (const char* ignored : {"id", "family", "commune_name", "lat", "lon", "poles", "created_at",
                                "updated_at", "distance_km"})
        f.optional_value(ignored);
    f.reject_unknown();
    return a;
}

ContactInput contact_input_from(const Json& body) {
    JsonFields f(body);
    ContactInput c;
    c.name = f.optional_string("name").value_or("");
    c.function = f.optional_string("function");
    c.email = f.optional_string("email");
    c.phone = f.optional_string("phone");
    f.optional_value("id");
    f.optional_value("actor_id");
    f.reject_unknown();
    return c;
}

ActorFilter filter_from(const api::Request& r) {
    static const std::set<std::string> known = {"q",      "kind",    "family",    "legal_form",
                                                "naf",    "commune", "radius_km", "level",
                                                "nature", "page",    "per_page"};
    for (const auto& [name, value] : r.query)
        if (!known.count(name)) throw invalid(name, "unknown filter");
    ActorFilter f;
    f.text = r.query_value("q");
    f.kind = r.query_value("kind");
    f.family = r.query_value("family");
    f.legal_form = r.query_value("legal_form");
    f.naf_prefix = r.query_value("naf");
    if (f.naf_prefix)
        for (auto& c : *f.naf_prefix)
            if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    f.commune = r.query_value("commune");
    f.radius_km = api::query_number(r, "radius_km");
    f.level = r.query_value("level");
    f.nature = r.query_value("nature");
    f.page = api::query_int(r, "page", 1, 1, 1000000);
    f.per_page = api::query_int(r, "per_page", 20, 1, 200);
    return f;
}

}  // namespace maillage::actors
