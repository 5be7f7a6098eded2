// Streaming CSV reader: the file goes through a fixed-size buffer, so memory does not grow
// with the file.
#include <array>
#include <cstdint>
#include <string>
#include <utility>

#include "core/text.hpp"
#include "io/detail.hpp"
#include "io/table_reader.hpp"

namespace maillage::io {
namespace {

// The encoding is decided on this much of the file, read before anything is parsed.
constexpr std::size_t encoding_sample_size = 64 * 1024;
constexpr int end_of_input = -1;
constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

enum class Encoding { utf8, windows1252 };

// Number of bytes at the end of `bytes` that begin a UTF-8 sequence cut off by the end of the
// sample, so that a sample boundary inside a character does not look like bad UTF-8.
std::size_t truncated_utf8_tail(std::string_view bytes) {
    for (std::size_t back = 1; back <= 3 && back <= bytes.size(); ++back) {
        auto c = static_cast<unsigned char>(bytes[bytes.size() - back]);
        if ((c & 0xC0) == 0x80) continue;  // continuation byte: keep looking for the lead
        std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        return length > back ? back : 0;
    }
    return 0;
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F, where it has printable characters
// that French files use a lot (’ œ € …); Latin-1 has unused control codes there. Undefined
// bytes keep their Latin-1 meaning, as browsers do.
constexpr std::array<char16_t, 32> windows1252_high = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

void append_utf8(std::string& out, char16_t code_point) {
    if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    }
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
}

bool is_windows1252_special(unsigned char c) {
    return c >= 0x80 && c <= 0x9F;
}

std::string windows1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    std::size_t run_start = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        auto c = static_cast<unsigned char>(bytes[i]);
        if (!is_windows1252_special(c)) continue;
        out += text::latin1_to_utf8(bytes.substr(run_start, i - run_start));
        append_utf8(out, windows1252_high[c - 0x80]);
        run_start = i + 1;
    }
    out += text::latin1_to_utf8(bytes.substr(run_start));
    return out;
}

// The separator occurring most often outside quotes in the first line; ';' wins ties, being
// what French and Italian spreadsheets write.
char detect_separator(std::string_view text) {
    std::size_t semicolons = 0, commas = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n' || c == '\r') break;
        semicolons += c == ';';
        commas += c == ',';
        tabs += c == '\t';
    }
    if (tabs > semicolons && tabs > commas) return '\t';
    if (commas > semicolons) return ',';
    return semicolons > 0 ? ';' : ',';
}

class CsvReader final : public TableReader {
  public:
    CsvReader(std::unique_ptr<std::istream> in, std::string name, std::size_t total_bytes)
        : in_(std::move(in)), name_(std::move(name)), total_bytes_(total_bytes) {
        if (!in_ || !*in_) throw Error(ErrorCode::invalid_input, name_ + ": cannot be read");
        decide_encoding();
        separator_ = detect_separator(buffer_);
        read_header();
    }

    const std::vector<std::string>& header() const override { return header_; }
    std::size_t bytes_read() const override { return bytes_read_; }
    std::size_t total_bytes() const override { return total_bytes_; }
    const std::string& name() const override { return name_; }

    bool next(TableRow& row) override {
        do {
            if (!read_record(row)) return false;
        } while (row.problem.empty() && detail::all_empty(row.cells));
        check_record(row);
        return true;
    }

  private:
    // Reads the sample, decides the encoding once for the whole file, and leaves the decoded
    // sample (without BOM) in the buffer.
    void decide_encoding() {
        std::string sample = read_raw(encoding_sample_size);
        if (sample.starts_with("\xFF\xFE") || sample.starts_with("\xFE\xFF")) {
            throw Error(ErrorCode::invalid_input,
                        name_ +
                            ": the file is in UTF-16 (Excel's \"Unicode text\"); save it as "
                            "\"CSV UTF-8\" or as .xlsx");
        }
        bool has_bom = sample.starts_with(utf8_bom);
        if (has_bom) sample.erase(0, utf8_bom.size());
        std::string_view complete(sample.data(), sample.size() - truncated_utf8_tail(sample));
        encoding_ =
            has_bom || text::is_valid_utf8(complete) ? Encoding::utf8 : Encoding::windows1252;
        buffer_ = decode(std::move(sample));
    }

