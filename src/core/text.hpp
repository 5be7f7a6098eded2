#pragma once
// Text normalisation for search: the same folding on both storage backends, so that
// "Étang-Salé", "etang sale" and "ETANG-SALE" meet.
#include <string>
#include <string_view>
#include <vector>

namespace maillage::text {

// Lower case, accents removed, punctuation turned into single spaces, trimmed.
std::string fold(std::string_view utf8);

// The folded words of a text, in order, without duplicates.
std::vector<std::string> words(std::string_view utf8);

// True when the bytes are valid UTF-8.
bool is_valid_utf8(std::string_view bytes);

// Latin-1 (ISO-8859-1 / Windows-1252) to UTF-8.
std::string latin1_to_utf8(std::string_view bytes);

std::string trim(std::string_view s);
// The same without copying: a view into `s`.
std::string_view trim_view(std::string_view s);
std::string to_lower_ascii(std::string_view s);

// The smallest string greater than every string that starts with `prefix`, for
// index range scans (`x >= prefix AND x < successor`).
std::string prefix_successor(std::string_view prefix);

}  // namespace maillage::text
