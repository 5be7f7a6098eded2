#include "sharedjobs/settings.hpp"

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/json.hpp"
#include "io/table_reader.hpp"
#include "sharedjobs/dates.hpp"
#include "sharedjobs/instance_json.hpp"

namespace maillage::sharedjobs {
namespace {

Json read_json_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw Error(ErrorCode::internal, "cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    try {
        return parse_json(text.str());
    } catch (const Error& e) {
        throw Error(ErrorCode::internal, path + ": " + e.what());
    }
}

// The first column of every row of a CSV file, checked by `accept`.
template <class Accept>
std::vector<std::string> first_column(const std::string& path, Accept accept) {
    auto reader = io::open_table(path);
    std::vector<std::string> out;
    io::TableRow row;
    while (reader->next(row)) {
        if (!row.problem.empty())
            throw Error(ErrorCode::internal,
                        path + ", line " + std::to_string(row.line) + ": " + row.problem);
        if (!accept(row.cells[0]))
            throw Error(ErrorCode::internal, path + ", line " + std::to_string(row.line) + ": '" +
                                                 row.cells[0] + "' is not valid");
        out.push_back(row.cells[0]);
    }
    return out;
}

}  // namespace

Settings load_settings(const std::string& data_dir) {
    Settings s;
    std::string rules_path = data_dir + "/sharedjobs/rules.json";
    try {
        s.rules = rules_from_json(read_json_file(rules_path), Rules{}, "rules");
    } catch (const Error& e) {
        throw Error(ErrorCode::internal, rules_path + ": " + e.what());
    }
    s.rules.public_holidays =
        first_column(data_dir + "/sharedjobs/public_holidays_fr.csv",
                     [](const std::string& d) { return bool(dates::parse(d)); });
    std::string billing_path = data_dir + "/sharedjobs/billing.json";
    auto billing = read_json_file(billing_path);
    try {
        JsonFields f(billing, "billing");
        s.coefficient = f.optional_number("coefficient").value_or(1.0);
        s.default_rate = f.optional_number("default_rate").value_or(0.0);
        f.optional_value("_comment");
        f.reject_unknown();
    } catch (const Error& e) {
        throw Error(ErrorCode::internal, billing_path + ": " + e.what());
    }
    for (auto& code : first_column(data_dir + "/enumerations/occupation.csv",
                                   [](const std::string& c) { return !c.empty(); }))
        s.occupations.insert(std::move(code));
    return s;
}

}  // namespace maillage::sharedjobs
