#!/usr/bin/python3
"""The same metrics as `network_scale`, computed with Debian's python3-networkx, for the ratio
asked by the issue. Reads the TSV written by `network_scale --tsv` (from, to, signed weight per
relation), builds the same undirected projection (mean of each direction's weight, then of the
two directions) and times each metric. networkx has no Leiden and no signed community
detection: Louvain on the positive graph stands in for the community step. Prints JSON.

    /usr/bin/python3 bench/network/networkx_bench.py graph.tsv [--sources 128] [--skip louvain,eigenvector]
"""
import json
import resource
import sys
import time
from collections import defaultdict

import networkx as nx


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(results, name, fn):
    w, c = time.perf_counter(), cpu()
    value = fn()
    results[name] = {"wall_s": time.perf_counter() - w, "cpu_s": cpu() - c}
    return value


def projection(path):
    directed = defaultdict(list)
    for line in open(path):
        a, b, w = line.split("\t")
        directed[(int(a), int(b))].append(float(w))
    pairs = defaultdict(list)
    for (a, b), ws in directed.items():
        pairs[(min(a, b), max(a, b))].append(sum(ws) / len(ws))
    g = nx.Graph()
    for (a, b), ws in pairs.items():
        g.add_edge(a, b, weight=sum(ws) / len(ws))
    return g


def signed_triangles(g):
    """Signed triangle census over pairs with a non-zero weight, each triangle once."""
    order = {v: i for i, v in enumerate(sorted(g.nodes, key=lambda v: (g.degree(v), v)))}
    forward = {v: {u for u, d in g.adj[v].items() if d["weight"] != 0 and order[u] > order[v]} for v in g.nodes}
    counts = [0, 0, 0, 0]
    for u in g.nodes:
        for v in forward[u]:
            for w in forward[u] & forward[v]:
                negatives = sum(1 for x, y in ((u, v), (v, w), (u, w)) if g.adj[x][y]["weight"] < 0)
                counts[negatives] += 1
    return counts


def main():
    path = sys.argv[1]
    sources = 128
    skip = set()
    args = sys.argv[2:]
    for i in range(0, len(args), 2):
        if args[i] == "--sources":
            sources = int(args[i + 1])
        elif args[i] == "--skip":
            skip = set(args[i + 1].split(","))
    results = {"networkx": nx.__version__}
    stages = {}
    g = timed(stages, "projection", lambda: projection(path))
    results["actors"], results["pairs"] = g.number_of_nodes(), g.number_of_edges()
    positive = timed(stages, "adjacency", lambda: g.edge_subgraph([(a, b) for a, b, d in g.edges(data=True) if d["weight"] > 0]).copy())
    positive.add_nodes_from(g.nodes)
    timed(stages, "degrees", lambda: (dict(g.degree()), {v: sum(abs(d["weight"]) for d in g.adj[v].values()) for v in g}))
    if "betweenness" not in skip:
        timed(stages, "betweenness_sampled", lambda: nx.betweenness_centrality(positive, k=min(sources, positive.number_of_nodes()), seed=1))
    if "pagerank" not in skip:
        def pagerank():
            try:
                return nx.pagerank(positive, weight="weight")
            except ImportError:  # nx.pagerank needs scipy; the pure-Python power method does not
                from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
                return _pagerank_python(positive, weight="weight")
        timed(stages, "pagerank", pagerank)
    if "eigenvector" not in skip:
        timed(stages, "eigenvector", lambda: nx.eigenvector_centrality(positive, weight="weight", max_iter=1000))
    if "louvain" not in skip:
        found = timed(stages, "louvain_positive", lambda: nx.community.louvain_communities(positive, weight="weight", seed=1))
        results["communities"] = len(found)
    if "triangles" not in skip:
        census = timed(stages, "triangles", lambda: signed_triangles(g))
        results["triangles"] = sum(census)
        results["balanced_share"] = (census[0] + census[2]) / sum(census) if sum(census) else 1.0
    results["stages"] = stages
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
