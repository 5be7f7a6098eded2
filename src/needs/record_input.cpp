#include "needs/record_input.hpp"

#include <unicode/normalizer2.h>

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace maillage::needs {
namespace {

// Spreadsheets store dates as days since 1899-12-30; these bound the years 1954 to 2119.
constexpr std::int64_t kMinSerialDay = 20000;
constexpr std::int64_t kMaxSerialDay = 80000;
constexpr std::size_t kMaxIdBytes = 64;
constexpr std::size_t kMaxKeyBytes = 128;
constexpr std::size_t kMaxShortBytes = 200;
constexpr std::size_t kMaxListItems = 30;

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string nfc(const std::string& s) {
    if (is_ascii(s)) return s;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return s;
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), int32_t(s.size())));
    if (normalizer->isNormalized(u, status) || U_FAILURE(status)) return s;
    std::string out;
    normalizer->normalize(u, status).toUTF8String(out);
    return U_FAILURE(status) ? s : out;
}

void trim_optional(std::optional<std::string>& value, bool text = false) {
    if (!value) return;
    std::string t = text::trim(*value);
    if (t.empty())
        value.reset();
    else
        value = text ? nfc(t) : t;
}

// "2024-03-15" from "15/03/2024", "15-03-2024", "15.03.2024" or the day number 45366.
std::string iso_date(const std::string& date) {
    if (clock::is_iso_date(date)) return date;
    std::int64_t serial = 0;
    auto [end, ec] = std::from_chars(date.data(), date.data() + date.size(), serial);
    if (ec == std::errc() && end == date.data() + date.size() && serial >= kMinSerialDay &&
        serial <= kMaxSerialDay) {
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        std::int64_t z = serial - 25569 + 719468;
        std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
        std::int64_t doe = z - era * 146097;
        std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        std::int64_t mp = (5 * doy + 2) / 153;
        std::int64_t day = doy - (153 * mp + 2) / 5 + 1;
        std::int64_t month = mp < 10 ? mp + 3 : mp - 9;
        std::int64_t year = yoe + era * 400 + (month <= 2);
        char buffer[72];  // room for three 64-bit numbers, so no build ever warns of truncation
        std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lld", (long long)year,
                      (long long)month, (long long)day);
        return buffer;
    }
    if (date.size() == 10 && (date[2] == '/' || date[2] == '-' || date[2] == '.') &&
        date[5] == date[2]) {
        std::string candidate =
            date.substr(6, 4) + "-" + date.substr(3, 2) + "-" + date.substr(0, 2);
        if (clock::is_iso_date(candidate)) return candidate;
    }
    return date;
}

// The code of an enumeration value written as its code or as a label in any language.
std::string enumeration_code(
    const Vocabulary& vocabulary, const char* enumeration, const std::string& value,
    std::initializer_list<std::pair<const char*, const char*>> extra = {}) {
    if (vocabulary.contains(enumeration, value)) return value;
    std::string folded = text::fold(value);
    for (const auto& v : vocabulary.values(enumeration))
        if (folded == text::fold(v.code) || folded == text::fold(v.label.fr) ||
            folded == text::fold(v.label.it) || folded == text::fold(v.label.en))
            return v.code;
    for (const auto& [synonym, code] : extra)
        if (folded == synonym) return code;
    return value;
}

void normalise_list(std::vector<std::string>& values) {
    std::vector<std::string> out;
    for (auto& v : values) {
        std::string t = text::trim(v);
        if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    }
    values = std::move(out);
}

bool looks_like_email(const std::string& s) {
    return s.find('@') != std::string::npos;
}

bool looks_like_phone(const std::string& s) {
    std::size_t digits = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c != ' ' && c != '.' && c != '-' && c != '+' && c != '(' && c != ')')
            return false;
    }
    return digits >= 9 && (s[0] == '0' || s[0] == '+');
}

bool is_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':' || c == '/';
}

