#include "actors/validation.hpp"

#include "accounts/account_service.hpp"
#include "actors/identifiers.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace maillage::actors {
namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxText = 5000;

void tidy(std::optional<std::string>& value) {
    if (!value) return;
    *value = text::trim(*value);
    if (value->empty()) value.reset();
}

void tidy_identifier(std::optional<std::string>& value) {
    tidy(value);
    if (value) *value = normalise_identifier(*value);
}

// "4399C" and "43.99c" both become "43.99C".
void tidy_naf(std::optional<std::string>& value) {
    tidy(value);
    if (!value) return;
    std::string code;
    for (char c : *value) code.push_back(c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c);
    if (code.size() >= 3 && code.find('.') == std::string::npos && code[0] >= '0' && code[0] <= '9')
        code.insert(2, ".");
    *value = code;
}

std::string phone_problem(const std::string& phone) {
    int digits = 0;
    for (char c : phone) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (std::string_view(" +.-()").find(c) == std::string_view::npos)
            return "may hold only digits, spaces and + . - ( )";
    }
    return digits >= 6 && digits <= 20 ? "" : "must have 6 to 20 digits";
}

struct Checker {
    std::vector<FieldProblem> problems;

    void add(const std::string& field, const std::string& reason) {
        problems.push_back({field, reason});
    }
    void identifier(const char* field, const std::optional<std::string>& value,
                    std::optional<std::string> (*problem)(std::string_view)) {
        if (value)
            if (auto reason = problem(*value)) add(field, *reason);
    }
    void enumerated(const Vocabulary& vocabulary, const char* field, const char* enumeration,
                    const std::optional<std::string>& value) {
        if (value && !vocabulary.contains(enumeration, *value))
            add(field, "unknown value '" + *value +
                           "' (expected one of: " + vocabulary.codes(enumeration) + ")");
    }
    void reachable(const std::optional<std::string>& email,
                   const std::optional<std::string>& phone) {
        if (email)
            if (auto problem = accounts::email_problem(*email); !problem.empty())
                add("email", problem);
        if (phone)
            if (auto problem = phone_problem(*phone); !problem.empty()) add("phone", problem);
    }
    void length(const char* field, const std::optional<std::string>& value, std::size_t max) {
        if (value && value->size() > max)
            add(field, "is longer than " + std::to_string(max) + " characters");
    }
};

}  // namespace

std::vector<FieldProblem> check_actor(ActorInput& input, const Vocabulary& vocabulary,
                                      const territory::Territory& territory) {
    input.name = text::trim(input.name);
    input.kind = text::trim(input.kind);
    for (auto* field :
         {&input.legal_form, &input.level, &input.nature, &input.commune, &input.address,
          &input.website, &input.email, &input.phone, &input.description})
        tidy(*field);
    for (auto* field : {&input.siren, &input.siret, &input.rna, &input.it_tax_code})
        tidy_identifier(*field);
    tidy_naf(input.naf);
    if (input.email) *input.email = accounts::normalise_email(*input.email);

    Checker check;
    if (input.name.empty()) check.add("name", "is required");
    if (input.name.size() > kMaxName)
        check.add("name", "is longer than " + std::to_string(kMaxName) + " characters");
    if (input.kind.empty())
        check.add("kind", "is required");
    else
        check.enumerated(vocabulary, "kind", "actor_kind", input.kind);
    check.enumerated(vocabulary, "legal_form", "legal_form", input.legal_form);
    check.enumerated(vocabulary, "level", "level", input.level);
    check.enumerated(vocabulary, "nature", "nature", input.nature);
    check.identifier("siren", input.siren, siren_problem);
    check.identifier("siret", input.siret, siret_problem);
    check.identifier("rna", input.rna, rna_problem);
    check.identifier("it_tax_code", input.it_tax_code, it_tax_code_problem);
    if (input.siret && !siret_problem(*input.siret)) {
        std::string from_siret = input.siret->substr(0, 9);
        if (!input.siren)
            input.siren = from_siret;
        else if (*input.siren != from_siret)
            check.add("siren", "does not match the first 9 digits of the SIRET");
    }
    if (input.naf && !territory.is_naf_code(*input.naf))
        check.add("naf", "unknown NAF code '" + *input.naf + "'");
    if (input.commune && !territory.commune(*input.commune))
        check.add("commune", "unknown commune code '" + *input.commune + "'");
    if (input.headcount && (*input.headcount < 0 || *input.headcount > 1000000))
        check.add("headcount", "must be between 0 and 1000000");
    if (input.fte && !(*input.fte >= 0 && *input.fte <= 1000000))
        check.add("fte", "must be between 0 and 1000000");
    check.reachable(input.email, input.phone);
    if (input.website && input.website->rfind("http://", 0) != 0 &&
        input.website->rfind("https://", 0) != 0)
        check.add("website", "must start with http:// or https://");
    check.length("address", input.address, 500);
    check.length("website", input.website, 500);
    check.length("description", input.description, kMaxText);
    return check.problems;
}

std::vector<FieldProblem> check_contact(ContactInput& input) {
    input.name = text::trim(input.name);
    for (auto* field : {&input.function, &input.email, &input.phone}) tidy(*field);
    if (input.email) *input.email = accounts::normalise_email(*input.email);
    Checker check;
    if (input.name.empty()) check.add("name", "is required");
    if (input.name.size() > kMaxName) check.add("name", "is too long");
    check.length("function", input.function, kMaxName);
    check.reachable(input.email, input.phone);
    return check.problems;
}

void reject_if_any(const std::vector<FieldProblem>& problems) {
    if (!problems.empty()) throw invalid(problems.front().field, problems.front().reason);
}

}  // namespace maillage::actors
