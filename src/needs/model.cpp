#include "needs/model.hpp"

namespace maillage::needs {

std::string_view to_string(CodeKind kind) {
    return kind == CodeKind::need ? "need" : "sector";
}

std::optional<CodeKind> parse_code_kind(std::string_view text) {
    if (text == "need") return CodeKind::need;
    if (text == "sector") return CodeKind::sector;
    return std::nullopt;
}

}  // namespace maillage::needs
