#include "needs/json_records.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "core/json.hpp"
#include "core/text.hpp"
#include "needs/record_table.hpp"

namespace maillage::needs {
namespace {

constexpr std::size_t kQueueRows = 512;
constexpr std::size_t kBufferBytes = 64 * 1024;

std::size_t column_index(const std::string& key) {
    const auto& columns = record_columns();
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == key) return i;
    return columns.size();
}

// A JSON scalar as a cell's text.
std::string cell_text(const Json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null()) return "";
    return v.dump();
}

// Reads through a buffer and counts the lines consumed, for the messages' line numbers.
class CountingBuffer final : public std::streambuf {
  public:
    explicit CountingBuffer(std::istream& in) : in_(in), buffer_(kBufferBytes) {}
    std::int64_t line() {
        for (; counted_ < gptr(); ++counted_) lines_ += *counted_ == '\n';
        return lines_;
    }
    // Bytes handed to the parser so far, to the buffer (read from the import's thread).
    std::size_t consumed() const { return read_.load(std::memory_order_relaxed); }

  protected:
    int_type underflow() override {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        line();
        in_.read(buffer_.data(), std::streamsize(buffer_.size()));
        std::streamsize n = in_.gcount();
        if (n <= 0) return traits_type::eof();
        read_.fetch_add(std::size_t(n), std::memory_order_relaxed);
        setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
        counted_ = buffer_.data();
        return traits_type::to_int_type(*gptr());
    }

  private:
    std::istream& in_;
    std::vector<char> buffer_;
    const char* counted_ = nullptr;
    std::int64_t lines_ = 1;
    std::atomic<std::size_t> read_{0};
};

// Rows handed from the SAX thread to the reader.
class RowQueue {
  public:
    // False when the reader has gone away.
    bool push(io::TableRow row) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return rows_.size() < kQueueRows || cancelled_; });
        if (cancelled_) return false;
        rows_.push_back(std::move(row));
        changed_.notify_all();
        return true;
    }
    void finish(std::string error) {
        std::lock_guard lock(mutex_);
        finished_ = true;
        error_ = std::move(error);
        changed_.notify_all();
    }
    void cancel() {
        std::lock_guard lock(mutex_);
        cancelled_ = true;
        changed_.notify_all();
    }
    // False at the end; throws when parsing failed.
    bool pop(io::TableRow& row, const std::string& name) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return !rows_.empty() || finished_; });
        if (!rows_.empty()) {
            row = std::move(rows_.front());
            rows_.pop_front();
            changed_.notify_all();
            return true;
        }
        if (!error_.empty()) throw Error(ErrorCode::invalid_input, name + ": " + error_);
        return false;
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<io::TableRow> rows_;
    bool finished_ = false, cancelled_ = false;
    std::string error_;
};

// Builds one row per object of the top-level array.
class RecordSax final : public nlohmann::json_sax<Json> {
  public:
    RecordSax(RowQueue& queue, CountingBuffer& buffer) : queue_(queue), buffer_(buffer) {}

    bool null() override { return value(""); }
    bool boolean(bool v) override { return value(v ? "true" : "false"); }
    bool number_integer(number_integer_t v) override { return value(std::to_string(v)); }
    bool number_unsigned(number_unsigned_t v) override { return value(std::to_string(v)); }
    bool number_float(number_float_t, const string_t& text) override { return value(text); }
    bool string(string_t& v) override { return value(v); }
    bool binary(binary_t&) override { return value(""); }
    bool key(string_t& k) override {
        key_ = k;
        return true;
    }
    bool start_object(std::size_t) override {
        ++depth_;
        if (depth_ == 1)
            return fail("the file must hold a JSON array of records (or one record per line)");
        if (depth_ == 2) {
            row_ =
                io::TableRow{buffer_.line(), std::vector<std::string>(record_columns().size()), ""};
        } else if (row_.problem.empty()) {
            row_.problem = "field " + key_ + ": nested objects are not read";
        }
        return true;
    }
    bool end_object() override {
        if (--depth_ == 1 && !queue_.push(std::move(row_))) return false;
        return true;
    }
    bool start_array(std::size_t) override {
        ++depth_;
        if (depth_ == 3) list_.clear();
        return true;
    }
    bool end_array() override {
        if (--depth_ == 2) put(key_, list_);
        return true;
    }
    bool parse_error(std::size_t, const std::string&,
                     const nlohmann::detail::exception& e) override {
        std::string message = e.what();
        if (auto at = message.find("] "); at != std::string::npos) message = message.substr(at + 2);
        return fail("line " + std::to_string(buffer_.line()) + ": not valid JSON: " + message);
    }
    const std::string& error() const { return error_; }

  private:
    bool value(const std::string& v) {
        if (depth_ == 2)
            put(key_, v);
        else if (depth_ == 3)
            list_ += (list_.empty() ? "" : "|") + v;
        else if (depth_ <= 1)
            return fail("the file must hold a JSON array of records (or one record per line)");
        return true;
    }
    void put(const std::string& key, const std::string& v) {
        std::size_t i = column_index(key);
        if (i < row_.cells.size()) {
            row_.cells[i] = v;
        } else if (row_.problem.empty()) {
            row_.problem = "field " + key + ": " + column_problem(key);
        }
    }
    bool fail(std::string message) {
        if (error_.empty()) error_ = std::move(message);
        return false;
    }

    RowQueue& queue_;
    CountingBuffer& buffer_;
    int depth_ = 0;
    std::string key_, list_, error_;
    io::TableRow row_;
};

