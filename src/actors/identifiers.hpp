#pragma once
// Official identifiers of organisations, checked locally (format and check digits; whether the
// number was ever assigned needs the registries). Each *_problem function takes a normalised
// identifier and returns nullopt when it is valid, otherwise the reason in plain English,
// ready to follow the field name in a message ("siret: fails the Luhn check").
#include <optional>
#include <string>
#include <string_view>

namespace maillage::actors {

// What people type, as stored: spaces, tabs and no-break spaces (French number grouping
// "356 000 000 00048") removed, ASCII letters upper-cased ("w751234567" -> "W751234567").
std::string normalise_identifier(std::string_view raw);

// True when the digits pass the Luhn check (false for an empty or non-digit string).
bool luhn_valid(std::string_view digits);

// SIREN, the French company number: 9 digits, Luhn check.
std::optional<std::string> siren_problem(std::string_view siren);

// SIRET, the number of one establishment: the SIREN and a 5-digit NIC, Luhn check over the
// 14 digits. La Poste (SIREN 356000000) numbers its establishments so that the sum of the
// digits is a multiple of 5 instead, except its head office 35600000000048, which follows Luhn.
std::optional<std::string> siret_problem(std::string_view siret);

// The SIREN part (first 9 digits) of a SIRET.
std::string siren_of_siret(std::string_view siret);

// RNA, the number of a French association: "W" and 9 digits, the third character being a
// letter for some prefectures (Corsica's 2A and 2B: "W2A1002345"). No check digit.
std::optional<std::string> rna_problem(std::string_view rna);

// Italian codice fiscale: either 11 digits (organisations; the same number and check digit as
// the partita IVA), or 16 characters for a person (surname, name, birth date and place, check
// letter), where "omocodia" may replace digits by the letters L M N P Q R S T U V.
std::optional<std::string> it_tax_code_problem(std::string_view code);

}  // namespace maillage::actors
