// Streaming XLSX reader: libzip inflates the worksheet chunk by chunk and expat parses it as a
// stream of events, so only the shared strings (which any row may refer to) are held in memory.
#include <expat.h>
#include <zip.h>

#include <charconv>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "io/detail.hpp"
#include "io/table_reader.hpp"

namespace maillage::io {
namespace {

// Excel's limits; beyond them a cell reference is corrupt, and honouring it would let a tiny
// file allocate huge rows.
constexpr std::size_t max_columns = 16384;
constexpr std::int64_t max_rows = 1048576;
constexpr const char* default_sheet = "xl/worksheets/sheet1.xml";
constexpr const char* default_shared_strings = "xl/sharedStrings.xml";

struct ArchiveCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct EntryCloser {
    void operator()(zip_file_t* entry) const { zip_fclose(entry); }
};
struct ParserFreer {
    void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;
using Entry = std::unique_ptr<zip_file_t, EntryCloser>;

Error corrupt(const std::string& file, const std::string& detail) {
    return Error(ErrorCode::invalid_input, file + ": not a readable XLSX file (" + detail + ")");
}

// With namespace processing, expat names are "namespace-uri|local"; spreadsheets from
// different producers use different prefixes (and strict OOXML other URIs), so elements are
// recognised by their local name only.
std::string_view local_name(const XML_Char* name) {
    std::string_view full(name);
    auto bar = full.rfind('|');
    return bar == std::string_view::npos ? full : full.substr(bar + 1);
}

bool is_namespaced(const XML_Char* name) {
    return std::string_view(name).find('|') != std::string_view::npos;
}

// The value of the attribute without namespace called `wanted`, if present.
std::optional<std::string_view> attribute(const XML_Char** attributes, std::string_view wanted) {
    for (std::size_t i = 0; attributes[i] != nullptr; i += 2) {
        if (!is_namespaced(attributes[i]) && wanted == attributes[i]) return attributes[i + 1];
    }
    return std::nullopt;
}

// Receives the parse events of one XML part. A handler reports a problem by setting
// `failure`, which stops the parse: C++ exceptions must not unwind through expat.
class SaxHandler {
  public:
    virtual ~SaxHandler() = default;
    virtual void start(std::string_view element, const XML_Char** attributes) = 0;
    virtual void end(std::string_view element) = 0;
    virtual void text(std::string_view) {}
    std::string failure;
};

class SaxParser {
  public:
    SaxParser(SaxHandler& handler, std::string file, std::string part)
        : parser_(XML_ParserCreateNS(nullptr, '|')),
          handler_(handler),
          file_(std::move(file)),
          part_(std::move(part)) {
        if (!parser_) throw std::bad_alloc();
        XML_SetUserData(parser_.get(), this);
        XML_SetElementHandler(parser_.get(), on_start, on_end);
        XML_SetCharacterDataHandler(parser_.get(), on_text);
    }

    void feed(std::string_view data, bool last) {
        auto status = XML_Parse(parser_.get(), data.data(), static_cast<int>(data.size()),
                                last ? XML_TRUE : XML_FALSE);
        if (status == XML_STATUS_OK) return;
        if (!handler_.failure.empty()) throw corrupt(file_, part_ + ": " + handler_.failure);
        throw corrupt(file_, part_ + " line " +
                                 std::to_string(XML_GetCurrentLineNumber(parser_.get())) + ": " +
                                 XML_ErrorString(XML_GetErrorCode(parser_.get())));
    }

