// Expected values were computed independently of this code, with the Python script at the end
// of this file; public examples come from INSEE and the Agenzia delle Entrate documentation
// as reproduced by python-stdnum.
#include <gtest/gtest.h>

#include "actors/identifiers.hpp"

using namespace maillage::actors;

namespace {

// Every variant of `valid` with one character changed: digits + 1 (9 -> 0), letters to the
// next one (Z -> A).
std::vector<std::string> one_character_changed(const std::string& valid) {
    std::vector<std::string> variants;
    for (std::size_t i = 0; i < valid.size(); ++i) {
        std::string variant = valid;
        char& c = variant[i];
        if (c >= '0' && c <= '9')
            c = static_cast<char>('0' + (c - '0' + 1) % 10);
        else
            c = static_cast<char>('A' + (c - 'A' + 1) % 26);
        variants.push_back(variant);
    }
    return variants;
}

}  // namespace

TEST(Identifiers, NormaliseRemovesSpacesAndUpperCases) {
    EXPECT_EQ(normalise_identifier(" 356 000 000\t00048 "), "35600000000048");
    EXPECT_EQ(normalise_identifier("732\xC2\xA0"
                                   "829\xE2\x80\xAF"
                                   "320"),
              "732829320");
    EXPECT_EQ(normalise_identifier("w751234567"), "W751234567");
    EXPECT_EQ(normalise_identifier("rccmnl83s18d969h"), "RCCMNL83S18D969H");
    EXPECT_EQ(normalise_identifier("732.829.320"), "732.829.320");  // only spaces go
}

TEST(Identifiers, Luhn) {
    EXPECT_TRUE(luhn_valid("732829320"));
    EXPECT_FALSE(luhn_valid("732829321"));
    EXPECT_FALSE(luhn_valid(""));
    EXPECT_FALSE(luhn_valid("73282932a"));
}

TEST(Identifiers, ValidSirens) {
    for (const char* siren :
         {"732829320", "552100554", "356000000", "729436485", "375689346", "858137284"}) {
        EXPECT_EQ(siren_problem(siren), std::nullopt) << siren;
    }
}

TEST(Identifiers, SirenWithOneDigitChangedIsInvalid) {
    for (const char* valid : {"732829320", "552100554", "356000000", "729436485"}) {
        for (const auto& changed : one_character_changed(valid))
            EXPECT_EQ(siren_problem(changed), "fails the Luhn check") << changed;
    }
}

TEST(Identifiers, SirenFormatProblems) {
    EXPECT_EQ(siren_problem("73282932"), "must be 9 digits");
    EXPECT_EQ(siren_problem("7328293200"), "must be 9 digits");
    EXPECT_EQ(siren_problem("73282932O"), "must be 9 digits");
    EXPECT_EQ(siren_problem("732 829 320"), "must be 9 digits");
    EXPECT_EQ(siren_problem(""), "must be 9 digits");
    EXPECT_EQ(siren_problem("000000000"), "cannot be all zeros");
}

TEST(Identifiers, ValidSirets) {
    for (const char* siret :
         {"73282932000074", "13002526500013", "47167823556552", "46776474230308",
          // La Poste's head office follows Luhn...
          "35600000000048",
          // ...its establishments have a digit sum multiple of 5 and
          // fail Luhn.
          "35600000000001", "35600000000010", "35600000000015"}) {
        EXPECT_EQ(siret_problem(siret), std::nullopt) << siret;
    }
    EXPECT_FALSE(luhn_valid("35600000000001"));
}

TEST(Identifiers, SiretWithOneDigitChangedIsInvalid) {
    for (const char* valid : {"73282932000074", "13002526500013", "47167823556552",
                              "35600000000048", "35600000000001", "35600000000010"}) {
        for (const auto& changed : one_character_changed(valid))
            EXPECT_NE(siret_problem(changed), std::nullopt) << changed;
    }
}

TEST(Identifiers, SiretProblemsSayWhy) {
    EXPECT_EQ(siret_problem("7328293200007"), "must be 14 digits");
    EXPECT_EQ(siret_problem("73282932000075"), "fails the Luhn check");
    // Luhn-valid, but a La Poste establishment must have a digit sum multiple of 5.
    ASSERT_TRUE(luhn_valid("35600000000014"));
    EXPECT_EQ(siret_problem("35600000000014"),
              "fails the La Poste check (the sum of its digits must be a multiple of 5)");
    // Luhn-valid over 14 digits, but the SIREN inside is not.
    ASSERT_TRUE(luhn_valid("73282932100015"));
    EXPECT_EQ(siret_problem("73282932100015"),
              "has an invalid SIREN (first 9 digits): fails the Luhn check");
}

