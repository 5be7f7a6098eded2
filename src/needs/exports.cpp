#include "needs/exports.hpp"

#include <cstdio>
#include <sstream>

#include "core/clock.hpp"
#include "io/table_writer.hpp"
#include "needs/call_document.hpp"
#include "needs/needs_json.hpp"
#include "needs/record_table.hpp"

namespace maillage::needs {
namespace {

std::string number(const std::optional<double>& v, int decimals) {
    if (!v) return "";
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, *v);
    return buffer;
}

std::string count(const std::optional<std::int64_t>& v) {
    return v ? std::to_string(*v) : "";
}

// The diagnostic as one table: a row per territory, columns per need and indicator.
void write_diagnostic(const Diagnostic& d, const Taxonomy& taxonomy, io::TableWriter& writer) {
    std::vector<std::string> header = {"level",      "code",    "name",
                                       "population", "records", "records_per_1000"};
    for (const auto& c : d.categories)
        for (const char* suffix : {"_count", "_per_1000", "_share", "_ratio"})
            header.push_back(c + suffix);
    for (const auto& i : taxonomy.indicators()) header.push_back(i.code);
    writer.write_header(header);
    for (const auto& r : d.rows) {
        std::vector<std::string> cells = {std::string(to_string(r.unit.level)),
                                          r.unit.code,
                                          r.unit.name,
                                          count(r.unit.population),
                                          count(r.records.count),
                                          number(r.records.rate_per_1000, 3)};
        for (const auto& c : d.categories) {
            const Cell& cell = r.needs.at(c);
            cells.push_back(count(cell.count));
            cells.push_back(number(cell.rate_per_1000, 3));
            cells.push_back(number(cell.share, 4));
            cells.push_back(number(cell.ratio, 3));
        }
        for (const auto& i : taxonomy.indicators()) {
            auto it = r.indicators.find(i.code);
            cells.push_back(it == r.indicators.end() ? "" : number(it->second, 4));
        }
        writer.write_row(cells);
    }
}

void write_records(NeedsService& service, std::int64_t pole_id, std::optional<std::int64_t> user_id,
                   io::TableWriter& writer) {
    writer.write_header(record_columns());
    service.for_each_record(pole_id, user_id,
                            [&](const Record& r) { writer.write_row(to_row(r)); });
}

}  // namespace

std::string content_type_of(const std::string& format) {
    if (format == "json") return "application/json; charset=utf-8";
    if (format == "csv") return "text/csv; charset=utf-8";
    if (format == "xlsx")
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (format == "html") return "text/html; charset=utf-8";
    if (format == "pdf") return "application/pdf";
    return "application/octet-stream";
}

std::string export_records(NeedsService& service, std::int64_t pole_id,
                           std::optional<std::int64_t> user_id, const std::string& format) {
    if (format == "json") {
        Json items = Json::array();
        service.for_each_record(pole_id, user_id,
                                [&](const Record& r) { items.push_back(to_json(r)); });
        return items.dump(2);
    }
    if (format == "csv") {
        std::ostringstream out;
        auto writer = io::make_csv_writer(out, ';', true);
        write_records(service, pole_id, user_id, *writer);
        writer->finish();
        return out.str();
    }
    if (format == "xlsx")
        return io::xlsx_to_bytes(
            "entretiens", [&](io::TableWriter& w) { write_records(service, pole_id, user_id, w); });
    throw invalid("format", "must be csv, xlsx or json");
}

std::string export_diagnostic(const Diagnostic& d, const Taxonomy& taxonomy,
                              const std::string& format) {
    if (format == "json") return to_json(d).dump(2);
    if (format == "csv") {
        std::ostringstream out;
        auto writer = io::make_csv_writer(out, ';', true);
        write_diagnostic(d, taxonomy, *writer);
        writer->finish();
        return out.str();
    }
    if (format == "xlsx")
        return io::xlsx_to_bytes("diagnostic",
                                 [&](io::TableWriter& w) { write_diagnostic(d, taxonomy, w); });
    throw invalid("format", "must be csv, xlsx or json");
}

Json groups_document(NeedsService& service, std::int64_t pole_id) {
    Json groups = Json::array();
    service.for_each_group(pole_id, [&](const Group& g, const std::vector<std::string>& records) {
        groups.push_back({{"id", g.id},
                          {"title", g.title},
                          {"representative_text", g.representative_text},
                          {"size", g.size},
                          {"manual", g.manual},
                          {"record_ids", records}});
    });
    return {{"groups", groups}};
}

std::string export_call(const Call& call, const Taxonomy& taxonomy, const std::string& format,
                        bool with_record_ids) {
    CallDocument d = call.document;
    if (!with_record_ids)
        for (auto& g : d.groups) g.record_ids.clear();
    std::string date = call.updated_at.substr(0, 10);
    if (format == "json") {
        Call copy = call;
        copy.document = d;
        return to_json(copy).dump(2);
    }
    if (format == "html") return call_html(d, taxonomy, date);
    if (format == "pdf") return call_pdf(d, taxonomy, date);
    throw invalid("format", "must be json, html or pdf");
}

}  // namespace maillage::needs
