"""Times Clarabel or OSQP on a QP exported by `agora bench --export-qp` (format in README.md).

    python peers.py DIR SOLVER [--tolerance X]

SOLVER is `clarabel` (model built once, then only bounds and costs updated per step when the
cone layout of the step is that of the previous one; otherwise rebuilt, and counted), or `osqp`
(set up once, then q, l, u and the diagonal of P updated per step). Prints one JSON line: set-up
and per-step seconds (wall and CPU), the largest relative difference of the objective from
Agora's, how many steps failed or disagree by more than 1e-6 relative, and the peak RSS.
"""
import argparse
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp

AGREEMENT = 1e-6


class Export:
    """One design's exported steps (see README.md)."""

    def __init__(self, folder):
        folder = Path(folder)
        self.header = json.loads((folder / "qp.json").read_text())
        if self.header["format"] != "agora-qp/1":
            sys.exit(f"{folder}: unknown format {self.header['format']}")
        n = self.n = self.header["variables"]
        m = self.m = self.header["constraints"]
        steps = self.steps = len(self.header["steps"])
        row_start = np.fromfile(folder / "row_start.i32", dtype="<i4")
        columns = np.fromfile(folder / "column_index.i32", dtype="<i4")
        values = np.fromfile(folder / "coefficient.f64", dtype="<f8")
        # duplicates (a variable twice in a row) are summed by the conversion
        self.A = sp.csr_matrix((values, columns, row_start), shape=(m, n)).tocsc()
        self.A.sum_duplicates()

        def per_step(name, width):
            return np.fromfile(folder / f"{name}.f64", dtype="<f8").reshape(steps, width)

        self.lower = per_step("lower", n)
        self.upper = per_step("upper", n)
        self.linear = per_step("linear", n)
        self.quadratic = per_step("quadratic", n)
        self.row_lower = per_step("row_lower", m)
        self.row_upper = per_step("row_upper", m)
        self.constant = np.asarray(self.header["constant"], dtype=float)
        solved = self.header["solved"]
        self.agora = next(iter(solved.values()))["objective"] if solved else None

    def objective(self, k, x):
        return float(np.dot(self.quadratic[k] * x + self.linear[k], x) + self.constant[k])


class Clock:
    """Wall and CPU seconds of what runs inside."""

    def __init__(self):
        self.wall = 0.0
        self.cpu = 0.0

    def __enter__(self):
        self._wall = time.perf_counter()
        self._cpu = time.process_time()
        return self

    def __exit__(self, *args):
        self.wall += time.perf_counter() - self._wall
        self.cpu += time.process_time() - self._cpu


def diagonal(values):
    """A diagonal CSC matrix keeping every slot (zeros included), so updates keep its pattern."""
    n = len(values)
    return sp.csc_matrix((np.asarray(values, dtype=float), np.arange(n), np.arange(n + 1)), shape=(n, n))


def run_osqp(e, tolerance, threads):
    import osqp
    A = sp.vstack([e.A, sp.identity(e.n, format="csc")], format="csc")
    setup, solve = Clock(), Clock()
    results = []
    with setup:
        # OSQP minimises 1/2 x'Px + q'x: P = diag(2 quadratic)
        solver = osqp.OSQP()
        solver.setup(P=diagonal(2.0 * e.quadratic[0]), q=e.linear[0], A=A,
                     l=np.concatenate([e.row_lower[0], e.lower[0]]),
                     u=np.concatenate([e.row_upper[0], e.upper[0]]), eps_abs=tolerance,
                     eps_rel=tolerance, polishing=True, max_iter=1000000, verbose=False)
    for k in range(e.steps):
        with solve:
            if k > 0:
                solver.update(q=e.linear[k], l=np.concatenate([e.row_lower[k], e.lower[k]]),
                              u=np.concatenate([e.row_upper[k], e.upper[k]]),
                              Px=2.0 * e.quadratic[k])
            r = solver.solve()
        ok = r.info.status_val == osqp.SolverStatus.OSQP_SOLVED
        results.append((ok, r.x if ok else None, r.info.iter))
    return setup, solve, results, 0