TEST(Identifiers, SirenOfSiret) {
    EXPECT_EQ(siren_of_siret("73282932000074"), "732829320");
    EXPECT_EQ(siren_of_siret("35600000000048"), "356000000");
}

TEST(Identifiers, Rna) {
    EXPECT_EQ(rna_problem("W751515517"), std::nullopt);
    EXPECT_EQ(rna_problem("W2A1002345"), std::nullopt);  // Corse-du-Sud
    EXPECT_EQ(rna_problem("W2B1000123"), std::nullopt);  // Haute-Corse
    for (const char* bad : {"w751515517", "W75151551", "W7515155170", "751515517", "WW51515517",
                            "W75151551A", "WA51515517", ""}) {
        EXPECT_EQ(rna_problem(bad), "must be W followed by 9 digits") << bad;
    }
    EXPECT_EQ(rna_problem(normalise_identifier("w 751 515 517")), std::nullopt);
}

TEST(Identifiers, ItalianNumericCodes) {
    for (const char* code :
         {"00743110157", "01234567897", "12345678903", "80213330584", "97000000006"}) {
        EXPECT_EQ(it_tax_code_problem(code), std::nullopt) << code;
        for (const auto& changed : one_character_changed(code))
            EXPECT_EQ(it_tax_code_problem(changed), "fails the check digit") << changed;
    }
    EXPECT_EQ(it_tax_code_problem("00000000000"), "cannot be all zeros");
    EXPECT_EQ(it_tax_code_problem("IT00743110157"), "must be given without the IT country prefix");
    EXPECT_NE(it_tax_code_problem("0074311015"), std::nullopt);
    EXPECT_NE(it_tax_code_problem(""), std::nullopt);
}

TEST(Identifiers, ItalianPersonalCodes) {
    for (const char* code : {"RCCMNL83S18D969H", "CNTCHR83T41D969D", "RSSMRA85T10A562S",
                             // omocodia: the last digit, then every digit, replaced by letters
                             "RSSMRA85T10A56NH", "RSSMRAURTMLARSNL"}) {
        EXPECT_EQ(it_tax_code_problem(code), std::nullopt) << code;
        for (const auto& changed : one_character_changed(code))
            EXPECT_NE(it_tax_code_problem(changed), std::nullopt) << changed;
    }
}

TEST(Identifiers, ItalianPersonalCodeProblemsSayWhy) {
    EXPECT_EQ(it_tax_code_problem("RCCMNL83S18D969A"), "fails the check letter");
    // Month letter F does not exist (months are A B C D E H L M P R S T).
    EXPECT_NE(it_tax_code_problem("RCCMNL83F18D969H")->find("is not a codice fiscale"),
              std::string::npos);
    // Day 35 is neither a man's day (1-31) nor a woman's (41-71).
    EXPECT_EQ(it_tax_code_problem("RCCMNL83S35D969H"), "has an impossible birth day");
    // 30 February, whatever the check letter.
    EXPECT_EQ(it_tax_code_problem("RCCMNL83B30D969H"), "has an impossible birth day");
    EXPECT_NE(it_tax_code_problem("rccmnl83s18d969h"), std::nullopt);  // not normalised
}

/* The script that computed the literals above (python3):

def luhn_ok(s):
    total = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9: d -= 9
        total += d
    return total % 10 == 0

def luhn_complete(prefix):            # SIREN / SIRET check digit
    for c in "0123456789":
        if luhn_ok(prefix + c): return prefix + c

def iva_check(first10):               # partita IVA / numeric codice fiscale
    s = 0
    for i, ch in enumerate(first10):
        d = int(ch)
        if (i + 1) % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        s += d
    return str((10 - s % 10) % 10)

odd_values = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10,
              22, 25, 24, 23]
ODD = {**{c: odd_values[i] for i, c in enumerate("0123456789")},
       **{c: odd_values[i] for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}}
EVEN = {**{c: i for i, c in enumerate("0123456789")},
        **{c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}}

def cf_check(first15):                # codice fiscale of a person
    s = sum(ODD[c] if (i + 1) % 2 == 1 else EVEN[c] for i, c in enumerate(first15))
    return chr(ord('A') + s % 26)

La Poste establishments: "356000000" + NIC with sum(digits) % 5 == 0 and not luhn_ok.
Omocodia: digit d at positions 7, 8, 10, 11, 13, 14, 15 replaced by "LMNPQRSTUV"[d].
*/
