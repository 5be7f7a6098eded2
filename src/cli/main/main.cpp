#include "cli/commands.hpp"

int main(int argc, char** argv) { return maillage::cli::run(argc, argv); }
