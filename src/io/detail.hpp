#pragma once
// Helpers shared by the readers and writers of this module; not part of its interface.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maillage::io::detail {

// Files are read this much at a time.
inline constexpr std::size_t kReadChunkBytes = 64 * 1024;

// Header names are matched case-insensitively by callers: trimmed and lower-cased (Unicode
// aware, so "DÉNOMINATION" becomes "dénomination").
std::string normalise_header_name(std::string_view name);
void normalise_header(std::vector<std::string>& names);

bool all_empty(const std::vector<std::string>& cells);

// Spreadsheet column name of a 0-based index: 0 -> "A", 26 -> "AA".
std::string column_letters(std::size_t index);

// A number stored in a spreadsheet as text: integers without a decimal part, other values as
// the shortest text that reads back to the same double. Text that is not a number is kept.
std::string render_spreadsheet_number(std::string_view stored);

// The value of `text` when writing it as a spreadsheet number loses nothing: a plain decimal
// without leading zeros ("01000" is a postal code, not a thousand), without a "+" or an
// exponent, without trailing fractional zeros and with at most 15 significant digits (what a
// double holds exactly). Reading the cell back with render_spreadsheet_number gives `text`.
std::optional<double> lossless_number(std::string_view text);

// OOXML writes characters that XML cannot hold (control characters such as the "\r" of a line
// break) as "_xHHHH_", so text that really contains such a sequence has its "_" escaped as
// "_x005F_". Readers decode; writers protect what libxlsxwriter leaves as is.
std::string decode_ooxml_escapes(std::string text);
std::string protect_ooxml_escapes(std::string text);

}  // namespace maillage::io::detail
