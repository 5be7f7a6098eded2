#pragma once
// Errors that cross module boundaries. Each carries a stable code (part of the API
// contract), a human message, and the offending field when there is one.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace maillage {

enum class ErrorCode {
    invalid_input,
    not_found,
    conflict,
    unauthorized,
    forbidden,
    payload_too_large,
    unsupported_media_type,
    internal,
};

std::string_view to_string(ErrorCode code);

class Error : public std::runtime_error {
  public:
    Error(ErrorCode code, const std::string& message, std::string field = {})
        : std::runtime_error(message), code_(code), field_(std::move(field)) {}
    ErrorCode code() const { return code_; }
    const std::string& field() const { return field_; }

  private:
    ErrorCode code_;
    std::string field_;
};

inline Error invalid(const std::string& field, const std::string& reason) {
    return Error(ErrorCode::invalid_input, field.empty() ? reason : field + ": " + reason, field);
}

// One problem found in one line of an imported file.
struct LineProblem {
    std::int64_t line = 0;
    std::string field;
    std::string reason;
};

// Thrown when an import finds bad lines: nothing was written, and the report lists every
// problem so that the user can fix the whole file at once.
class ImportRejected : public Error {
  public:
    ImportRejected(std::string file, std::vector<LineProblem> problems);
    const std::string& file() const { return file_; }
    const std::vector<LineProblem>& problems() const { return problems_; }

  private:
    std::string file_;
    std::vector<LineProblem> problems_;
};

}  // namespace maillage
