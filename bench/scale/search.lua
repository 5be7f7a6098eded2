-- wrk script for the actor search benchmark (bench/scale/run.sh).
--
--   MAILLAGE_TOKEN=<bearer token> wrk -t2 -c32 -d15s --latency -s bench/scale/search.lua \
--       http://127.0.0.1:18181
--
-- Every request carries the session token and the requests rotate over realistic searches:
-- radius + kind + text around towns of every size, some with a family instead of a kind, a
-- NAF prefix or no text, as the directory page sends them. A summary line counts the answers
-- that were not 200, so a benchmark of error pages cannot pass unnoticed.

local token = os.getenv("MAILLAGE_TOKEN")
if token == nil or token == "" then
    error("set MAILLAGE_TOKEN to a session token (POST /api/auth/login)")
end

local queries = {
    "commune=40312&radius_km=30&kind=ei&q=bat",
    "commune=64102&radius_km=20&kind=aci&q=jardin",
    "commune=33063&radius_km=30&kind=association_1901&q=solid",
    "commune=69123&radius_km=10&kind=scop&q=atelier",
    "commune=40088&radius_km=50&family=siae",
    "commune=31555&radius_km=25&kind=ei&q=bois",
    "commune=44109&radius_km=15&family=cooperative&q=coop",
    "commune=64445&radius_km=40&kind=aci&q=chantier",
    "commune=59350&radius_km=20&kind=geiq",
    "commune=35238&radius_km=30&kind=association_1901&q=emploi",
    "commune=092009&radius_km=30&kind=social_cooperative&q=lavoro",
    "commune=87085&radius_km=50&family=siae&q=recyclerie",
    "commune=13055&radius_km=10&kind=ei&q=bat",
    "commune=40192&radius_km=30&naf=88&q=insertion",
    "commune=67482&radius_km=20&kind=ai",
    "commune=12202&radius_km=40&kind=ess_company&q=services",
}

local paths = {}
for i, q in ipairs(queries) do
    paths[i] = "/api/actors?" .. q
end

local counter = 0
local threads = {}

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    -- Threads start at different places of the list.
    counter = (id or 1) * 7
    non_200 = 0
    wrk.headers["Authorization"] = "Bearer " .. token
    wrk.headers["Accept"] = "application/json"
end

function request()
    counter = counter + 1
    return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
    if status ~= 200 then
        non_200 = non_200 + 1
    end
end

function done(summary, latency, requests)
    local failed = 0
    for _, thread in ipairs(threads) do
        failed = failed + (thread:get("non_200") or 0)
    end
    io.write(string.format("non-200 answers: %d\n", failed))
    io.write(string.format("SUMMARY requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f " ..
                           "p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non200=%d\n",
                           summary.requests, summary.duration / 1e6,
                           summary.requests / (summary.duration / 1e6),
                           latency:percentile(50) / 1000, latency:percentile(90) / 1000,
                           latency:percentile(99) / 1000, latency.max / 1000,
                           summary.errors.connect + summary.errors.read + summary.errors.write +
                               summary.errors.status + summary.errors.timeout,
                           failed))
end
