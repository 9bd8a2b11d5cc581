"""Prints the ratio table of a bench/peers/run.sh run: python report.py OUT

For each case and design: Agora's time per step (wall and process CPU), each peer's, the ratios
Agora / peer (below 1: Agora is faster) and the largest relative difference of the peer's
objective from Agora's (the check: at most 1e-6). Time per step: with several steps, the peers'
per-step update and solve (their one set-up left out, Agora's lowering too); with one step,
the peers' set-up plus solve against Agora's whole step.
"""
import json
import sys
from pathlib import Path

AGREEMENT = 1e-6


def agora_times(folder):
    header = json.loads((folder / "qp.json").read_text())
    solved = header["solved"]["centralized/ipm"]
    steps = len(header["steps"])
    return steps, sum(solved["seconds"]) / steps, solved["cpuSeconds"] / steps, header


def peer_times(result):
    steps = result["steps"]
    if steps == 1:
        return (result["setup_wall"] + result["solve_wall"], result["setup_cpu"] + result["solve_cpu"])
    return result["solve_wall"] / steps, result["solve_cpu"] / steps


def fmt_time(seconds):
    return f"{seconds * 1e3:.3f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main():
    out = Path(sys.argv[1])
    rows = [json.loads(line) for line in (out / "results.jsonl").read_text().splitlines() if line.strip()]
    head = ["case", "design", "vars", "steps", "agora wall", "agora cpu", "peer", "peer wall",
            "peer cpu", "ratio wall", "ratio cpu", "objective diff", "failed", "rebuilt", "peer MiB"]
    table = [head]
    bad = 0
    for r in rows:
        folder = out / r["case"] / r["design"]
        steps, wall, cpu, header = agora_times(folder)
        if "error" in r:
            table.append([r["case"], r["design"], str(header["variables"]), str(steps), fmt_time(wall),
                          fmt_time(cpu), r["solver"], "error", r["error"], "", "", "", "", "", ""])
            bad += 1
            continue
        peer_wall, peer_cpu = peer_times(r)
        agree = r["worst_relative_difference"] <= AGREEMENT and r["disagree"] == 0 and r["failed"] == 0
        bad += not agree
        table.append([r["case"], r["design"], str(r["variables"]), str(steps), fmt_time(wall),
                      fmt_time(cpu), r["solver"], fmt_time(peer_wall), fmt_time(peer_cpu),
                      f"{wall / peer_wall:.2f}", f"{cpu / peer_cpu:.2f}",
                      f"{r['worst_relative_difference']:.1e}" + ("" if agree else " (!)"),
                      str(r["failed"]), str(r["rebuilt"]), f"{r['peak_rss_mib']:.0f}"])
    widths = [max(len(row[c]) for row in table) for c in range(len(head))]
    for k, row in enumerate(table):
        print("  ".join(cell.rjust(widths[c]) if c >= 2 else cell.ljust(widths[c])
                        for c, cell in enumerate(row)).rstrip())
        if k == 0:
            print("  ".join("-" * w for w in widths))
    print("time per step; ratio = Agora / peer (below 1: Agora faster); objective diff: the largest "
          "|peer - Agora| / max(1, |Agora|) over the steps, (!) above 1e-6 or failed steps")
    print((out / "load.txt").read_text().rstrip())
    print("sparse 10,000 peers x 20 partners: not run, Agora cannot express a partner limit yet")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
