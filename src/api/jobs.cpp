#include "api/jobs.hpp"

#include <chrono>
#include <random>

#include "api/router.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"

namespace maillage::api {

struct Jobs::Job {
    std::string id;
    std::string kind;
    std::int64_t owner = 0;
    Work work;
    std::string status = "queued";
    std::string stage;
    std::size_t done = 0;
    std::size_t total = 0;
    Json result;
    Json error;
    std::int64_t finished_at = 0;
};

class Jobs::JobProgress final : public Progress {
  public:
    JobProgress(Jobs& jobs, Job& job) : jobs_(jobs), job_(job) {}
    void update(std::string_view stage, std::size_t done, std::size_t total) override {
        std::lock_guard lock(jobs_.mutex_);
        job_.stage = stage;
        job_.done = done;
        job_.total = total;
    }

  private:
    Jobs& jobs_;
    Job& job_;
};

namespace {
constexpr std::int64_t kKeepFinishedSeconds = 3600;

std::string new_job_id() {
    static thread_local std::mt19937_64 generator{std::random_device{}()};
    char buf[33];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(generator()),
                  static_cast<unsigned long long>(generator()));
    return buf;
}
}  // namespace

Jobs::Jobs(std::size_t workers) {
    for (std::size_t i = 0; i < std::max<std::size_t>(workers, 1); ++i)
        workers_.emplace_back([this] { work_loop(); });
}

Jobs::~Jobs() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    for (auto& worker : workers_) worker.join();
}

std::string Jobs::submit(const std::string& kind, std::int64_t owner, Work work) {
    auto job = std::make_shared<Job>();
    job->id = new_job_id();
    job->kind = kind;
    job->owner = owner;
    job->work = std::move(work);
    {
        std::lock_guard lock(mutex_);
        forget_old_jobs();
        jobs_[job->id] = job;
        queue_.push_back(job);
    }
    changed_.notify_all();
    return job->id;
}

void Jobs::work_loop() {
    for (;;) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            job = queue_.front();
            queue_.pop_front();
            job->status = "running";
        }
        JobProgress progress(*this, *job);
        Json result, error;
        try {
            result = job->work(progress);
        } catch (const Error& e) {
            error = error_json(e)["error"];
        } catch (const std::exception& e) {
            error = {{"code", "internal"}, {"message", e.what()}};
        }
        {
            std::lock_guard lock(mutex_);
            job->status = error.is_null() ? "succeeded" : "failed";
            job->result = std::move(result);
            job->error = std::move(error);
            job->finished_at = clock::now_seconds();
            job->work = nullptr;
        }
        changed_.notify_all();
    }
}

void Jobs::forget_old_jobs() {
    auto limit = clock::now_seconds() - kKeepFinishedSeconds;
    for (auto it = jobs_.begin(); it != jobs_.end();)
        it = it->second->finished_at && it->second->finished_at < limit ? jobs_.erase(it)
                                                                        : std::next(it);
}

std::optional<Json> Jobs::status(const std::string& id, std::int64_t owner) const {
    std::lock_guard lock(mutex_);
    auto it = jobs_.find(id);
    if (it == jobs_.end() || it->second->owner != owner) return std::nullopt;
    const Job& job = *it->second;
    Json status = {{"id", job.id},
                   {"kind", job.kind},
                   {"status", job.status},
                   {"progress", {{"stage", job.stage}, {"done", job.done}, {"total", job.total}}},
                   {"result", job.result},
                   {"error", job.error}};
    return status;
}

void Jobs::wait(const std::string& id) const {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] {
        auto it = jobs_.find(id);
        return it == jobs_.end() || it->second->finished_at != 0;
    });
}

}  // namespace maillage::api
