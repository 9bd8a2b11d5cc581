"""Writes a synthetic full P2P market as an Agora scenario (stdlib only):

    python market.py PEERS [--seed S] > market.agora

One grid (import 100 $/MWh, export 60 $/MWh), then alternately a producer and a consumer with
seeded random quadratic costs and bounds, and a fee of 0.01 $/MWh on every trade (the shape of
market/src/test/java/agora/market/admm/AdmmBenchmark.java). One step of one hour: in the full
design every peer may trade with every other, so PEERS = 1000 gives about 10^6 trade variables.
"""
import argparse
import random


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("peers", type=int)
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    lines = [f'scenario "synthetic full P2P market of {args.peers} peers"',
             "time from 2024-06-01 12:00 step 1 h count 1",
             "grid g { import price = 100 $/MWh; export price = 60 $/MWh }"]
    for i in range(1, args.peers):
        a = 0.5 + 4.5 * rng.random()
        if i % 2 == 1:
            pmax = 1 + 9 * rng.random()
            b = 10 + 40 * rng.random()
            lines.append(f"producer g{i} {{ bounds = 0 MW .. {pmax:.4f} MW; "
                         f"cost = {a:.4f} $/MW²h * p² + {b:.4f} $/MWh * p }}")
        else:
            load = 1 + 9 * rng.random()
            b = 60 + 40 * rng.random()
            lines.append(f"consumer d{i} {{ bounds = -{load:.4f} MW .. 0 MW; "
                         f"cost = {a:.4f} $/MW²h * p² + {b:.4f} $/MWh * p }}")
    lines.append("tariff { fee every trade = 0.01 $/MWh }")
    lines.append("market { design full }")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
