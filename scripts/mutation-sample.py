#!/usr/bin/env python3
"""A project's mutation score estimated from a random sample of its source lines (docs/mutation-testing.md, "Sampled scores").

Testing every mutant of src/Math (about 8 400 that compile) takes a day on a 2-core machine, so its project-level score is
estimated instead. The sample is one of lines: a seeded uniform draw, without replacement, of the code lines of the chosen
files (lines that are not blank, not a comment and not a lone brace). Stryker.NET selects mutants by character spans of a
file (`--mutate "File.cs{start..end}"` keeps a mutant whose node lies within a span), so each sampled line becomes the span
of that line, and every mutant whose node lies on that one line is tested: the lines are clusters of mutants. Mutants whose
node spans several lines (the removal of a multi-line block or statement) lie on no single line and are outside this
design; the estimate is the score of the single-line mutants, which are most of them (operators, literals, calls, strings).

The estimate is the ratio killed/(killed + survived + no coverage) over all mutants of the sampled lines, with a 95 %
interval from the ratio estimator's linearized variance over the lines (clusters), corrected for the finite population of
lines.

Usage:
  mutation-sample.py draw PROJECT_DIR --lines N --seed S --out SAMPLE.json [--under FOLDER]
      Draws N code lines of PROJECT_DIR's .cs files (or of those under FOLDER, relative to PROJECT_DIR), writes SAMPLE.json
      and SAMPLE.mutate (the --mutate patterns, one per line, for `scripts/mutation.sh PROJECT @SAMPLE.mutate`).
  mutation-sample.py score SAMPLE.json SAMPLE_RUN_REPORT.json [SAMPLE2.json REPORT2.json ...]
      Prints the estimate and its interval, the statuses, and every surviving or uncovered mutant of the sample. Timeouts
      are listed apart and counted as killed only in a second line (as Stryker counts them). Several pairs (independent
      draws of the same code, each run with the same tests) are pooled into one estimate.
"""
import argparse
import json
import math
import os
import random
import sys