def clarabel_data(e, full, k):
    """Clarabel's A x + s = b with s in cones: equalities (zero cone), then the finite upper
    sides and the finite lower sides (non-negative cone), rows first, then variable bounds."""
    lo = np.concatenate([e.row_lower[k], e.lower[k]])
    up = np.concatenate([e.row_upper[k], e.upper[k]])
    equal = lo == up
    has_up = np.isfinite(up) & ~equal
    has_lo = np.isfinite(lo) & ~equal
    layout = (equal.tobytes(), has_up.tobytes(), has_lo.tobytes())
    b = np.concatenate([lo[equal], up[has_up], -lo[has_lo]])

    def matrix():
        return sp.vstack([full[equal], full[has_up], -full[has_lo]], format="csc")

    cones = (int(equal.sum()), int(has_up.sum() + has_lo.sum()))
    return layout, b, matrix, cones


def run_clarabel(e, tolerance, threads):
    import clarabel
    full = sp.vstack([e.A, sp.identity(e.n, format="csc")], format="csr")
    settings = clarabel.DefaultSettings()
    settings.verbose = False
    settings.tol_gap_abs = tolerance
    settings.tol_gap_rel = tolerance
    settings.tol_feas = tolerance
    settings.max_threads = threads
    settings.presolve_enable = False  # bounds are updated per step; a presolved model refuses that
    setup, solve = Clock(), Clock()
    results = []
    current = None
    rebuilt = 0
    solver = None
    for k in range(e.steps):
        # step 0's build is set-up; a later step's rebuild or update is part of its solve
        with setup if k == 0 else solve:
            layout, b, matrix, cones = clarabel_data(e, full, k)
            P = 2.0 * e.quadratic[k]
            if layout == current and solver.is_data_update_allowed():
                solver.update(q=e.linear[k], b=b, P=P)
            else:
                rebuilt += k > 0
                solver = clarabel.DefaultSolver(diagonal(P), e.linear[k], matrix(), b,
                                                [clarabel.ZeroConeT(cones[0]),
                                                 clarabel.NonnegativeConeT(cones[1])], settings)
                current = layout
        with solve:
            r = solver.solve()
        ok = str(r.status) == "Solved"
        results.append((ok, np.asarray(r.x) if ok else None, r.iterations))
    return setup, solve, results, rebuilt


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("solver", choices=["clarabel", "osqp"])
    parser.add_argument("--tolerance", type=float, default=1e-8)
    parser.add_argument("--case", default="", help="a label copied to the output")
    parser.add_argument("--threads", type=int, default=1, help="Clarabel's max_threads (0 = auto)")
    args = parser.parse_args()
    with Clock() as load:
        e = Export(args.folder)
    run = run_clarabel if args.solver == "clarabel" else run_osqp
    setup, solve, results, rebuilt = run(e, args.tolerance, args.threads)
    worst = 0.0
    failed = 0
    disagree = 0
    iterations = []
    for k, (ok, x, its) in enumerate(results):
        iterations.append(its)
        if not ok:
            failed += 1
            continue
        mine = e.objective(k, x)
        theirs = e.agora[k]
        difference = abs(mine - theirs) / max(1.0, abs(theirs))
        worst = max(worst, difference)
        disagree += difference > AGREEMENT
    print(json.dumps({
        "case": args.case, "solver": args.solver, "tolerance": args.tolerance, "design": e.header["design"], "variables": e.n,
        "constraints": e.m, "steps": e.steps, "load_seconds": load.wall,
        "setup_wall": setup.wall, "setup_cpu": setup.cpu,
        "solve_wall": solve.wall, "solve_cpu": solve.cpu,
        "rebuilt": rebuilt, "failed": failed, "disagree": disagree,
        "worst_relative_difference": worst,
        "iterations_median": float(np.median(iterations)),
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    }))


if __name__ == "__main__":
    main()
