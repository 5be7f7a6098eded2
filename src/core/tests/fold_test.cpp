// text::fold folds Latin texts by table lookup and everything else with ICU's transliterator.
// These tests hold the result to a second implementation: the transliterator applied to the
// whole text, as fold did before the table existed.
#include <gtest/gtest.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/text.hpp"

using namespace maillage;

namespace {

std::string reference_fold(std::string_view utf8) {
    static std::unique_ptr<icu::Transliterator> transliterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
            "Any-Latin; NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII; Lower", UTRANS_FORWARD,
            status));
        EXPECT_FALSE(U_FAILURE(status));
        return t;
    }();
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
    transliterator->transliterate(u);
    std::string lowered;
    u.toUTF8String(lowered);
    // Words of letters, digits and non-ASCII bytes, one space apart.
    std::string out;
    bool in_gap = false;
    for (unsigned char c : lowered) {
        if (std::isalnum(c) || c >= 0x80) {
            if (in_gap && !out.empty()) out += ' ';
            in_gap = false;
            out += char(std::tolower(c));
        } else {
            in_gap = true;
        }
    }
    return out;
}

std::string utf8_of(char32_t c) {
    char bytes[4];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, c);
    return std::string(bytes, std::size_t(length));
}

const std::vector<std::string> kNames = {
    "Atelier Bâti Solidaire de Saint-Égrève",
    "Cooperativa sociale Lavoro è Futuro di Quartu Sant'Elena",
    "Œuvre des Pupilles — Cœur d’Argent",
    "ÉTANG-SALÉ « Les Hauts »",
    "Associazione Città di Castello · Ça va",
    "L'Haÿ-les-Roses",
    "Straße der Solidarität, Großröhrsdorf",
    "Ærøskøbing Ølstykke",
    "Łódź Gdańsk Wrocław Kraków",
    "Nguyễn Thị Minh Khai, Hồ Chí Minh",
    "Ressourcerie Réemploi d’Anglet… 2ᵉ édition",
    "Café ½ prix – 15 € ™ © №",
    "Ĳsselmeer ǅemal ǈubljana",
    "İstanbul Şişli Ğ ı",
    "Ðakovo Þingvellir ŋ ĸ",
    "Crème brûlée\u00A0à l\u202Fancienne",
    "e\u0301cole nume\u0301rique",
    "Ἀθῆναι Αθήνα",
    "Москва Санкт-Петербург",
    "القاهرة",
    "北京市 東京都",
    "서울특별시",
    "ไทย",
    "Tbilisi თბილისი",
    "Mixed Café Москва Ærø",
    "µ-Atelier ß ẞ",
};

}  // namespace

TEST(Fold, AgreesWithTheTransliteratorOnNamesOfManyScripts) {
    for (const auto& name : kNames) EXPECT_EQ(text::fold(name), reference_fold(name)) << name;
}

// Every code point the table covers, alone and between letters.
TEST(Fold, AgreesWithTheTransliteratorOnEveryLatinCodePoint) {
    const std::pair<char32_t, char32_t> ranges[] = {
        {0x80, 0x24F}, {0x300, 0x36F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F}, {0x20A0, 0x20CF}};
    for (auto [first, last] : ranges)
        for (char32_t c = first; c <= last; ++c) {
            std::string alone = utf8_of(c);
            std::string between = "Ab" + alone + "Cd" + alone + alone + "e";
            ASSERT_EQ(text::fold(alone), reference_fold(alone))
                << "U+" << std::hex << std::uint32_t(c);
            ASSERT_EQ(text::fold(between), reference_fold(between))
                << "U+" << std::hex << std::uint32_t(c);
        }
}

// Random texts: mostly Latin (so that neighbours of every kind meet), some with a character of
// another script, which sends them to the transliterator.
TEST(Fold, AgreesWithTheTransliteratorOnRandomTexts) {
    std::mt19937 random(20261201);
    std::vector<char32_t> latin;
    for (char32_t c = 0x20; c < 0x7F; ++c) latin.push_back(c);
    for (char32_t c = 0xA0; c <= 0x24F; ++c) latin.push_back(c);
    for (char32_t c = 0x300; c <= 0x36F; ++c) latin.push_back(c);
    for (char32_t c = 0x1E00; c <= 0x1EFF; ++c) latin.push_back(c);
    for (char32_t c = 0x2010; c <= 0x2027; ++c) latin.push_back(c);
    latin.push_back(0x20AC);
    const char32_t others[] = {0x3B1,  0x3C3,  0x3C2,  0x416,  0x44F,   0x5D0,  0x627, 0x915,
                               0x4E2D, 0x65E5, 0xAC00, 0x10D0, 0x1F600, 0x2122, 0x2460};
    std::uniform_int_distribution<std::size_t> pick(0, latin.size() - 1);
    std::uniform_int_distribution<std::size_t> pick_other(0, std::size(others) - 1);
    std::uniform_int_distribution<int> length(1, 40), percent(0, 99);
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        int n = length(random);
        bool foreign = percent(random) < 10;
        for (int k = 0; k < n; ++k) {
            int roll = percent(random);
            if (foreign && roll < 8)
                text += utf8_of(others[pick_other(random)]);
            else if (roll < 55)
                text += char('a' + roll % 26);
            else
                text += utf8_of(latin[pick(random)]);
        }
        ASSERT_EQ(text::fold(text), reference_fold(text)) << text;
    }
}

TEST(Fold, InvalidUtf8IsFoldedAsTheTransliteratorDoes) {
    for (std::string bad : {"caf\xE9", "\xC3", "ab\xF0\x9F", "\xC3\xA9\xFF\xC3\xA8"})
        EXPECT_EQ(text::fold(bad), reference_fold(bad));
}
