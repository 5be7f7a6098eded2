#include "evaluation/answers.hpp"

#include <cmath>

namespace maillage::evaluation {
namespace {

std::string set_value(const Item& item, const Json& value, Answer& answer) {
    const Scale& s = item.scale;
    if (value.is_null()) {
        answer.number.reset();
        answer.text.reset();
        return "";
    }
    switch (s.kind) {
        case ItemKind::cursor:
            return "a cursor moves only with arguments";
        case ItemKind::number: {
            if (!value.is_number() || !std::isfinite(value.get<double>()))
                return "must be a number";
            double v = value.get<double>();
            if (s.integer && v != std::floor(v)) return "must be a whole number";
            if (s.lower && v < *s.lower) return "must be at least " + format_number(*s.lower);
            if (s.upper && v > *s.upper) return "must be at most " + format_number(*s.upper);
            answer.number = v;
            return "";
        }
        case ItemKind::yes_no:
            if (!value.is_boolean()) return "must be true or false";
            answer.number = value.get<bool>() ? 1.0 : 0.0;
            return "";
        case ItemKind::ordinal: {
            if (!value.is_string()) return "must be the code of a level";
            auto code = value.get<std::string>();
            for (const auto& level : s.levels)
                if (level.code == code) {
                    answer.text = code;
                    return "";
                }
            std::string codes;
            for (const auto& level : s.levels) codes += (codes.empty() ? "" : ", ") + level.code;
            return "'" + code + "' is not a level of this scale (" + codes + ")";
        }
        case ItemKind::text:
        case ItemKind::evidence:
            if (!value.is_string()) return "must be a text";
            if (value.get<std::string>().size() > kMaxAnswerText)
                return "is longer than " + std::to_string(kMaxAnswerText) + " bytes";
            answer.text = value.get<std::string>();
            if (answer.text->empty()) answer.text.reset();
            return "";
    }
    return "unknown kind";
}

}  // namespace

std::string apply_answer(const Grid& grid, const Item& item, const AnswerInput& input,
                         Answer& answer) {
    if (input.value) {
        auto problem = set_value(item, *input.value, answer);
        if (!problem.empty()) return problem;
    }
    if (input.priority) {
        if (*input.priority && !grid.has_flag("priority")) return "this grid has no priority flag";
        answer.priority = *input.priority;
    }
    if (input.significant) {
        if (*input.significant && !grid.has_flag("significant"))
            return "this grid has no significance flag";
        answer.significant = *input.significant;
    }
    if (input.comment) {
        if (input.comment->size() > kMaxAnswerText)
            return "the comment is longer than " + std::to_string(kMaxAnswerText) + " bytes";
        answer.comment = *input.comment;
    }
    return "";
}

Json answer_value_json(const Item& item, const Answer& answer) {
    switch (item.scale.kind) {
        case ItemKind::cursor:
        case ItemKind::number:
            return answer.number ? Json(*answer.number) : Json(nullptr);
        case ItemKind::yes_no:
            return answer.number ? Json(*answer.number > 0.5) : Json(nullptr);
        default:
            return answer.text ? Json(*answer.text) : Json(nullptr);
    }
}

}  // namespace maillage::evaluation
