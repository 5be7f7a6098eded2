#pragma once
// A NeedsService on a fresh database of each backend, with two poles and a counsellor.
#include <gtest/gtest.h>

#include <sstream>

#include "core/progress.hpp"
#include "io/table_reader.hpp"
#include "needs/json_records.hpp"
#include "needs/needs_service.hpp"
#include "store/testing.hpp"
#include "test_data.hpp"

namespace maillage::needs::test_support {

class ServiceTest : public ::testing::TestWithParam<std::string> {
  protected:
    void SetUp() override {
        fixture_ = store::testdb::fresh(GetParam());
        if (!fixture_) GTEST_SKIP() << "backend not configured";
        service_ =
            std::make_unique<NeedsService>(fixture_->database(), taxonomy(), small_territory());
        pole_a_ = insert(
            "INSERT INTO poles (slug, name, kind, created_at) VALUES ('a', 'Pôle A', 'ptce', "
            "'now') "
            "RETURNING id");
        pole_b_ = insert(
            "INSERT INTO poles (slug, name, kind, created_at) VALUES ('b', 'Pôle B', 'ptce', "
            "'now') "
            "RETURNING id");
        user_ = insert(
            "INSERT INTO users (email, name, created_at) VALUES ('c@x.org', 'C', 'now') RETURNING "
            "id");
    }

    std::int64_t insert(const std::string& sql) {
        return fixture_->database().write(
            [&](store::Connection& c) { return c.query(sql)[0].integer(0); });
    }
    std::int64_t count(const std::string& sql) {
        return fixture_->database().read(
            [&](store::Connection& c) { return c.query(sql)[0].integer(0); });
    }
    // The import and the rationalisation write with foreign keys unchecked: SQLite's own check
    // of every reference must still find nothing dangling (PostgreSQL checks them anyway).
    void expect_no_dangling_reference() {
        if (fixture_->database().dialect() != store::Dialect::sqlite) return;
        auto dangling = fixture_->database().read(
            [](store::Connection& c) { return c.query("PRAGMA foreign_key_check").size(); });
        EXPECT_EQ(dangling, 0u);
    }

    static std::unique_ptr<io::TableReader> csv(const std::string& text,
                                                const std::string& name = "intake.csv") {
        return io::open_csv_stream(std::make_unique<std::istringstream>(text), name, text.size());
    }
    static std::unique_ptr<io::TableReader> json(const std::string& text,
                                                 const std::string& name = "intake.json") {
        return open_json_records(std::make_unique<std::istringstream>(text), name, text.size());
    }
    ImportSummary import(std::int64_t pole, io::TableReader& reader) {
        NoProgress progress;
        return service_->import_records(pole, user_, reader, progress);
    }
    RecordInput input(const std::string& id, const std::string& proposal,
                      const std::string& commune = "40312") {
        RecordInput r;
        r.record_id = id;
        r.proposal_text = proposal;
        r.commune = commune;
        return r;
    }

    std::unique_ptr<store::testdb::TestDatabase> fixture_;
    std::unique_ptr<NeedsService> service_;
    std::int64_t pole_a_ = 0, pole_b_ = 0, user_ = 0;
    NoProgress quiet_;
};

}  // namespace maillage::needs::test_support