  private:
    template <typename Event>
    static void dispatch(void* user_data, Event&& event) {
        auto* self = static_cast<SaxParser*>(user_data);
        if (!self->handler_.failure.empty()) return;
        try {
            event(self->handler_);
        } catch (const std::exception& e) {
            self->handler_.failure = e.what();
        }
        if (!self->handler_.failure.empty()) XML_StopParser(self->parser_.get(), XML_FALSE);
    }
    static void on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
        dispatch(data, [&](SaxHandler& h) { h.start(local_name(name), attributes); });
    }
    static void on_end(void* data, const XML_Char* name) {
        dispatch(data, [&](SaxHandler& h) { h.end(local_name(name)); });
    }
    static void on_text(void* data, const XML_Char* text, int length) {
        dispatch(data, [&](SaxHandler& h) {
            h.text(std::string_view(text, static_cast<std::size_t>(length)));
        });
    }

    std::unique_ptr<XML_ParserStruct, ParserFreer> parser_;
    SaxHandler& handler_;
    std::string file_;
    std::string part_;
};

// The relationship id of the first sheet in tab order, from xl/workbook.xml, skipping hidden
// sheets (often lookup tables) unless all are hidden.
class WorkbookHandler final : public SaxHandler {
  public:
    void start(std::string_view element, const XML_Char** attributes) override {
        if (element != "sheet") return;
        std::optional<std::string> id;
        for (std::size_t i = 0; attributes[i] != nullptr; i += 2) {
            if (is_namespaced(attributes[i]) && local_name(attributes[i]) == "id")
                id = attributes[i + 1];
        }
        if (!id) return;
        bool hidden = attribute(attributes, "state").value_or("visible") != "visible";
        if (!first_sheet_id) first_sheet_id = id;
        if (!hidden && !first_visible_sheet_id) first_visible_sheet_id = id;
    }
    void end(std::string_view) override {}
    std::optional<std::string> sheet_to_read() const {
        return first_visible_sheet_id ? first_visible_sheet_id : first_sheet_id;
    }

  private:
    std::optional<std::string> first_sheet_id;
    std::optional<std::string> first_visible_sheet_id;
};

// Relationship targets by id, and the shared strings part, from xl/_rels/workbook.xml.rels.
class RelationshipsHandler final : public SaxHandler {
  public:
    void start(std::string_view element, const XML_Char** attributes) override {
        if (element != "Relationship") return;
        auto id = attribute(attributes, "Id");
        auto target = attribute(attributes, "Target");
        auto type = attribute(attributes, "Type");
        if (!id || !target) return;
        targets[std::string(*id)] = std::string(*target);
        if (type && type->ends_with("/sharedStrings")) shared_strings = std::string(*target);
    }
    void end(std::string_view) override {}
    std::map<std::string, std::string> targets;
    std::optional<std::string> shared_strings;
};

// Targets are relative to the xl/ folder, or absolute within the package.
std::string resolve_target(std::string_view target) {
    if (target.starts_with("/")) return std::string(target.substr(1));
    if (target.starts_with("./")) target.remove_prefix(2);
    return "xl/" + std::string(target);
}

// The text of each <si>, rich text runs concatenated, phonetic guides (<rPh>) left out.
class SharedStringsHandler final : public SaxHandler {
  public:
    explicit SharedStringsHandler(std::vector<std::string>& strings) : strings_(strings) {}
    void start(std::string_view element, const XML_Char**) override {
        if (element == "si") {
            current_.clear();
            in_item_ = true;
        } else if (element == "rPh") {
            ++phonetic_depth_;
        } else if (element == "t" && in_item_ && phonetic_depth_ == 0) {
            in_text_ = true;
        }
    }
    void end(std::string_view element) override {
        if (element == "t") {
            in_text_ = false;
        } else if (element == "rPh") {
            --phonetic_depth_;
        } else if (element == "si") {
            strings_.push_back(detail::decode_ooxml_escapes(std::move(current_)));
            current_.clear();
            in_item_ = false;
        }
    }
    void text(std::string_view data) override {
        if (in_text_) current_.append(data);
    }

