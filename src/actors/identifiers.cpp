#include "actors/identifiers.hpp"

#include <algorithm>
#include <array>

namespace maillage::actors {
namespace {

constexpr std::string_view la_poste_siren = "356000000";
constexpr std::string_view la_poste_head_office = "35600000000048";

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
int digit_value(char c) {
    return c - '0';
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

bool all_zeros(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == '0'; });
}

int digit_sum(std::string_view digits) {
    int sum = 0;
    for (char c : digits) sum += digit_value(c);
    return sum;
}

// Length of the whitespace starting `s`, 0 when there is none: spaces, tabs, and the no-break
// spaces that French typography puts between groups of digits.
std::size_t whitespace_length(std::string_view s) {
    if (s.starts_with(' ') || s.starts_with('\t')) return 1;
    if (s.starts_with("\xC2\xA0")) return 2;      // U+00A0 no-break space
    if (s.starts_with("\xE2\x80\xAF")) return 3;  // U+202F narrow no-break space
    return 0;
}

// Luhn doubling: a doubled digit above 9 counts as the sum of its two digits.
int doubled(int digit) {
    return digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
}

// --- Italian codice fiscale -----------------------------------------------------------------

// Omocodia: when two people would get the same code, digits are replaced, from the right,
// by these letters (L = 0 ... V = 9).
constexpr std::string_view omocodia_letters = "LMNPQRSTUV";
// Months of birth, January to December.
constexpr std::string_view month_letters = "ABCDEHLMPRST";
constexpr std::array<int, 12> days_in_month = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
// Values of the characters in odd positions (1st, 3rd...) for the check letter, for digits
// 0-9 and letters A-Z alike (the official table: A and 0 are worth 1, B and 1 are worth 0...).
constexpr std::array<int, 26> odd_position_values = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

// Positions (0-based) that hold digits, or omocodia letters: year, day, place of birth.
constexpr std::array<std::size_t, 7> numeric_positions = {6, 7, 9, 10, 12, 13, 14};

bool is_numeric_position(std::size_t position) {
    return std::find(numeric_positions.begin(), numeric_positions.end(), position) !=
           numeric_positions.end();
}

// The digit a numeric position stands for, omocodia undone; -1 when it is neither.
int numeric_value(char c) {
    if (is_digit(c)) return digit_value(c);
    auto letter = omocodia_letters.find(c);
    return letter == std::string_view::npos ? -1 : static_cast<int>(letter);
}

// Letters and digits are worth their rank in odd and even positions alike: '0' like 'A'.
int rank(char c) {
    return is_digit(c) ? digit_value(c) : c - 'A';
}

char codice_fiscale_check_letter(std::string_view first15) {
    int sum = 0;
    for (std::size_t i = 0; i < first15.size(); ++i) {
        int value = rank(first15[i]);
        // Positions are counted from 1, so index 0 is an odd position.
        sum += i % 2 == 0 ? odd_position_values[static_cast<std::size_t>(value)] : value;
    }
    return static_cast<char>('A' + sum % 26);
}

bool has_codice_fiscale_shape(std::string_view code) {
    for (std::size_t i = 0; i < 15; ++i) {
        bool ok = is_numeric_position(i) ? numeric_value(code[i]) >= 0 : is_upper(code[i]);
        if (!ok) return false;
    }
    return is_upper(code[15]) && month_letters.find(code[8]) != std::string_view::npos;
}

// Women have 40 added to their day of birth. The year has two digits only, so 29 February is
// accepted in any year.
bool has_valid_birth_day(std::string_view code) {
    int day = numeric_value(code[9]) * 10 + numeric_value(code[10]);
    if (day > 40) day -= 40;
    auto month = month_letters.find(code[8]);
    return day >= 1 && day <= days_in_month[month];
}

std::optional<std::string> person_codice_fiscale_problem(std::string_view code) {
    if (!has_codice_fiscale_shape(code)) {
        return "is not a codice fiscale: expected 6 letters, 2 digits, a month letter, 2 digits, "
               "a letter, 3 digits and a check letter";
    }
    if (!has_valid_birth_day(code)) return "has an impossible birth day";
    if (codice_fiscale_check_letter(code.substr(0, 15)) != code[15])
        return "fails the check letter";
    return std::nullopt;
}

// Agenzia delle Entrate: digits in odd positions count as they are, digits in even positions
// are doubled (minus 9 above 9); the 11th digit brings the sum to a multiple of 10.
std::optional<std::string> numeric_codice_fiscale_problem(std::string_view code) {
    if (all_zeros(code)) return "cannot be all zeros";
    int sum = 0;
    for (std::size_t i = 0; i < 10; ++i) {
        int digit = digit_value(code[i]);
        sum += i % 2 == 0 ? digit : doubled(digit);
    }
    int check = (10 - sum % 10) % 10;
    if (check != digit_value(code[10])) return "fails the check digit";
    return std::nullopt;
}

}  // namespace

std::string normalise_identifier(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    std::size_t i = 0;
    while (i < raw.size()) {
        if (std::size_t space = whitespace_length(raw.substr(i))) {
            i += space;
            continue;
        }
        char c = raw[i++];
        out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return out;
}

bool luhn_valid(std::string_view digits) {
    if (!all_digits(digits)) return false;
    int sum = 0;
    // From the right, every second digit is doubled (the check digit itself is not).
    for (std::size_t from_right = 0; from_right < digits.size(); ++from_right) {
        int digit = digit_value(digits[digits.size() - 1 - from_right]);
        sum += from_right % 2 == 1 ? doubled(digit) : digit;
    }
    return sum % 10 == 0;
}

std::optional<std::string> siren_problem(std::string_view siren) {
    if (siren.size() != 9 || !all_digits(siren)) return "must be 9 digits";
    if (all_zeros(siren)) return "cannot be all zeros";
    if (!luhn_valid(siren)) return "fails the Luhn check";
    return std::nullopt;
}

std::optional<std::string> siret_problem(std::string_view siret) {
    if (siret.size() != 14 || !all_digits(siret)) return "must be 14 digits";
    if (auto problem = siren_problem(siren_of_siret(siret)))
        return "has an invalid SIREN (first 9 digits): " + *problem;
    bool la_poste_rule = siret.starts_with(la_poste_siren) && siret != la_poste_head_office;
    if (la_poste_rule && digit_sum(siret) % 5 != 0)
        return "fails the La Poste check (the sum of its digits must be a multiple of 5)";
    if (!la_poste_rule && !luhn_valid(siret)) return "fails the Luhn check";
    return std::nullopt;
}

std::string siren_of_siret(std::string_view siret) {
    return std::string(siret.substr(0, 9));
}

std::optional<std::string> rna_problem(std::string_view rna) {
    bool valid = rna.size() == 10 && rna[0] == 'W' && is_digit(rna[1]) &&
                 (is_digit(rna[2]) || is_upper(rna[2])) && all_digits(rna.substr(3));
    if (!valid) return "must be W followed by 9 digits";
    return std::nullopt;
}

std::optional<std::string> it_tax_code_problem(std::string_view code) {
    if (code.size() == 11 && all_digits(code)) return numeric_codice_fiscale_problem(code);
    if (code.size() == 16) return person_codice_fiscale_problem(code);
    if (code.size() == 13 && code.starts_with("IT") && all_digits(code.substr(2)))
        return "must be given without the IT country prefix";
    return "must be 11 digits (partita IVA or codice fiscale of an organisation) or 16 characters "
           "(codice fiscale of a person)";
}

}  // namespace maillage::actors
