#include "core/vocabulary.hpp"

namespace maillage {

void Vocabulary::add(const std::string& enumeration, VocabularyValue value) {
    auto& list = values_[enumeration];
    for (auto& existing : list)
        if (existing.code == value.code) {
            existing = std::move(value);
            return;
        }
    list.push_back(std::move(value));
}

const VocabularyValue* Vocabulary::find(const std::string& enumeration,
                                        const std::string& code) const {
    auto it = values_.find(enumeration);
    if (it == values_.end()) return nullptr;
    for (const auto& value : it->second)
        if (value.code == code) return &value;
    return nullptr;
}

bool Vocabulary::contains(const std::string& enumeration, const std::string& code) const {
    return find(enumeration, code) != nullptr;
}

std::string Vocabulary::family(const std::string& enumeration, const std::string& code) const {
    std::string current = code;
    // Bounded walk: a badly edited file with a parent cycle must not hang the server.
    for (int depth = 0; depth < 16; ++depth) {
        const auto* value = find(enumeration, current);
        if (!value || !value->parent || value->parent->empty()) return current;
        current = *value->parent;
    }
    return current;
}

std::vector<std::string> Vocabulary::members_of_family(const std::string& enumeration,
                                                       const std::string& family_code) const {
    std::vector<std::string> members;
    for (const auto& value : values(enumeration))
        if (family(enumeration, value.code) == family_code) members.push_back(value.code);
    return members;
}

const std::vector<VocabularyValue>& Vocabulary::values(const std::string& enumeration) const {
    static const std::vector<VocabularyValue> none;
    auto it = values_.find(enumeration);
    return it == values_.end() ? none : it->second;
}

std::vector<std::string> Vocabulary::enumerations() const {
    std::vector<std::string> names;
    for (const auto& [name, list] : values_) names.push_back(name);
    return names;
}

std::string Vocabulary::codes(const std::string& enumeration) const {
    std::string out;
    for (const auto& value : values(enumeration)) out += (out.empty() ? "" : ", ") + value.code;
    return out;
}

}  // namespace maillage