    std::string read_raw(std::size_t size) {
        std::string raw(size, '\0');
        in_->read(raw.data(), static_cast<std::streamsize>(size));
        raw.resize(static_cast<std::size_t>(in_->gcount()));
        if (in_->bad()) throw Error(ErrorCode::invalid_input, name_ + ": read error");
        bytes_read_ += raw.size();
        return raw;
    }

    std::string decode(std::string raw) const {
        return encoding_ == Encoding::utf8 ? std::move(raw) : windows1252_to_utf8(raw);
    }

    bool refill() {
        if (in_->eof()) return false;
        buffer_ = decode(read_raw(detail::kReadChunkBytes));
        position_ = 0;
        return !buffer_.empty();
    }

    int get() {
        if (position_ == buffer_.size() && !refill()) return end_of_input;
        return static_cast<unsigned char>(buffer_[position_++]);
    }

    int peek() {
        if (position_ == buffer_.size() && !refill()) return end_of_input;
        return static_cast<unsigned char>(buffer_[position_]);
    }

    bool ends_field(int c) const {
        return c == end_of_input || c == separator_ || c == '\n' || c == '\r';
    }

    // Counts a line ending: "\n", "\r\n" (counted at the "\n") or a lone "\r" (old Mac files).
    void count_line_ending(int c) {
        if (c == '\n' || (c == '\r' && peek() != '\n')) ++line_;
    }

    // After an opening quote: reads up to the closing quote. Line breaks are part of the cell.
    void read_quoted(std::string& cell, TableRow& row) {
        while (true) {
            int c = get();
            if (c == end_of_input) {
                row.problem = "has a quoted cell that is never closed";
                return;
            }
            if (c == '"') {
                if (peek() != '"') return;
                get();
            }
            count_line_ending(c);
            cell.push_back(static_cast<char>(c));
        }
    }

    // One record, which may span several lines. Returns false at the end of the input.
    bool read_record(TableRow& row) {
        row.cells.clear();
        row.problem.clear();
        if (peek() == end_of_input) return false;
        row.line = line_;
        while (true) {
            std::string cell;
            int c = get();
            if (c == '"') {
                read_quoted(cell, row);
                c = get();
            }
            // Text after a closing quote, or a quote inside an unquoted cell, is kept as
            // written, like spreadsheets do, rather than rejecting the line.
            while (!ends_field(c)) {
                cell.push_back(static_cast<char>(c));
                c = get();
            }
            row.cells.push_back(std::move(cell));
            if (c == separator_) continue;
            if (c == '\r' && peek() == '\n') c = get();
            count_line_ending(c);
            return true;
        }
    }

    void check_record(TableRow& row) const {
        if (!row.problem.empty()) return;
        if (encoding_ == Encoding::utf8) {
            for (std::size_t i = 0; i < row.cells.size(); ++i) {
                if (text::is_valid_utf8(row.cells[i])) continue;
                row.problem = "cell " + std::to_string(i + 1) +
                              " is not valid UTF-8 (the start of the file is UTF-8; save the "
                              "whole file in one encoding)";
                return;
            }
        }
        if (row.cells.size() != header_.size()) {
            row.problem = "has " + std::to_string(row.cells.size()) + " cells but the header has " +
                          std::to_string(header_.size());
        }
    }

    void read_header() {
        TableRow row;
        do {
            if (!read_record(row))
                throw Error(ErrorCode::invalid_input, name_ + ": the file is empty");
        } while (row.problem.empty() && detail::all_empty(row.cells));
        if (row.problem.empty() && encoding_ == Encoding::utf8) {
            for (const auto& cell : row.cells)
                if (!text::is_valid_utf8(cell)) row.problem = "the header is not valid UTF-8";
        }
        if (!row.problem.empty()) {
            throw Error(ErrorCode::invalid_input,
                        name_ + ": line " + std::to_string(row.line) + ": " + row.problem);
        }
        header_ = std::move(row.cells);
        detail::normalise_header(header_);
    }

    std::unique_ptr<std::istream> in_;
    std::string name_;
    std::size_t total_bytes_ = 0;
    std::size_t bytes_read_ = 0;
    Encoding encoding_ = Encoding::utf8;
    char separator_ = ',';
    std::string buffer_;
    std::size_t position_ = 0;
    std::int64_t line_ = 1;
    std::vector<std::string> header_;
};

}  // namespace

std::unique_ptr<TableReader> open_csv_stream(std::unique_ptr<std::istream> in, std::string name,
                                             std::size_t total_bytes) {
    return std::make_unique<CsvReader>(std::move(in), std::move(name), total_bytes);
}

}  // namespace maillage::io
