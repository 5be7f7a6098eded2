#include "store/postgres_sql.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace maillage::store::postgres {
namespace {

constexpr auto npos = std::string_view::npos;

bool is_identifier_char(char c) {
    auto byte = static_cast<unsigned char>(c);
    return std::isalnum(byte) || c == '_' || byte >= 0x80;
}

// Index just past the '...' literal or "..." identifier opening at `begin`. A doubled quote
// ends the text here and reopens it at once, which leads to the same result.
std::size_t end_of_quoted(std::string_view sql, std::size_t begin) {
    char quote = sql[begin];
    // Only E'...' strings give backslashes a meaning (standard_conforming_strings is on).
    bool backslash_escapes = quote == '\'' && begin > 0 &&
                             (sql[begin - 1] == 'E' || sql[begin - 1] == 'e') &&
                             (begin < 2 || !is_identifier_char(sql[begin - 2]));
    for (std::size_t i = begin + 1; i < sql.size(); ++i) {
        if (backslash_escapes && sql[i] == '\\')
            ++i;
        else if (sql[i] == quote)
            return i + 1;
    }
    return sql.size();
}

std::size_t end_of_line_comment(std::string_view sql, std::size_t begin) {
    auto newline = sql.find('\n', begin);
    return newline == npos ? sql.size() : newline + 1;
}

// PostgreSQL's block comments nest.
std::size_t end_of_block_comment(std::string_view sql, std::size_t begin) {
    int depth = 0;
    std::size_t i = begin;
    while (i + 1 < sql.size()) {
        if (sql[i] == '/' && sql[i + 1] == '*') {
            ++depth;
            i += 2;
        } else if (sql[i] == '*' && sql[i + 1] == '/') {
            i += 2;
            if (--depth == 0) return i;
        } else {
            ++i;
        }
    }
    return sql.size();
}

// Index just past the $tag$...$tag$ string opening at `begin`, or npos if none opens there
// (`$1` is a parameter, `a$b` an identifier).
std::size_t end_of_dollar_quoted(std::string_view sql, std::size_t begin) {
    if (begin > 0 && is_identifier_char(sql[begin - 1])) return npos;
    std::size_t tag_end = begin + 1;
    while (tag_end < sql.size() && is_identifier_char(sql[tag_end])) ++tag_end;
    if (tag_end >= sql.size() || sql[tag_end] != '$') return npos;
    if (tag_end > begin + 1 && std::isdigit(static_cast<unsigned char>(sql[begin + 1])))
        return npos;
    std::string_view tag = sql.substr(begin, tag_end - begin + 1);
    auto close = sql.find(tag, tag_end + 1);
    return close == npos ? sql.size() : close + tag.size();
}

// Index just past the literal, quoted identifier or comment starting at `i`; `i` if none does.
std::size_t end_of_verbatim(std::string_view sql, std::size_t i) {
    char c = sql[i];
    char next = i + 1 < sql.size() ? sql[i + 1] : '\0';
    if (c == '\'' || c == '"') return end_of_quoted(sql, i);
    if (c == '-' && next == '-') return end_of_line_comment(sql, i);
    if (c == '/' && next == '*') return end_of_block_comment(sql, i);
    if (c == '$') {
        auto end = end_of_dollar_quoted(sql, i);
        return end == npos ? i : end;
    }
    return i;
}

struct Span {
    std::size_t begin;
    std::size_t size;
};

// Where passwords are written in a postgresql://user:password@host/db?password=... URL.
std::vector<Span> password_spans(std::string_view url) {
    std::vector<Span> spans;
    auto scheme_end = url.find("://");
    if (scheme_end == npos) return spans;
    std::size_t authority = scheme_end + 3;
    std::size_t authority_end = std::min(url.find_first_of("/?", authority), url.size());
    std::string_view authority_text = url.substr(authority, authority_end - authority);
    auto at = authority_text.rfind('@');
    auto colon = authority_text.find(':');
    if (at != npos && colon < at) spans.push_back({authority + colon + 1, at - colon - 1});

    auto query = url.find('?', authority_end);
    if (query == npos) return spans;
    constexpr std::string_view key = "password=";
    for (std::size_t pair = query + 1; pair <= url.size();) {
        std::size_t pair_end = std::min(url.find('&', pair), url.size());
        if (url.substr(pair, pair_end - pair).starts_with(key))
            spans.push_back({pair + key.size(), pair_end - pair - key.size()});
        pair = pair_end + 1;
    }
    return spans;
}

}  // namespace

std::string numbered_placeholders(std::string_view sql) {
    std::string numbered;
    numbered.reserve(sql.size() + 16);
    int next_number = 1;
    std::size_t i = 0;
    while (i < sql.size()) {
        std::size_t verbatim_end = end_of_verbatim(sql, i);
        if (verbatim_end != i) {
            numbered.append(sql.substr(i, verbatim_end - i));
            i = verbatim_end;
            continue;
        }
        if (sql[i] == '?')
            numbered += '$' + std::to_string(next_number++);
        else
            numbered += sql[i];
        ++i;
    }
    return numbered;
}

std::string without_password(std::string_view url) {
    std::string redacted;
    std::size_t copied = 0;
    for (const auto& span : password_spans(url)) {
        redacted.append(url.substr(copied, span.begin - copied));
        redacted += "***";
        copied = span.begin + span.size;
    }
    redacted.append(url.substr(copied));
    return redacted;
}

std::string hide_password(std::string_view message, std::string_view url) {
    std::string hidden(message);
    for (const auto& span : password_spans(url)) {
        std::string_view password = url.substr(span.begin, span.size);
        if (password.empty()) continue;
        for (auto at = hidden.find(password); at != npos; at = hidden.find(password, at + 3))
            hidden.replace(at, password.size(), "***");
    }
    return hidden;
}

}  // namespace maillage::store::postgres