// UTF-8 text decoded as Windows-1252 shows "Ã©" for "é" and "â€™" for "’": a file whose
// start is not valid UTF-8 is read as Windows-1252 as a whole, so a file mixing encodings
// garbles the UTF-8 part. Seen in a text, it means the file must be saved in one encoding.
bool looks_like_mojibake(const std::string& s) {
    for (std::size_t i = 0; i + 3 < s.size(); ++i) {
        auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
        if (b(0) == 0xC3 && b(1) == 0x83 && b(2) == 0xC2 && b(3) >= 0x80 && b(3) <= 0xBF)
            return true;
        if (i + 4 < s.size() && b(0) == 0xC3 && b(1) == 0xA2 && b(2) == 0xE2 && b(3) == 0x82 &&
            b(4) == 0xAC)
            return true;
    }
    return false;
}

void check_code_list(const std::vector<std::string>& values, const Vocabulary& vocabulary,
                     const char* enumeration, const std::string& field,
                     std::vector<Problem>& problems) {
    if (values.size() > kMaxListItems)
        problems.push_back({field, "lists at most " + std::to_string(kMaxListItems) + " values"});
    for (const auto& v : values)
        if (!vocabulary.contains(enumeration, v))
            problems.push_back({field, "unknown value '" + v +
                                           "' (expected: " + vocabulary.codes(enumeration) + ")"});
}

void check_length(const std::optional<std::string>& value, std::size_t max, const char* field,
                  std::vector<Problem>& problems) {
    if (value && value->size() > max)
        problems.push_back({field, "is longer than " + std::to_string(max) + " bytes"});
}

}  // namespace

void normalise(RecordInput& r, const Taxonomy& taxonomy) {
    const Vocabulary& vocabulary = taxonomy.vocabulary();
    r.record_id = text::trim(r.record_id);
    for (auto* field : {&r.date, &r.centre, &r.counsellor, &r.commune, &r.person_key, &r.age_band,
                        &r.coop_interest, &r.language})
        trim_optional(*field);
    trim_optional(r.need_text, true);
    trim_optional(r.proposal_text, true);
    if (r.date) r.date = iso_date(*r.date);
    if (r.language) r.language = text::to_lower_ascii(*r.language);
    if (r.age_band) r.age_band = enumeration_code(vocabulary, kAgeBandEnumeration, *r.age_band);
    if (r.coop_interest)
        r.coop_interest = enumeration_code(vocabulary, kCoopInterestEnumeration, *r.coop_interest,
                                           {{"si", "yes"},
                                            {"y", "yes"},
                                            {"o", "yes"},
                                            {"1", "yes"},
                                            {"true", "yes"},
                                            {"n", "no"},
                                            {"0", "no"},
                                            {"false", "no"},
                                            {"peut etre", "maybe"},
                                            {"forse", "maybe"},
                                            {"ne sais pas", "maybe"},
                                            {"non so", "maybe"},
                                            {"?", "maybe"}});
    for (auto* list : {&r.situations, &r.need_codes, &r.sectors, &r.skills}) normalise_list(*list);
    for (auto& s : r.situations) s = enumeration_code(vocabulary, kSituationEnumeration, s);
    for (auto& c : r.need_codes) c = enumeration_code(vocabulary, kCategoryEnumeration, c);
    for (auto& s : r.sectors) s = territory::Territory::normalise_naf_code(s);
    for (auto& s : r.skills) s = nfc(s);
    normalise_list(r.situations);
    normalise_list(r.need_codes);
    normalise_list(r.sectors);
}

std::optional<std::string> section_of(const std::string& sector,
                                      const territory::Territory& territory) {
    if (is_naf_section(sector)) return sector;
    const auto* naf = territory.naf(sector);
    for (int depth = 0; naf && depth < 5; ++depth) {
        if (naf->level == "section") return naf->code;
        naf = naf->parent_code.empty() ? nullptr : territory.naf(naf->parent_code);
    }
    return std::nullopt;
}