def load_report(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def relative(path, root_marker):
    """The file's path relative to the mutated project (what Stryker's --mutate globs match)."""
    i = path.replace("\\", "/").find(root_marker)
    if i < 0:
        sys.exit(f"error: {path} is not under {root_marker}")
    return path.replace("\\", "/")[i + len(root_marker):]


def is_code(line):
    text = line.strip()
    return bool(text) and not text.startswith("//") and text not in ("{", "}", "};", "});")


def code_lines(project_dir, under):
    """(file relative to the project, 1-based line number, UTF-16 start offset, UTF-16 end offset) of every code line."""
    root = os.path.join(project_dir, under) if under else project_dir
    rows = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in ("bin", "obj"))
        for name in sorted(files):
            if not name.endswith(".cs"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8-sig") as f:
                source = f.read()
            file = os.path.relpath(path, project_dir).replace(os.sep, "/")
            offset = 0
            for number, line in enumerate(source.split("\n"), start=1):
                length = len(line.encode("utf-16-le")) // 2
                if is_code(line):
                    body = line.rstrip("\r")
                    rows.append((file, number, offset, offset + len(body.encode("utf-16-le")) // 2))
                offset += length + 1
    return rows


def draw(args):
    rows = code_lines(args.project_dir, args.under)
    if not 0 < args.lines <= len(rows):
        sys.exit(f"error: --lines must be in 1..{len(rows)} (the code lines found), not {args.lines}")
    sample = sorted(random.Random(args.seed).sample(rows, args.lines))
    project = os.path.basename(os.path.normpath(args.project_dir))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump({"project": project, "under": args.under or ".", "seed": args.seed, "populationLines": len(rows),
                   "lines": [{"file": r[0], "line": r[1], "start": r[2], "end": r[3]} for r in sample]}, f, indent=1)
    mutate_path = args.out.removesuffix(".json") + ".mutate"
    with open(mutate_path, "w", encoding="utf-8") as f:
        f.write("\n".join(f"{r[0]}{{{r[2]}..{r[3]}}}" for r in sample) + "\n")
    print(f"{len(sample)} of {len(rows)} code lines in {len({r[0] for r in sample})} files (seed {args.seed}); "
          f"wrote {args.out} and {mutate_path}")


def ratio_interval(clusters, population, z=1.959964):
    """Ratio estimate sum(k)/sum(m) over sampled clusters (k, m) and its 95 % interval (linearized variance, with the
    finite-population correction for drawing n of `population` clusters without replacement)."""
    n = len(clusters)
    total = sum(m for _, m in clusters)
    ratio = sum(k for k, _ in clusters) / total
    mean_m = total / n
    residual = sum((k - ratio * m) ** 2 for k, m in clusters) / (n - 1)
    se = math.sqrt((1 - n / population) * residual / n) / mean_m
    return ratio, max(0.0, ratio - z * se), min(1.0, ratio + z * se)


def lines_of(sample_path, report_path):
    """The mutants Stryker reported on each sampled line: {(file, line): [mutant, ...]}, and the count of others."""
    with open(sample_path, encoding="utf-8") as f:
        sample = json.load(f)
    report = load_report(report_path)
    marker = f"/src/{sample['project']}/"
    per_line = {(r["file"], r["line"]): [] for r in sample["lines"]}
    outside = 0
    for path, entry in report["files"].items():
        file = relative(path, marker)
        for m in entry["mutants"]:
            start, end = m["location"]["start"]["line"], m["location"]["end"]["line"]
            if m["status"] in ("CompileError", "Ignored"):
                continue
            if start != end or (file, start) not in per_line:
                outside += 1
                continue
            per_line[(file, start)].append(m)
    return sample, per_line, outside


def score(args):
    if len(args.pairs) % 2:
        sys.exit("error: give SAMPLE.json REPORT.json pairs")
    clusters_by_line, population = [], 0
    for sample_path, report_path in zip(args.pairs[::2], args.pairs[1::2]):
        sample, per_line, outside = lines_of(sample_path, report_path)
        population = max(population, sample["populationLines"])
        statuses = {}
        for mutants in per_line.values():
            for m in mutants:
                statuses[m["status"]] = statuses.get(m["status"], 0) + 1
        print(f"{len(per_line)} sampled lines of {sample['populationLines']} (seed {sample['seed']}, {sample['under']}); "
              f"{sum(len(v) for v in per_line.values())} mutants on them: "
              + ", ".join(f"{k} {v}" for k, v in sorted(statuses.items()))
              + (f"; {outside} tested mutants outside the sampled lines (not counted)" if outside else ""))
        clusters_by_line += sorted(per_line.items())
    if len(args.pairs) > 2:
        print(f"pooled: {len(clusters_by_line)} sampled lines (independent draws; a line drawn twice counts twice)")
    for label, detected in (("timeouts not counted", ("Killed",)), ("timeouts as killed (Stryker)", ("Killed", "Timeout"))):
        clusters = []
        for _, mutants in clusters_by_line:
            counted = [m for m in mutants if m["status"] in ("Killed", "Survived", "NoCoverage", "Timeout")
                       and (m["status"] != "Timeout" or "Timeout" in detected)]
            clusters.append((sum(m["status"] in detected for m in counted), len(counted)))
        k, total = sum(c[0] for c in clusters), sum(c[1] for c in clusters)
        if total == 0:
            print(f"  {label}: no mutant on the sampled lines")
            continue
        ratio, lo, hi = ratio_interval(clusters, population)
        print(f"  {label}: {k}/{total} = {100 * ratio:.1f} %, 95 % interval [{100 * lo:.1f} %, {100 * hi:.1f} %]")
    for (file, line), mutants in clusters_by_line:
        for m in mutants:
            if m["status"] in ("Survived", "NoCoverage", "Timeout"):
                print(f"  {m['status']}: {file}:{line} {m['mutatorName']} -> {m.get('replacement', '')[:80]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("project_dir")
    d.add_argument("--under", default="")
    d.add_argument("--lines", type=int, required=True)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--out", required=True)
    d.set_defaults(run=draw)
    s = sub.add_parser("score")
    s.add_argument("pairs", nargs="+", metavar="SAMPLE.json REPORT.json")
    s.set_defaults(run=score)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
