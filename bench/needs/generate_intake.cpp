// needs_generate: synthetic intake records on real communes (French in French, Sardinian and
// Tuscan comuni in Italian), with planted families of near-duplicate proposals, for the
// benchmarks and the streaming check. Deterministic for a given seed.
//
//   needs_generate --count 104682 --seed 1 --format csv --output intake.csv [--truth truth.csv]
//                  [--areas FR-40,FR-64,IT-20,IT-09] [--family-share 0.35] [--latin1]
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

#include "core/json.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "io/table_writer.hpp"
#include "needs/record_table.hpp"
#include "needs/synthetic.hpp"

using namespace maillage;

namespace {

struct Options {
    std::size_t count = 1000;
    std::uint64_t seed = 1;
    std::string format = "csv", output, truth;
    needs::SyntheticOptions synthetic;
    bool latin1 = false;
};

[[noreturn]] void usage(const char* why) {
    std::fprintf(
        stderr,
        "%s\nusage: needs_generate --count N [--seed S] [--format csv|json|jsonl] --output FILE "
        "[--truth FILE] [--areas FR-40,IT-20] [--family-share 0.35] [--latin1]\n",
        why);
    std::exit(2);
}

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        auto end = s.find(',', start);
        if (end == std::string::npos) end = s.size();
        if (end > start) out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(("missing value after " + a).c_str());
            return argv[++i];
        };
        if (a == "--count")
            o.count = std::stoull(value());
        else if (a == "--seed")
            o.seed = std::stoull(value());
        else if (a == "--format")
            o.format = value();
        else if (a == "--output")
            o.output = value();
        else if (a == "--truth")
            o.truth = value();
        else if (a == "--areas")
            o.synthetic.areas = split(value());
        else if (a == "--family-share")
            o.synthetic.family_share = std::stod(value());
        else if (a == "--latin1")
            o.latin1 = true;
        else
            usage(("unknown option " + a).c_str());
    }
    if (o.output.empty()) usage("--output is required");
    if (o.format != "csv" && o.format != "json" && o.format != "jsonl")
        usage("--format is csv, json or jsonl");
    if (o.latin1 && o.format != "csv") usage("--latin1 goes with --format csv");
    o.synthetic.seed = o.seed;
    return o;
}

// UTF-8 to Latin-1 for the characters French and Italian texts use (others become '?').
std::string to_latin1(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(char(c));
        } else if ((c == 0xC2 || c == 0xC3) && i + 1 < s.size()) {
            out.push_back(char(((c & 0x1F) << 6) | (static_cast<unsigned char>(s[++i]) & 0x3F)));
        } else {
            while (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) ++i;
            out.push_back('?');
        }
    }
    return out;
}

Json record_json(const needs::RecordInput& r) {
    Json j = Json::object();
    const auto& columns = needs::record_columns();
    auto row = needs::to_row(r);
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (!row[i].empty()) j[columns[i]] = row[i];
    return j;
}

}  // namespace

int main(int argc, char** argv) {
    Options o = parse(argc, argv);
    auto territory = territory::Territory::load(paths::reference_dir());
    needs::SyntheticIntake generator(paths::data_dir(), territory, o.synthetic);
    std::ofstream out(o.output, std::ios::binary);
    if (!out) usage(("cannot write " + o.output).c_str());
    std::ofstream truth;
    if (!o.truth.empty()) {
        truth.open(o.truth);
        truth << "record_id,family,category\n";
    }
    std::ostringstream line;
    auto csv = o.format == "csv"
                   ? io::make_csv_writer(o.latin1 ? static_cast<std::ostream&>(line) : out, ';')
                   : nullptr;
    if (csv) {
        csv->write_header(needs::record_columns());
        if (o.latin1) {
            out << to_latin1(line.str());
            line.str("");
        }
    }
    if (o.format == "json") out << "[\n";
    for (std::size_t i = 0; i < o.count; ++i) {
        auto r = generator.next();
        if (csv) {
            csv->write_row(needs::to_row(r.record));
            if (o.latin1) {
                out << to_latin1(line.str());
                line.str("");
            }
        } else {
            out << (o.format == "json" && i ? ",\n" : "") << record_json(r.record).dump();
            if (o.format == "jsonl") out << "\n";
        }
        if (truth.is_open())
            truth << r.record.record_id << ',' << r.family << ',' << r.category << '\n';
        if ((i + 1) % 100000 == 0) std::fprintf(stderr, "%zu records\n", i + 1);
    }
    if (csv) csv->finish();
    if (o.latin1) out << to_latin1(line.str());
    if (o.format == "json") out << "\n]\n";
    out.close();
    std::fprintf(stderr, "wrote %zu records to %s\n", o.count, o.output.c_str());
    return out ? 0 : 1;
}
