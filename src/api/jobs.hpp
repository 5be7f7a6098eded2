#pragma once
// Background jobs for work too long for a request (imports, solvers): the request gets
// 202 and a job id at once; the client polls the job's status and progress.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/json.hpp"
#include "core/progress.hpp"

namespace maillage::api {

class Jobs {
  public:
    using Work = std::function<Json(Progress&)>;

    explicit Jobs(std::size_t workers = 2);
    ~Jobs();
    Jobs(const Jobs&) = delete;
    Jobs& operator=(const Jobs&) = delete;

    std::string submit(const std::string& kind, std::int64_t owner, Work work);
    // The job's status, or nothing when it does not exist or belongs to someone else.
    std::optional<Json> status(const std::string& id, std::int64_t owner) const;
    // Blocks until the job has finished (tests and the CLI).
    void wait(const std::string& id) const;

  private:
    struct Job;
    class JobProgress;
    void work_loop();
    void forget_old_jobs();

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::map<std::string, std::shared_ptr<Job>> jobs_;
    std::deque<std::shared_ptr<Job>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace maillage::api