std::vector<Problem> check_record(const RecordInput& r, const Taxonomy& taxonomy,
                                  const territory::Territory& territory) {
    std::vector<Problem> problems;
    const Vocabulary& vocabulary = taxonomy.vocabulary();
    if (r.record_id.empty())
        problems.push_back({"record_id", "is required"});
    else if (r.record_id.size() > kMaxIdBytes ||
             !std::all_of(r.record_id.begin(), r.record_id.end(), is_id_char))
        problems.push_back({"record_id", "must be at most 64 letters, digits or - _ . : /"});
    if (!r.need_text && !r.proposal_text)
        problems.push_back({"need_text", "a record needs a need text or a proposal text"});
    for (auto [value, field] : {std::pair{&r.need_text, "need_text"},
                                {&r.proposal_text, "proposal_text"},
                                {&r.centre, "centre"},
                                {&r.counsellor, "counsellor"}})
        if (*value && looks_like_mojibake(**value))
            problems.push_back(
                {field,
                 "looks like UTF-8 text read as Latin-1 (\"Ã©\" for \"é\"): the file mixes "
                 "encodings; save it as UTF-8 (or as Latin-1) throughout"});
    check_length(r.need_text, kMaxTextBytes, "need_text", problems);
    check_length(r.proposal_text, kMaxTextBytes, "proposal_text", problems);
    check_length(r.centre, kMaxShortBytes, "centre", problems);
    check_length(r.counsellor, kMaxShortBytes, "counsellor", problems);
    if (r.date && !clock::is_iso_date(*r.date))
        problems.push_back({"date", "'" + *r.date + "' is not a date (YYYY-MM-DD or DD/MM/YYYY)"});
    if (r.commune && !territory.commune(*r.commune))
        problems.push_back({"commune_code", "unknown commune code '" + *r.commune + "'"});
    if (r.person_key) {
        if (r.person_key->size() > kMaxKeyBytes)
            problems.push_back({"person_key", "is longer than 128 bytes"});
        else if (looks_like_email(*r.person_key) || looks_like_phone(*r.person_key) ||
                 r.person_key->find(' ') != std::string::npos)
            problems.push_back({"person_key",
                                "must be a pseudonymous key, not an e-mail address, a phone "
                                "number or a name"});
    }
    if (r.age_band && !vocabulary.contains(kAgeBandEnumeration, *r.age_band))
        problems.push_back({"age_band", "unknown value '" + *r.age_band + "' (expected: " +
                                            vocabulary.codes(kAgeBandEnumeration) + ")"});
    if (r.coop_interest && !vocabulary.contains(kCoopInterestEnumeration, *r.coop_interest))
        problems.push_back({"coop_interest", "unknown value '" + *r.coop_interest +
                                                 "' (expected yes, maybe or no)"});
    check_code_list(r.situations, vocabulary, kSituationEnumeration, "situation", problems);
    check_code_list(r.need_codes, vocabulary, kCategoryEnumeration, "need_codes", problems);
    for (const auto& s : r.sectors)
        if (!section_of(s, territory))
            problems.push_back({"sectors", "'" + s + "' is not a NAF section or code"});
    if (r.skills.size() > kMaxListItems) problems.push_back({"skills", "lists at most 30 values"});
    if (r.language && taxonomy.languages().index_of(*r.language) == Languages::npos)
        problems.push_back({"language", "unknown language '" + *r.language +
                                            "' (expected: " + taxonomy.languages().codes() + ")"});
    return problems;
}

std::string resolve_language(const RecordInput& r, const Taxonomy& taxonomy,
                             const territory::Territory& territory) {
    if (r.language && taxonomy.languages().index_of(*r.language) != Languages::npos)
        return *r.language;
    if (r.commune)
        if (const auto* commune = territory.commune(*r.commune)) {
            std::string country = text::to_lower_ascii(commune->country);
            if (taxonomy.languages().index_of(country) != Languages::npos) return country;
        }
    return "fr";
}

void reject_if_any(const std::vector<Problem>& problems) {
    if (!problems.empty()) throw invalid(problems.front().field, problems.front().reason);
}

}  // namespace maillage::needs
