#pragma once
// For tests that check a file with an independent tool (pdfinfo, pdftoppm, python3-networkx):
// runs a shell command and returns what it wrote on standard output.
#include <cstdio>
#include <string>

namespace maillage::testing {

inline std::string command_output(const std::string& command, int* status = nullptr) {
    std::string out;
    std::FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        if (status) *status = -1;
        return out;
    }
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    int code = pclose(pipe);
    if (status) *status = code;
    return out;
}

}  // namespace maillage::testing
