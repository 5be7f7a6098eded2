#include <gtest/gtest.h>

#include <unicode/uchar.h>

#include <random>

#include "core/error.hpp"
#include "core/text.hpp"
#include "needs/analyzer.hpp"
#include "test_data.hpp"

using namespace maillage;
using namespace maillage::needs;

namespace {

const Languages& languages() {
    static const Languages loaded = Languages::load(test_support::needs_data_dir() + "/languages");
    return loaded;
}

std::vector<std::string> stems_of(Analyzer& analyzer, std::string_view text, const char* lang) {
    std::vector<Word> words;
    analyzer.analyse(text, languages().index_of(lang), words);
    std::vector<std::string> out;
    for (const auto& w : words) out.push_back(analyzer.stem(w.stem));
    return out;
}

std::vector<std::string> surfaces_of(Analyzer& analyzer, std::string_view text, const char* lang) {
    std::vector<Word> words;
    analyzer.analyse(text, languages().index_of(lang), words);
    std::vector<std::string> out;
    for (const auto& w : words) out.emplace_back(text.substr(w.begin, w.end - w.begin));
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(char(cp));
    } else if (cp < 0x800) {
        out.push_back(char(0xC0 | (cp >> 6)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(char(0xE0 | (cp >> 12)));
        out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(char(0x80 | (cp & 0x3F)));
    }
}

}  // namespace

TEST(FoldWord, AgreesWithIcuOnEveryLatinLetterAndOnRandomWords) {
    // The oracle is text::fold, which runs ICU's transliterator on the whole word.
    for (char32_t cp = 0x20; cp < 0x250; ++cp) {
        if (!u_isalnum(UChar32(cp))) continue;  // only letters and digits make words
        std::string word = "a";
        append_utf8(word, cp);
        word += "b";
        // ICU spells a few obsolete letters with punctuation (U+0149 ŉ is "'n"), which
        // splits the word for text::fold; fold_word keeps the word whole.
        if (text::fold(word).find(' ') != std::string::npos) continue;
        EXPECT_EQ(fold_word(word), text::fold(word)) << "U+" << std::hex << unsigned(cp);
    }
    std::mt19937 random(7);
    const char32_t alphabet[] = {U'a', U'é', U'È', U'ç', U'Œ', U'ß', U'ù', U'Ï', U'ô', U'ñ',
                                 U'Z', U'3', U'ł', U'ø', U'Å', U'æ', U'ÿ', U'ğ', U'ș', U'ǆ'};
    for (int i = 0; i < 2000; ++i) {
        std::string word;
        int length = 1 + int(random() % 12);
        for (int k = 0; k < length; ++k)
            append_utf8(word, alphabet[random() % std::size(alphabet)]);
        EXPECT_EQ(fold_word(word), text::fold(word)) << word;
    }
    // Outside the table, fold_word hands the word to ICU.
    EXPECT_EQ(fold_word("Ελλάδα"), text::fold("Ελλάδα"));
}

TEST(FoldText, AgreesWithIcuOnSentences) {
    for (const char* sentence :
         {"Plus d'Épiceries, ni de BUS — depuis 2019 !", "C'è più il negozio: l'anziano è solo.",
          "  L'œuvre   de Gaël à Saint-André-de-Seignanx  ", "Ελλάδα et Tarnos"})
        EXPECT_EQ(fold_text(sentence), text::fold(sentence)) << sentence;
}

TEST(Analyzer, StemsFrenchWordsSoThatInflectionsAndAccentsMeet) {
    Analyzer analyzer(languages());
    auto a = stems_of(analyzer, "Les épiceries du village", "fr");
    auto b = stems_of(analyzer, "une EPICERIE au village", "fr");
    ASSERT_EQ(a.size(), 2u);  // "les", "du", "une", "au" are stop words
    EXPECT_EQ(a, b);
    EXPECT_EQ(stems_of(analyzer, "transports", "fr"), stems_of(analyzer, "transport", "fr"));
    EXPECT_EQ(stems_of(analyzer, "coopératives", "fr"), stems_of(analyzer, "coopérative", "fr"));
}

TEST(Analyzer, DropsElisionsButKeepsTheWordAfterThem) {
    Analyzer analyzer(languages());
    EXPECT_EQ(surfaces_of(analyzer, "l'épicerie d’Ondres qu'on attend", "fr"),
              (std::vector<std::string>{"épicerie", "Ondres", "attend"}));
    EXPECT_EQ(surfaces_of(analyzer, "dell'acqua e l'energia", "it"),
              (std::vector<std::string>{"acqua", "energia"}));
    // An apostrophe after a word that is not an elision only separates words.
    EXPECT_EQ(surfaces_of(analyzer, "aujourd'hui", "fr"),
              (std::vector<std::string>{"aujourd", "hui"}));
}

TEST(Analyzer, LeavesOutStopWordsNumbersAndSingleLetters) {
    Analyzer analyzer(languages());
    EXPECT_TRUE(stems_of(analyzer, "de la et 15 2024 x", "fr").empty());
    EXPECT_EQ(stems_of(analyzer, "a 15 km", "fr").size(), 1u);
    EXPECT_EQ(stems_of(analyzer, "il negozio di alimentari", "it").size(), 2u);
}

TEST(Analyzer, ItalianStemmerMergesPlurals) {
    Analyzer analyzer(languages());
    EXPECT_EQ(stems_of(analyzer, "negozi", "it"), stems_of(analyzer, "negozio", "it"));
    EXPECT_EQ(stems_of(analyzer, "servizi", "it"), stems_of(analyzer, "servizio", "it"));
    EXPECT_EQ(stems_of(analyzer, "cooperative", "it"), stems_of(analyzer, "cooperativa", "it"));
    EXPECT_NE(stems_of(analyzer, "anziani", "it"), stems_of(analyzer, "bambini", "it"));
}

TEST(Analyzer, ReportsByteRangesOfTheWordsAsWritten) {
    Analyzer analyzer(languages());
    std::string text = "Créer une Épicerie-café";
    std::vector<Word> words;
    analyzer.analyse(text, languages().index_of("fr"), words);
    ASSERT_EQ(words.size(), 3u);
    EXPECT_EQ(text.substr(words[0].begin, words[0].end - words[0].begin), "Créer");
    EXPECT_EQ(text.substr(words[1].begin, words[1].end - words[1].begin), "Épicerie");
    EXPECT_EQ(text.substr(words[2].begin, words[2].end - words[2].begin), "café");
}

TEST(Languages, RefusesAnUnknownStemmerOrAMalformedDocument) {
    EXPECT_THROW(Languages::from_json(Json{{"code", "xx"}, {"stemmer", "klingon"}}, "xx.json"),
                 maillage::Error);
    EXPECT_THROW(Languages::from_json(Json{{"code", "fr"}}, "fr.json"), maillage::Error);
    EXPECT_THROW(Languages::from_json(
                     Json{{"code", "fr"}, {"stemmer", "french"}, {"stop_words", "le"}}, "fr.json"),
                 maillage::Error);
    auto ok = Languages::from_json(
        Json{{"code", "es"}, {"stemmer", "spanish"}, {"stop_words", {"él", "de"}}}, "es.json");
    EXPECT_EQ(ok.stop_words.count("el"), 1u);  // folded
}
