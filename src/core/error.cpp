#include "core/error.hpp"

namespace maillage {

std::string_view to_string(ErrorCode code) {
    switch (code) {
        case ErrorCode::invalid_input:
            return "invalid_input";
        case ErrorCode::not_found:
            return "not_found";
        case ErrorCode::conflict:
            return "conflict";
        case ErrorCode::unauthorized:
            return "unauthorized";
        case ErrorCode::forbidden:
            return "forbidden";
        case ErrorCode::payload_too_large:
            return "payload_too_large";
        case ErrorCode::unsupported_media_type:
            return "unsupported_media_type";
        case ErrorCode::internal:
            return "internal";
    }
    return "internal";
}

static std::string summarise(const std::string& file, const std::vector<LineProblem>& problems) {
    std::string message =
        file + ": " + std::to_string(problems.size()) + " problem(s), nothing was imported";
    if (!problems.empty()) {
        const auto& first = problems.front();
        message += "; first at line " + std::to_string(first.line) + ", field " +
                   (first.field.empty() ? "-" : first.field) + ": " + first.reason;
    }
    return message;
}

ImportRejected::ImportRejected(std::string file, std::vector<LineProblem> problems)
    : Error(ErrorCode::invalid_input, summarise(file, problems)),
      file_(std::move(file)),
      problems_(std::move(problems)) {}

}  // namespace maillage