  private:
    std::vector<std::string>& strings_;
    std::string current_;
    bool in_item_ = false;
    bool in_text_ = false;
    int phonetic_depth_ = 0;
};

// 0-based column of a reference such as "C5", or nullopt when it has no letters.
std::optional<std::size_t> column_of_reference(std::string_view reference) {
    std::size_t column = 0;
    std::size_t letters = 0;
    for (char c : reference) {
        if (c < 'A' || c > 'Z') break;
        column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
        if (column > max_columns) return max_columns;  // reported as out of the sheet
        ++letters;
    }
    if (letters == 0) return std::nullopt;
    return column - 1;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
    std::int64_t value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// Turns worksheet events into rows, queued until the reader takes them.
class SheetHandler final : public SaxHandler {
  public:
    explicit SheetHandler(const std::vector<std::string>& shared_strings)
        : shared_strings_(shared_strings) {}

    std::deque<TableRow> ready;

    void start(std::string_view element, const XML_Char** attributes) override {
        if (element == "row") {
            start_row(attributes);
        } else if (element == "c") {
            start_cell(attributes);
        } else if (element == "v" && in_cell_) {
            in_value_ = true;
        } else if (element == "is" && in_cell_) {
            in_inline_string_ = true;
        } else if (element == "rPh") {
            ++phonetic_depth_;
        } else if (element == "t" && in_inline_string_ && phonetic_depth_ == 0) {
            in_value_ = true;
        }
    }

    void end(std::string_view element) override {
        if (element == "v" || element == "t") {
            in_value_ = false;
        } else if (element == "is") {
            in_inline_string_ = false;
        } else if (element == "rPh") {
            --phonetic_depth_;
        } else if (element == "c" && in_cell_) {
            end_cell();
        } else if (element == "row") {
            ready.push_back(TableRow{row_number_, std::move(cells_), {}});
            cells_.clear();
        }
    }

    void text(std::string_view data) override {
        if (in_value_) value_.append(data);
    }

  private:
    void start_row(const XML_Char** attributes) {
        auto number = attribute(attributes, "r");
        row_number_ = number ? parse_integer(*number).value_or(0) : row_number_ + 1;
        if (row_number_ < 1 || row_number_ > max_rows) {
            failure = "row number " + std::string(number.value_or("")) + " is outside the sheet";
            return;
        }
        cells_.clear();
        next_column_ = 0;
    }

    void start_cell(const XML_Char** attributes) {
        auto reference = attribute(attributes, "r");
        auto column = reference ? column_of_reference(*reference) : std::nullopt;
        column_ = column.value_or(next_column_);
        if (column_ >= max_columns) {
            failure = "cell " + std::string(reference.value_or("")) + " is outside the sheet";
            return;
        }
        type_ = std::string(attribute(attributes, "t").value_or(""));
        value_.clear();
        in_cell_ = true;
    }

    void end_cell() {
        if (cells_.size() <= column_) cells_.resize(column_ + 1);
        cells_[column_] = cell_text();
        next_column_ = column_ + 1;
        in_cell_ = false;
        in_value_ = false;
    }

    std::string cell_text() {
        if (type_ == "s") {
            auto index = parse_integer(value_);
            if (!index || *index < 0 ||
                static_cast<std::size_t>(*index) >= shared_strings_.size()) {
                failure = "cell " + detail::column_letters(column_) + std::to_string(row_number_) +
                          " refers to a missing shared string";
                return {};
            }
            return shared_strings_[static_cast<std::size_t>(*index)];
        }
        if (type_ == "b") return value_ == "1" ? "TRUE" : "FALSE";
        if (type_ == "inlineStr" || type_ == "str")
            return detail::decode_ooxml_escapes(std::move(value_));
        if (type_ == "e" || type_ == "d") return std::move(value_);
        return detail::render_spreadsheet_number(value_);
    }

    const std::vector<std::string>& shared_strings_;
    std::int64_t row_number_ = 0;
    std::vector<std::string> cells_;
    std::size_t next_column_ = 0;
    std::size_t column_ = 0;
    std::string type_;
    std::string value_;
    bool in_cell_ = false;
    bool in_value_ = false;
    bool in_inline_string_ = false;
    int phonetic_depth_ = 0;
};

class XlsxReader final : public TableReader {
  public:
    // From bytes: the archive reads straight from `bytes`, which the reader keeps alive.
    XlsxReader(std::string bytes, std::string name, std::size_t max_uncompressed_bytes)
        : bytes_(std::move(bytes)), name_(std::move(name)), limit_(max_uncompressed_bytes) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
        zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
        if (!archive) {
            if (source) zip_source_free(source);
            std::string message = zip_error_strerror(&error);
            zip_error_fini(&error);
            throw corrupt(name_, message);
        }
        archive_.reset(archive);
        open_first_sheet();
    }

    XlsxReader(const std::string& path, std::size_t max_uncompressed_bytes)
        : name_(path), limit_(max_uncompressed_bytes) {
        int code = 0;
        zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
        if (!archive) {
            zip_error_t error;
            zip_error_init_with_code(&error, code);
            std::string message = zip_error_strerror(&error);
            zip_error_fini(&error);
            throw corrupt(name_, message);
        }
        archive_.reset(archive);
        open_first_sheet();
    }

    const std::vector<std::string>& header() const override { return header_; }
    std::size_t bytes_read() const override { return sheet_bytes_read_; }
    std::size_t total_bytes() const override { return sheet_size_; }
    const std::string& name() const override { return name_; }

    bool next(TableRow& row) override {
        while (true) {
            if (!take_row(row)) return false;
            if (detail::all_empty(row.cells)) continue;
            fit_to_header(row);
            return true;
        }
    }

  private:
    std::optional<zip_uint64_t> locate(const std::string& part) const {
        zip_int64_t index = zip_name_locate(archive_.get(), part.c_str(), ZIP_FL_NOCASE);
        if (index < 0) return std::nullopt;
        return static_cast<zip_uint64_t>(index);
    }

    // Opens a part after checking its announced size against the zip-bomb limit.
    Entry open_part(zip_uint64_t index, const std::string& part, std::size_t& size) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive_.get(), index, 0, &stat) != 0) throw corrupt(name_, part);
        size = (stat.valid & ZIP_STAT_SIZE) ? static_cast<std::size_t>(stat.size) : 0;
        if (size > limit_) throw too_large(part);
        Entry entry(zip_fopen_index(archive_.get(), index, 0));
        if (!entry) throw corrupt(name_, part + ": " + zip_strerror(archive_.get()));
        return entry;
    }

    Error too_large(const std::string& part) const {
        return Error(ErrorCode::payload_too_large, name_ + ": " + part + " inflates to more than " +
                                                       std::to_string(limit_ / (1024 * 1024)) +
                                                       " MiB; refusing to read it");
    }

    // Reads one chunk of an open part into `chunk`; false at its end. `consumed` is checked
    // against the limit too, as the size in the zip directory could lie.
    bool read_chunk(zip_file_t* entry, const std::string& part, std::string& chunk,
                    std::size_t& consumed) {
        chunk.resize(detail::kReadChunkBytes);
        zip_int64_t count = zip_fread(entry, chunk.data(), chunk.size());
        if (count < 0) throw corrupt(name_, part + ": " + zip_file_strerror(entry));
        chunk.resize(static_cast<std::size_t>(count));
        consumed += chunk.size();
        if (consumed > limit_) throw too_large(part);
        return count > 0;
    }

    void parse_whole_part(const std::string& part, SaxHandler& handler) {
        auto index = locate(part);
        if (!index) throw corrupt(name_, part + " is missing");
        std::size_t size = 0, consumed = 0;
        Entry entry = open_part(*index, part, size);
        SaxParser parser(handler, name_, part);
        std::string chunk;
        bool more = true;
        while (more) {
            more = read_chunk(entry.get(), part, chunk, consumed);
            parser.feed(chunk, !more);
        }
    }

    void open_first_sheet() {
        RelationshipsHandler relationships;
        std::string sheet_part = default_sheet;
        if (locate("xl/workbook.xml") && locate("xl/_rels/workbook.xml.rels")) {
            WorkbookHandler workbook;
            parse_whole_part("xl/workbook.xml", workbook);
            parse_whole_part("xl/_rels/workbook.xml.rels", relationships);
            auto sheet_id = workbook.sheet_to_read();
            auto target =
                sheet_id ? relationships.targets.find(*sheet_id) : relationships.targets.end();
            if (target != relationships.targets.end() && locate(resolve_target(target->second)))
                sheet_part = resolve_target(target->second);
        }
        std::string strings_part = relationships.shared_strings
                                       ? resolve_target(*relationships.shared_strings)
                                       : default_shared_strings;
        if (locate(strings_part)) {
            SharedStringsHandler strings(shared_strings_);
            parse_whole_part(strings_part, strings);
        }
        auto sheet_index = locate(sheet_part);
        if (!sheet_index) throw corrupt(name_, "it has no worksheet");
        sheet_part_ = sheet_part;
        sheet_ = open_part(*sheet_index, sheet_part_, sheet_size_);
        sheet_handler_ = std::make_unique<SheetHandler>(shared_strings_);
        sheet_parser_ = std::make_unique<SaxParser>(*sheet_handler_, name_, sheet_part_);
        read_header();
    }

    bool take_row(TableRow& row) {
        while (sheet_handler_->ready.empty()) {
            if (sheet_finished_) return false;
            sheet_finished_ = !read_chunk(sheet_.get(), sheet_part_, chunk_, sheet_bytes_read_);
            sheet_parser_->feed(chunk_, sheet_finished_);
        }
        row = std::move(sheet_handler_->ready.front());
        sheet_handler_->ready.pop_front();
        return true;
    }

    void read_header() {
        TableRow row;
        do {
            if (!take_row(row))
                throw Error(ErrorCode::invalid_input, name_ + ": the sheet is empty");
        } while (detail::all_empty(row.cells));
        // Trailing empty cells are formatting, not columns.
        while (!row.cells.empty() && row.cells.back().empty()) row.cells.pop_back();
        header_ = std::move(row.cells);
        detail::normalise_header(header_);
    }

    // Rows leave out trailing empty cells; a value beyond the header's columns is a mistake.
    void fit_to_header(TableRow& row) const {
        for (std::size_t i = header_.size(); i < row.cells.size(); ++i) {
            if (row.cells[i].empty()) continue;
            row.problem = "has a value in column " + detail::column_letters(i) +
                          ", beyond the header's " + std::to_string(header_.size()) + " columns";
            break;
        }
        row.cells.resize(header_.size());
    }

    std::string bytes_;
    std::string name_;
    std::size_t limit_;
    Archive archive_;
    std::vector<std::string> shared_strings_;
    std::string sheet_part_;
    Entry sheet_;
    std::size_t sheet_size_ = 0;
    std::size_t sheet_bytes_read_ = 0;
    bool sheet_finished_ = false;
    std::string chunk_;
    std::unique_ptr<SheetHandler> sheet_handler_;
    std::unique_ptr<SaxParser> sheet_parser_;
    std::vector<std::string> header_;
};

}  // namespace

std::unique_ptr<TableReader> open_xlsx_file(const std::string& path,
                                            std::size_t max_uncompressed_bytes) {
    return std::make_unique<XlsxReader>(path, max_uncompressed_bytes);
}

std::unique_ptr<TableReader> open_xlsx_bytes(std::string bytes, std::string name,
                                             std::size_t max_uncompressed_bytes) {
    return std::make_unique<XlsxReader>(std::move(bytes), std::move(name), max_uncompressed_bytes);
}

}  // namespace maillage::io
