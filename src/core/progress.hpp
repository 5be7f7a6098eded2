#pragma once
// Long jobs report progress through this interface: the CLI draws a bar, the API
// records it in the job's status. Domain code only ever sees the interface.
#include <cstddef>
#include <string_view>

namespace maillage {

class Progress {
  public:
    virtual ~Progress() = default;
    // `total` may be 0 when unknown (e.g. a streamed file of unknown length).
    virtual void update(std::string_view stage, std::size_t done, std::size_t total) = 0;
};

class NoProgress final : public Progress {
  public:
    void update(std::string_view, std::size_t, std::size_t) override {}
};

}  // namespace maillage
