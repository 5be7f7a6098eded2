#include "commons/tender_json.hpp"

#include <charconv>

#include "core/error.hpp"

namespace maillage::commons {

namespace {

template <class T>
Json opt(const std::optional<T>& value) {
    return value ? Json(*value) : Json(nullptr);
}

std::vector<LotInput> lots_from(const Json* value) {
    std::vector<LotInput> lots;
    if (!value || value->is_null()) return lots;
    if (!value->is_array()) throw invalid("lots", "must be an array");
    for (std::size_t i = 0; i < value->size(); ++i) {
        const Json& item = (*value)[i];
        auto prefix = "lots[" + std::to_string(i) + "]";
        if (!item.is_object()) throw invalid(prefix, "must be an object");
        JsonFields f(item, prefix);
        LotInput lot;
        auto number = f.optional_int("number");
        if (!number) throw invalid(prefix + ".number", "is required");
        lot.number = *number;
        lot.title = f.required_string("title");
        lot.insertion_hours_required = f.optional_number("insertion_hours_required").value_or(0);
        f.reject_unknown();
        lots.push_back(std::move(lot));
    }
    return lots;
}

}  // namespace

Json to_json(const Tender& t) {
    Json lots = Json::array();
    for (const auto& l : t.lots)
        lots.push_back({{"number", l.number},
                        {"title", l.title},
                        {"insertion_hours_required", l.insertion_hours_required}});
    return {{"id", t.id},
            {"buyer_actor_id", opt(t.buyer_actor_id)},
            {"buyer_actor_name", opt(t.buyer_actor_name)},
            {"buyer_name", opt(t.buyer_name)},
            {"title", t.title},
            {"reference", opt(t.reference)},
            {"procedure", opt(t.procedure)},
            {"published_on", opt(t.published_on)},
            {"deadline_on", opt(t.deadline_on)},
            {"estimated_amount", opt(t.estimated_amount)},
            {"status", t.status},
            {"awarded_on", opt(t.awarded_on)},
            {"contract_start", opt(t.contract_start)},
            {"contract_end", opt(t.contract_end)},
            {"note", opt(t.note)},
            {"lots", lots},
            {"members", t.members},
            {"hours_required", t.hours_required},
            {"hours_committed", t.hours_committed},
            {"hours_realised", t.hours_realised},
            {"created_at", t.created_at},
            {"updated_at", t.updated_at}};
}

Json to_json(const Member& m) {
    return {{"id", m.id},
            {"tender_id", m.tender_id},
            {"actor_id", m.actor_id},
            {"actor_name", m.actor_name},
            {"role", m.role},
            {"lots", m.lots},
            {"share_percent", opt(m.share_percent)},
            {"insertion_hours_committed", m.insertion_hours_committed},
            {"hours_realised", m.hours_realised}};
}

Json to_json(const RealisedHours& h) {
    return {{"id", h.id},
            {"member_id", h.member_id},
            {"period", h.period},
            {"hours", h.hours},
            {"note", opt(h.note)}};
}

Json to_json(const TenderDetail& d) {
    Json j = to_json(d.tender);
    Json members = Json::array();
    for (const auto& m : d.members) members.push_back(to_json(m));
    Json hours = Json::array();
    for (const auto& h : d.hours) hours.push_back(to_json(h));
    j["consortium"] = members;
    j["realised_hours"] = hours;
    return j;
}

TenderInput tender_input_from(const Json& body) {
    if (!body.is_object()) throw invalid("", "the body must be a JSON object");
    JsonFields f(body);
    TenderInput in;
    in.buyer_actor_id = f.optional_int("buyer_actor_id");
    in.buyer_name = f.optional_string("buyer_name");
    in.title = f.required_string("title");
    in.reference = f.optional_string("reference");
    in.procedure = f.optional_string("procedure");
    in.published_on = f.optional_string("published_on");
    in.deadline_on = f.optional_string("deadline_on");
    in.estimated_amount = f.optional_number("estimated_amount");
    in.status = f.optional_string("status").value_or("watch");
    in.awarded_on = f.optional_string("awarded_on");
    in.contract_start = f.optional_string("contract_start");
    in.contract_end = f.optional_string("contract_end");
    in.note = f.optional_string("note");
    in.lots = lots_from(f.optional_value("lots"));
    f.reject_unknown();
    return in;
}

MemberInput member_input_from(const Json& body) {
    if (!body.is_object()) throw invalid("", "the body must be a JSON object");
    JsonFields f(body);
    MemberInput in;
    auto actor = f.optional_int("actor_id");
    if (!actor) throw invalid("actor_id", "is required");
    in.actor_id = *actor;
    in.role = f.required_string("role");
    in.lots = f.optional_int_list("lots").value_or(std::vector<std::int64_t>{});
    in.share_percent = f.optional_number("share_percent");
    in.insertion_hours_committed = f.optional_number("insertion_hours_committed").value_or(0);
    f.reject_unknown();
    return in;
}

HoursInput hours_input_from(const Json& body) {
    if (!body.is_object()) throw invalid("", "the body must be a JSON object");
    JsonFields f(body);
    HoursInput in;
    in.period = f.required_string("period");
    auto hours = f.optional_number("hours");
    if (!hours) throw invalid("hours", "is required");
    in.hours = *hours;
    in.note = f.optional_string("note");
    f.reject_unknown();
    return in;
}

TenderFilter filter_from(const api::Request& request) {
    TenderFilter filter;
    filter.status = request.query_value("status");
    filter.text = request.query_value("q");
    if (auto year = request.query_value("year")) {
        int value = 0;
        auto [end, error] = std::from_chars(year->data(), year->data() + year->size(), value);
        if (error != std::errc() || end != year->data() + year->size() || value < 1900 ||
            value > 2200)
            throw invalid("year", "must be a year such as 2026");
        filter.year = value;
    }
    if (filter.status && filter.status->empty()) filter.status.reset();
    if (filter.text && filter.text->empty()) filter.text.reset();
    return filter;
}

}  // namespace maillage::commons
