#include "territory/tsv.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"

namespace maillage::territory {
namespace {

std::vector<std::string_view> split(std::string_view line, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        std::size_t end = line.find(separator, start);
        if (end == std::string_view::npos) {
            parts.push_back(line.substr(start));
            return parts;
        }
        parts.push_back(line.substr(start, end - start));
        start = end + 1;
    }
}

std::string quoted(std::string_view value) {
    constexpr std::size_t shown = 40;
    std::string text(value.substr(0, shown));
    if (value.size() > shown) text += "...";
    return "\"" + text + "\"";
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::internal, path + ": cannot open: " + std::strerror(errno));
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

}  // namespace

TsvFile::TsvFile(std::string path, std::vector<std::string> columns)
    : path_(std::move(path)), columns_(std::move(columns)), content_(read_file(path_)) {
    if (!next()) fail_line("empty file: the header line is missing");
    if (line_number_ != 1) fail_line("the first line must be the header");
    header_read_ = true;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        if (i >= fields_.size() || fields_[i] != columns_[i])
            fail(i, "the header must be \"" + columns_[i] + "\" here");
    }
}

bool TsvFile::next() {
    while (position_ < content_.size()) {
        std::size_t end = content_.find('\n', position_);
        if (end == std::string::npos) end = content_.size();
        std::string_view line(content_.data() + position_, end - position_);
        position_ = end + 1;
        ++line_number_;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) continue;
        fields_ = split(line, '\t');
        // The header is checked column by column by the constructor.
        if (header_read_ && fields_.size() != columns_.size()) {
            std::size_t first_wrong = std::min(fields_.size(), columns_.size() - 1);
            fail(first_wrong, "expected " + std::to_string(columns_.size()) + " fields, found " +
                                  std::to_string(fields_.size()));
        }
        for (std::size_t i = 0; i < fields_.size() && i < columns_.size(); ++i)
            if (!text::is_valid_utf8(fields_[i])) fail(i, "not valid UTF-8");
        return true;
    }
    return false;
}

std::string TsvFile::required(std::size_t column) const {
    std::string value = text::trim(field(column));
    if (value.empty()) fail(column, "must not be empty");
    return value;
}

std::string TsvFile::one_of(std::size_t column,
                            const std::vector<std::string_view>& allowed) const {
    std::string_view value = field(column);
    std::string names;
    for (auto candidate : allowed) {
        if (value == candidate) return std::string(value);
        names += (names.empty() ? "" : ", ") + std::string(candidate);
    }
    fail(column, "expected one of " + names + ", got " + quoted(value));
}

std::optional<std::int64_t> TsvFile::optional_count(std::size_t column) const {
    std::string_view value = field(column);
    if (value.empty()) return std::nullopt;
    std::int64_t number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc() || end != value.data() + value.size() || number < 0)
        fail(column, "expected a whole number, got " + quoted(value));
    return number;
}

double TsvFile::number(std::size_t column, double min, double max) const {
    std::string_view value = field(column);
    double number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (value.empty() || error != std::errc() || end != value.data() + value.size() ||
        !std::isfinite(number))
        fail(column, "expected a decimal number, got " + quoted(value));
    if (number < min || number > max) {
        std::ostringstream range;
        range << "must be between " << min << " and " << max << ", got " << quoted(value);
        fail(column, range.str());
    }
    return number;
}

bool TsvFile::flag(std::size_t column) const {
    std::string_view value = field(column);
    if (value == "0") return false;
    if (value == "1") return true;
    fail(column, "expected 0 or 1, got " + quoted(value));
}

std::vector<std::string> TsvFile::list(std::size_t column) const {
    std::vector<std::string> values;
    if (field(column).empty()) return values;
    for (auto part : split(field(column), ',')) {
        std::string value = text::trim(part);
        if (value.empty()) fail(column, "empty value in the list " + quoted(field(column)));
        values.push_back(std::move(value));
    }
    return values;
}

void TsvFile::fail(std::size_t column, const std::string& reason) const {
    const std::string& name = columns_.at(column);
    throw Error(
        ErrorCode::internal,
        path_ + ": line " + std::to_string(line_number_) + ", field " + name + ": " + reason, name);
}

void TsvFile::fail_line(const std::string& reason) const {
    throw Error(ErrorCode::internal,
                path_ + ": line " + std::to_string(line_number_) + ": " + reason);
}

}  // namespace maillage::territory
