#include "app/reference_data.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "io/table_reader.hpp"

namespace maillage::app {

namespace fs = std::filesystem;

Vocabulary load_shipped_vocabulary(const std::string& data_dir) {
    Vocabulary vocabulary;
    fs::path folder = fs::path(data_dir) / "enumerations";
    if (!fs::is_directory(folder))
        throw Error(ErrorCode::internal, "missing data folder " + folder.string());
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() != ".csv") continue;
        std::string enumeration = entry.path().stem().string();
        auto reader = io::open_table(entry.path().string());
        const std::vector<std::string> expected = {"code", "parent", "label_fr", "label_it",
                                                   "label_en"};
        if (reader->header() != expected)
            throw Error(ErrorCode::invalid_input,
                        entry.path().string() +
                            ": line 1: header must be code,parent,label_fr,label_it,label_en");
        io::TableRow row;
        while (reader->next(row)) {
            io::require_well_formed(*reader, row);
            if (row.cells[0].empty())
                throw Error(ErrorCode::invalid_input, entry.path().string() + ": line " +
                                                          std::to_string(row.line) +
                                                          ": field code: is empty");
            VocabularyValue value{row.cells[0], {}, {row.cells[2], row.cells[3], row.cells[4]}};
            if (!row.cells[1].empty()) value.parent = row.cells[1];
            vocabulary.add(enumeration, std::move(value));
        }
    }
    return vocabulary;
}

void add_database_values(Vocabulary& vocabulary, store::Database& database) {
    auto rows = database.read([](store::Connection& c) {
        return c.query(
            "SELECT enumeration, code, parent, label_fr, label_it, label_en FROM "
            "enumeration_values ORDER BY enumeration, created_at, code");
    });
    for (const auto& r : rows)
        vocabulary.add(
            r.text(0),
            VocabularyValue{r.text(1), r.optional_text(2), {r.text(3), r.text(4), r.text(5)}});
}

namespace {

Json read_json_file(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw Error(ErrorCode::internal, "missing " + path.string());
    try {
        return Json::parse(in);
    } catch (const Json::parse_error& e) {
        throw Error(ErrorCode::invalid_input, path.string() + ": " + e.what());
    }
}

}  // namespace

Roles load_roles(const std::string& data_dir) {
    fs::path base = fs::path(data_dir) / "roles.json";
    Roles roles = Roles::from_json(read_json_file(base), base.string());
    fs::path modules = fs::path(data_dir) / "permissions";
    if (!fs::is_directory(modules)) return roles;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(modules))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) roles.extend(read_json_file(file), file.string());
    return roles;
}

void add_enumeration_value(store::Database& database, Vocabulary& vocabulary,
                           const std::string& enumeration, const VocabularyValue& value) {
    if (vocabulary.values(enumeration).empty())
        throw invalid("enumeration", "unknown enumeration '" + enumeration + "'");
    if (value.code.empty() || value.code.size() > 60)
        throw invalid("code", "must be 1 to 60 characters");
    for (char ch : value.code)
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'))
            throw invalid("code", "may hold only a-z, 0-9 and _");
    if (vocabulary.contains(enumeration, value.code))
        throw Error(ErrorCode::conflict, "this code already exists", "code");
    if (value.parent && !vocabulary.contains(enumeration, *value.parent))
        throw invalid("parent", "unknown parent '" + *value.parent + "'");
    if (value.label.fr.empty() || value.label.it.empty() || value.label.en.empty())
        throw invalid("label", "needs French, Italian and English labels");
    database.write([&](store::Connection& c) {
        c.execute(
            "INSERT INTO enumeration_values (enumeration, code, parent, label_fr, label_it, "
            "label_en, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            {enumeration, value.code, store::nullable(value.parent), value.label.fr, value.label.it,
             value.label.en, clock::now_iso()});
    });
    vocabulary.add(enumeration, value);
}

}  // namespace maillage::app