class JsonArrayReader final : public io::TableReader {
  public:
    JsonArrayReader(std::unique_ptr<std::istream> in, std::string name, std::size_t total)
        : in_(std::move(in)),
          buffer_(*in_),
          source_(&buffer_),
          name_(std::move(name)),
          total_(total) {
        parser_ = std::thread([this] {
            RecordSax sax(queue_, buffer_);
            try {
                Json::sax_parse(source_, &sax, Json::input_format_t::json, true, false);
            } catch (const std::exception& e) {
                if (sax.error().empty()) {
                    queue_.finish(std::string("not valid JSON: ") + e.what());
                    return;
                }
            }
            queue_.finish(sax.error());
        });
    }
    ~JsonArrayReader() override {
        queue_.cancel();
        parser_.join();
    }
    const std::vector<std::string>& header() const override { return record_columns(); }
    bool next(io::TableRow& row) override { return queue_.pop(row, name_); }
    std::size_t bytes_read() const override { return std::min(total_, buffer_.consumed()); }
    std::size_t total_bytes() const override { return total_; }
    const std::string& name() const override { return name_; }

  private:
    std::unique_ptr<std::istream> in_;
    CountingBuffer buffer_;
    std::istream source_;
    std::string name_;
    std::size_t total_;
    RowQueue queue_;
    std::thread parser_;
};

class JsonLinesReader final : public io::TableReader {
  public:
    JsonLinesReader(std::unique_ptr<std::istream> in, std::string name, std::size_t total)
        : in_(std::move(in)), name_(std::move(name)), total_(total) {}
    const std::vector<std::string>& header() const override { return record_columns(); }
    bool next(io::TableRow& row) override {
        std::string line;
        while (std::getline(*in_, line)) {
            ++line_;
            read_ += line.size() + 1;
            if (text::trim(line).empty()) continue;
            row = io::TableRow{line_, std::vector<std::string>(record_columns().size()), ""};
            Json object;
            try {
                object = Json::parse(line);
            } catch (const Json::parse_error& e) {
                row.problem = std::string("not valid JSON: ") + e.what();
                return true;
            }
            if (!object.is_object()) {
                row.problem = "a line must hold one JSON object";
                return true;
            }
            for (const auto& [key, value] : object.items()) {
                std::size_t i = column_index(key);
                if (i == row.cells.size()) {
                    if (row.problem.empty())
                        row.problem = "field " + key + ": " + column_problem(key);
                    continue;
                }
                if (value.is_array()) {
                    for (const auto& item : value)
                        row.cells[i] += (row.cells[i].empty() ? "" : "|") + cell_text(item);
                } else if (value.is_object()) {
                    if (row.problem.empty())
                        row.problem = "field " + key + ": nested objects are not read";
                } else {
                    row.cells[i] = cell_text(value);
                }
            }
            return true;
        }
        return false;
    }
    std::size_t bytes_read() const override { return std::min(total_, read_); }
    std::size_t total_bytes() const override { return total_; }
    const std::string& name() const override { return name_; }

  private:
    std::unique_ptr<std::istream> in_;
    std::string name_;
    std::size_t total_;
    std::size_t read_ = 0;
    std::int64_t line_ = 0;
};

bool is_json_media_type(std::string_view content_type) {
    std::string type =
        text::to_lower_ascii(text::trim(content_type.substr(0, content_type.find(';'))));
    return type == "application/json" || type == "application/x-ndjson" ||
           type == "application/jsonl" || type == "application/x-jsonlines" ||
           type == "application/ndjson";
}

}  // namespace

std::unique_ptr<io::TableReader> open_json_records(std::unique_ptr<std::istream> in,
                                                   std::string name, std::size_t total_bytes) {
    if (!in || !*in) throw Error(ErrorCode::invalid_input, name + ": cannot be read");
    // The first non-blank character tells an array from JSON Lines.
    int c;
    while ((c = in->peek()) != std::char_traits<char>::eof() &&
           (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF))
        in->get();
    if (c == std::char_traits<char>::eof())
        throw Error(ErrorCode::invalid_input, name + ": the file is empty");
    if (c == '[')
        return std::make_unique<JsonArrayReader>(std::move(in), std::move(name), total_bytes);
    return std::make_unique<JsonLinesReader>(std::move(in), std::move(name), total_bytes);
}

std::unique_ptr<io::TableReader> open_records_file(const std::string& path) {
    std::string extension = text::to_lower_ascii(std::filesystem::path(path).extension().string());
    if (extension != ".json" && extension != ".jsonl" && extension != ".ndjson")
        return io::open_table(path);
    auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*in) throw Error(ErrorCode::invalid_input, path + ": cannot be opened");
    std::error_code ignored;
    auto size = std::filesystem::file_size(path, ignored);
    return open_json_records(std::move(in), path, ignored ? 0 : std::size_t(size));
}

std::unique_ptr<io::TableReader> open_records_bytes(std::string bytes, std::string name,
                                                    std::string_view content_type) {
    auto first = bytes.find_first_not_of(" \t\r\n");
    bool json_start = first != std::string::npos && (bytes[first] == '[' || bytes[first] == '{');
    if (is_json_media_type(content_type) ||
        (json_start && content_type.find("csv") == std::string_view::npos &&
         content_type.find("spreadsheet") == std::string_view::npos)) {
        std::size_t size = bytes.size();
        return open_json_records(std::make_unique<std::istringstream>(std::move(bytes)),
                                 std::move(name), size);
    }
    return io::open_table_bytes(std::move(bytes), std::move(name), content_type);
}

}  // namespace maillage::needs
