#!/usr/bin/env python3
"""Writes a CSV of N won tenders for `maillage commons tenders import` (docs/commons.md), each
with a consortium of 2 to 5 members drawn from the actors of an `export actors --format json`
file (by id). Deterministic for a given seed.

    generate_tenders.py actors.json 2000 > tenders.csv
"""
import json
import random
import sys


def main():
    actors = [a["id"] for a in json.load(open(sys.argv[1]))]
    count = int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    out = sys.stdout
    out.write("tender_reference;title;buyer;status;deadline_on;awarded_on;contract_start;"
              "contract_end;member_id;role;share_percent;insertion_hours_committed\n")
    for i in range(count):
        year = 2022 + i % 5
        members = rng.sample(actors, rng.randint(2, min(5, len(actors))))
        share = round(100 / len(members), 2) - 0.01
        tender = (f"Marché {i};Acheteur {i % 40};won;{year}-02-15;{year}-03-20;{year}-04-01;"
                  f"{year + 1}-03-31")
        for k, actor in enumerate(members):
            columns = tender if k == 0 else ";;;;;;"  # later rows leave the tender's cells empty
            role = "mandataire" if k == 0 else "co_traitant"
            out.write(f"BENCH-{i:05d};{columns};{actor};{role};{share};"
                      f"{rng.randint(100, 900)}\n")

if __name__ == "__main__":
    main()
