// JsonWriter must write what nlohmann's dump(-1, ' ', false, replace) writes for the same
// values: the API's answers do not change when a route switches to it.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "core/json.hpp"
#include "core/json_writer.hpp"

using namespace maillage;

namespace {

std::string dumped(const Json& value) {
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string written_string(const std::string& s) {
    std::string out;
    JsonWriter(out).value(s);
    return out;
}

std::string written_number(double d) {
    std::string out;
    JsonWriter(out).value(d);
    return out;
}

}  // namespace

TEST(JsonWriter, StringsAreEscapedAsNlohmannDoes) {
    std::vector<std::string> samples = {"",
                                        "plain",
                                        "quote \" and \\ backslash",
                                        "tab\tnew\nline",
                                        "\b\f\r",
                                        "Œuvre d’Argent — Città",
                                        "\x7f del",
                                        "é\xFF",
                                        "\xC3",
                                        "ab\xF0\x9F",
                                        "\xE2\x82",
                                        "\xED\xA0\x80 surrogate",
                                        "\xC0\xAF overlong",
                                        "\xF4\x90\x80\x80 beyond"};
    for (int c = 0; c < 0x20; ++c) samples.push_back(std::string("x") + char(c) + "y");
    std::mt19937 random(7);
    std::uniform_int_distribution<int> byte(0, 255), length(0, 30);
    for (int i = 0; i < 20000; ++i) {
        std::string s;
        for (int n = length(random); n > 0; --n) s += char(byte(random));
        samples.push_back(s);
    }
    for (const auto& s : samples) ASSERT_EQ(written_string(s), dumped(Json(s))) << s;
}

TEST(JsonWriter, NumbersAreFormattedAsNlohmannDoes) {
    std::vector<double> samples = {0.0,
                                   -0.0,
                                   1.0,
                                   17.5,
                                   43.5417,
                                   -1.46281,
                                   0.1 + 0.2,
                                   1e-7,
                                   1e21,
                                   123456789012345680.0,
                                   std::numeric_limits<double>::min(),
                                   std::numeric_limits<double>::denorm_min(),
                                   std::numeric_limits<double>::max(),
                                   std::nan(""),
                                   std::numeric_limits<double>::infinity()};
    std::mt19937_64 random(11);
    for (int i = 0; i < 20000; ++i) {
        std::uint64_t bits = random();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        samples.push_back(d);
        samples.push_back(std::round(double(random() % 100000000) / 100.0) / 100.0);
    }
    for (double d : samples) ASSERT_EQ(written_number(d), dumped(Json(d))) << d;
    for (std::int64_t n :
         {std::int64_t(0), std::int64_t(-1), std::int64_t(42),
          std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
        std::string out;
        JsonWriter(out).value(n);
        EXPECT_EQ(out, dumped(Json(n)));
    }
}

TEST(JsonWriter, NestedContainersGetTheirCommas) {
    std::string out;
    JsonWriter w(out);
    w.begin_object().key("a").begin_array();
    w.value(1).value("two").null().begin_object().end_object().begin_array().end_array();
    w.begin_object().field("x", true).field("y", std::optional<int>()).end_object();
    w.end_array().field("b", false).field("c", std::optional<std::string>("s")).end_object();
    Json expected = {
        {"a", {1, "two", nullptr, Json::object(), Json::array(), {{"x", true}, {"y", nullptr}}}},
        {"b", false},
        {"c", "s"}};
    EXPECT_EQ(out, dumped(expected));
}
