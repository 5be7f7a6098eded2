#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "io/table_reader.hpp"
#include "test_support.hpp"

using namespace maillage::io;
using namespace maillage::io::testing;

namespace {

#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer keeps freed memory in quarantine, so resident memory says nothing then.
constexpr bool resident_memory_is_meaningful = false;
#else
constexpr bool resident_memory_is_meaningful = true;
#endif

// Resident memory of this process in KiB, from /proc/self/status.
long resident_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
    }
    return -1;
}

}  // namespace

TEST(LargeFile, FiftyMegabyteCsvIsStreamedInLittleMemory) {
    ScratchDir dir;
    std::string path = dir.file("large.csv");
    constexpr std::size_t target_size = 50u * 1024 * 1024;
    std::int64_t written_rows = 0;
    {
        std::ofstream out(path, std::ios::binary);
        out << "id;name;commune;description\n";
        std::string row;
        std::size_t size = 0;
        while (size < target_size) {
            row = std::to_string(written_rows) + ";Société coopérative " +
                  std::to_string(written_rows) +
                  ";Tarnos;\"Une description avec des ; et\nun retour à la ligne\"\n";
            out << row;
            size += row.size();
            ++written_rows;
        }
    }
    ASSERT_GE(std::filesystem::file_size(path), target_size);

    long before = resident_kib();
    ASSERT_GT(before, 0);
    long peak = before;
    auto reader = open_table(path);
    TableRow row;
    std::int64_t rows = 0;
    std::int64_t expected_line = 2;
    while (reader->next(row)) {
        ASSERT_EQ(row.problem, "");
        ASSERT_EQ(row.line, expected_line);
        expected_line += 2;  // every description spans two lines
        if (++rows % 10000 == 0) peak = std::max(peak, resident_kib());
    }
    peak = std::max(peak, resident_kib());
    EXPECT_EQ(rows, written_rows);
    EXPECT_EQ(reader->bytes_read(), reader->total_bytes());
    // The file is 50 MiB; the reader needs a buffer of 64 KiB. 8 MiB leaves room for the
    // allocator and the test's own bookkeeping.
    if (resident_memory_is_meaningful) {
        EXPECT_LT(peak - before, 8 * 1024)
            << "resident memory grew by " << (peak - before) << " KiB";
    }
}
