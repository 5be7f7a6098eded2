#include "needs/languages.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"

namespace maillage::needs {

namespace fs = std::filesystem;

namespace {

Error malformed(const std::string& source, const std::string& field, const std::string& reason) {
    return Error(ErrorCode::invalid_input, source + ": field " + field + ": " + reason);
}

std::unordered_set<std::string> folded_words(const Json& list, const std::string& source,
                                             const std::string& field) {
    if (!list.is_array()) throw malformed(source, field, "must be a list of words");
    std::unordered_set<std::string> words;
    for (const auto& word : list) {
        if (!word.is_string()) throw malformed(source, field, "must be a list of words");
        words.insert(text::fold(word.get<std::string>()));
    }
    return words;
}

bool stemmer_exists(const std::string& name) {
    for (const char** n = sb_stemmer_list(); *n; ++n)
        if (name == *n) return true;
    return false;
}

}  // namespace

LanguageRules Languages::from_json(const Json& document, const std::string& source) {
    if (!document.is_object()) throw malformed(source, "-", "must be a JSON object");
    LanguageRules rules;
    for (const char* field : {"code", "stemmer"})
        if (!document.contains(field) || !document[field].is_string())
            throw malformed(source, field, "is required (a string)");
    rules.code = document["code"];
    rules.stemmer = document["stemmer"];
    if (!stemmer_exists(rules.stemmer))
        throw malformed(source, "stemmer", "'" + rules.stemmer + "' is not a Snowball stemmer");
    rules.elisions = folded_words(document.value("elisions", Json::array()), source, "elisions");
    rules.stop_words =
        folded_words(document.value("stop_words", Json::array()), source, "stop_words");
    return rules;
}

Languages Languages::load(const std::string& folder) {
    if (!fs::is_directory(folder))
        throw Error(ErrorCode::internal, "missing data folder " + folder);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    Languages languages;
    for (const auto& path : files) {
        std::ifstream in(path);
        std::stringstream content;
        content << in.rdbuf();
        Json document;
        try {
            document = Json::parse(content.str());
        } catch (const Json::parse_error& e) {
            throw Error(ErrorCode::invalid_input, path.string() + ": " + e.what());
        }
        languages.add(from_json(document, path.string()));
    }
    if (languages.all().empty())
        throw Error(ErrorCode::internal, folder + ": no language file (<code>.json)");
    return languages;
}

void Languages::add(LanguageRules rules) {
    if (index_of(rules.code) != npos)
        throw Error(ErrorCode::invalid_input, "language " + rules.code + " is defined twice");
    languages_.push_back(std::move(rules));
}

std::size_t Languages::index_of(std::string_view code) const {
    for (std::size_t i = 0; i < languages_.size(); ++i)
        if (languages_[i].code == code) return i;
    return npos;
}

std::string Languages::codes() const {
    std::string out;
    for (const auto& l : languages_) out += (out.empty() ? "" : ", ") + l.code;
    return out;
}

}  // namespace maillage::needs
