#include "network/matrix_xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <vector>

#include "core/error.hpp"
#include "network/analysis_json.hpp"

namespace maillage::network {
namespace {

// The workbook's own headings; labels of natures, objects and missions come from the data.
struct Headings {
    const char *matrix, *legend, *relations, *corner, *nature, *abbreviation, *weight, *colour,
        *from, *to, *object, *intensity, *mission, *derived, *every_mission;
};
const Headings kFrench = {"Grille II", "Légende",     "Relations",      "Acteurs → / ↓",
                          "Nature",    "Abréviation", "Poids",          "Couleur",
                          "De",        "Vers",        "Objet",          "Intensité",
                          "Mission",   "dérivée",     "toutes missions"};
const Headings kItalian = {
    "Griglia II",    "Legenda",   "Relazioni", "Attori → / ↓", "Natura",
    "Abbreviazione", "Peso",      "Colore",    "Da",           "Verso",
    "Oggetto",       "Intensità", "Missione",  "derivata",     "tutte le missioni"};
const Headings kEnglish = {"Grid II", "Legend",       "Relations",    "Actors → / ↓",
                           "Nature",  "Abbreviation", "Weight",       "Colour",
                           "From",    "To",           "Object",       "Intensity",
                           "Mission", "derived",      "every mission"};

const Headings& headings(const std::string& language) {
    return language == "it" ? kItalian : language == "en" ? kEnglish : kFrench;
}

lxw_color_t colour_value(const std::string& hex) {
    unsigned value = 0x666666;
    std::sscanf(hex.c_str(), "#%06x", &value);
    return lxw_color_t(value);
}

std::string lookup(const std::map<std::string, std::string>& map, const std::string& key) {
    auto it = map.find(key);
    return it == map.end() ? key : it->second;
}

class Workbook {
  public:
    explicit Workbook(const std::string& path) {
        workbook_ = workbook_new(path.c_str());
        if (!workbook_) throw Error(ErrorCode::internal, "cannot create the XLSX file");
    }
    ~Workbook() {
        if (workbook_) lxw_workbook_free(workbook_);
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    lxw_worksheet* sheet(const char* name) { return workbook_add_worksheet(workbook_, name); }
    lxw_format* format() { return workbook_add_format(workbook_); }
    void close() {
        lxw_error result = workbook_close(workbook_);
        workbook_ = nullptr;
        if (result != LXW_NO_ERROR)
            throw Error(ErrorCode::internal,
                        std::string("writing the XLSX file failed: ") + lxw_strerror(result));
    }

  private:
    lxw_workbook* workbook_ = nullptr;
};

struct Formats {
    lxw_format *heading, *rotated, *plain;
    std::map<std::string, lxw_format*> nature;
};

Formats make_formats(Workbook& book, const MatrixLabels& labels) {
    Formats f{book.format(), book.format(), book.format(), {}};
    format_set_bold(f.heading);
    format_set_text_wrap(f.heading);
    format_set_align(f.heading, LXW_ALIGN_VERTICAL_TOP);
    format_set_bold(f.rotated);
    format_set_rotation(f.rotated, 90);
    format_set_align(f.rotated, LXW_ALIGN_CENTER);
    format_set_border(f.plain, LXW_BORDER_THIN);
    for (const auto& [code, look] : labels.natures) {
        auto* cell = book.format();
        format_set_bg_color(cell, colour_value(look.colour));
        format_set_font_color(cell, LXW_COLOR_WHITE);  // nature colours are dark (contrast)
        format_set_bold(cell);
        format_set_text_wrap(cell);
        format_set_border(cell, LXW_BORDER_THIN);
        format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
        f.nature[code] = cell;
    }
    return f;
}

std::string cell_text(const Graph& g, const Edge& e, const MatrixLabels& labels, const Headings& h,
                      bool with_mission) {
    const auto& code = g.natures[e.nature].code;
    auto look = labels.natures.find(code);
    std::string text = look == labels.natures.end() ? code : look->second.abbreviation;
    if (!g.objects[e.object].empty()) text += " · " + lookup(labels.objects, g.objects[e.object]);
    text += " · " + lookup(labels.intensities, number_text(e.intensity));
    if (with_mission && !g.missions[e.mission].empty())
        text += " (" + lookup(labels.missions, g.missions[e.mission]) + ")";
    if (e.derived) text += std::string(" [") + h.derived + "]";
    return text;
}

void write_matrix(Workbook& book, const Formats& f, const Graph& g, const MatrixLabels& labels,
                  const Headings& h) {
    auto* sheet = book.sheet(h.matrix);
    std::size_t n = g.nodes.size();
    std::set<std::uint16_t> missions;
    for (const auto& e : g.edges) missions.insert(e.mission);
    bool with_mission = missions.size() > 1;
    std::vector<std::vector<std::string>> text(n, std::vector<std::string>(n));
    std::vector<std::vector<std::string>> nature(n, std::vector<std::string>(n));
    for (const auto& e : g.edges) {
        auto& cell = text[std::size_t(e.from)][std::size_t(e.to)];
        cell += (cell.empty() ? "" : "\n") + cell_text(g, e, labels, h, with_mission);
        auto& first = nature[std::size_t(e.from)][std::size_t(e.to)];
        if (first.empty()) first = g.natures[e.nature].code;
    }
    worksheet_write_string(sheet, 0, 0, h.corner, f.heading);
    worksheet_set_column(sheet, 0, 0, 32, nullptr);
    worksheet_set_row(sheet, 0, 120, nullptr);
    for (std::size_t c = 0; c < n; ++c) {
        worksheet_write_string(sheet, 0, lxw_col_t(c + 1), g.nodes[c].label.c_str(), f.rotated);
        worksheet_set_column(sheet, lxw_col_t(c + 1), lxw_col_t(c + 1), 16, nullptr);
    }
    for (std::size_t r = 0; r < n; ++r) {
        worksheet_write_string(sheet, lxw_row_t(r + 1), 0, g.nodes[r].label.c_str(), f.heading);
        for (std::size_t c = 0; c < n; ++c) {
            auto format = f.nature.find(nature[r][c]);
            if (text[r][c].empty()) {
                worksheet_write_blank(sheet, lxw_row_t(r + 1), lxw_col_t(c + 1), f.plain);
                continue;
            }
            worksheet_write_string(sheet, lxw_row_t(r + 1), lxw_col_t(c + 1), text[r][c].c_str(),
                                   format == f.nature.end() ? f.plain : format->second);
        }
    }
    worksheet_freeze_panes(sheet, 1, 1);
}

void write_legend(Workbook& book, const Formats& f, const MatrixLabels& labels, const Headings& h) {
    auto* sheet = book.sheet(h.legend);
    const char* columns[] = {h.abbreviation, h.nature, h.weight, h.colour};
    for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(sheet, 0, c, columns[c], f.heading);
    worksheet_set_column(sheet, 0, 3, 20, nullptr);
    lxw_row_t row = 1;
    for (const auto& [code, look] : labels.natures) {
        worksheet_write_string(sheet, row, 0, look.abbreviation.c_str(), f.nature.at(code));
        worksheet_write_string(sheet, row, 1, look.label.c_str(), nullptr);
        worksheet_write_number(sheet, row, 2, look.weight, nullptr);
        worksheet_write_string(sheet, row, 3, look.colour.c_str(), nullptr);
        ++row;
    }
}

void write_relations(Workbook& book, const Formats& f, const Graph& g, const MatrixLabels& labels,
                     const Headings& h) {
    auto* sheet = book.sheet(h.relations);
    const char* columns[] = {h.from, h.to, h.nature, h.object, h.intensity, h.mission, h.derived};
    for (lxw_col_t c = 0; c < 7; ++c) worksheet_write_string(sheet, 0, c, columns[c], f.heading);
    worksheet_set_column(sheet, 0, 1, 32, nullptr);
    worksheet_set_column(sheet, 2, 6, 18, nullptr);
    worksheet_freeze_panes(sheet, 1, 0);
    lxw_row_t row = 1;
    for (const auto& e : g.edges) {
        const auto& code = g.natures[e.nature].code;
        auto look = labels.natures.find(code);
        const auto& mission = g.missions[e.mission];
        std::string cells[] = {g.nodes[std::size_t(e.from)].label,
                               g.nodes[std::size_t(e.to)].label,
                               look == labels.natures.end() ? code : look->second.label,
                               lookup(labels.objects, g.objects[e.object]),
                               lookup(labels.intensities, number_text(e.intensity)),
                               mission.empty() ? h.every_mission : lookup(labels.missions, mission),
                               e.derived ? h.derived : ""};
        for (lxw_col_t c = 0; c < 7; ++c)
            if (!cells[c].empty()) worksheet_write_string(sheet, row, c, cells[c].c_str(), nullptr);
        ++row;
    }
}

}  // namespace

std::string matrix_xlsx(const Graph& graph, const MatrixLabels& labels) {
    if (graph.nodes.size() > 16000)
        throw invalid("actors",
                      "too many actors for a spreadsheet matrix (16,000 columns at most)");
    // libxlsxwriter writes files: a private temporary one, removed afterwards.
    std::string path =
        (std::filesystem::temp_directory_path() / "maillage-matrix-XXXXXX.xlsx").string();
    int fd = mkstemps(path.data(), 5);
    if (fd < 0) throw Error(ErrorCode::internal, "cannot create a temporary file");
    close(fd);
    struct Remove {
        std::string path;
        ~Remove() {
            std::error_code ignored;
            std::filesystem::remove(path, ignored);
        }
    } remove{path};
    const Headings& h = headings(labels.language);
    {
        Workbook book(path);
        Formats formats = make_formats(book, labels);
        write_matrix(book, formats, graph, labels, h);
        write_legend(book, formats, labels, h);
        write_relations(book, formats, graph, labels, h);
        book.close();
    }
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace maillage::network
