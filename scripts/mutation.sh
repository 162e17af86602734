#!/usr/bin/env bash
# Mutation testing with Stryker.NET, outside the normal CI run (too slow for every push: a run rebuilds the solution
# and re-runs the covering tests once per mutant). docs/mutation-testing.md explains the invocation and records scores.
#
# Usage: scripts/mutation.sh PROJECT FOLDER [FOLDER...] [-- EXTRA STRYKER OPTIONS (not --output: the script sets it)]
#   PROJECT  Math | Optimizers (the project under src/ whose code is mutated)
#   FOLDER   a folder or one .cs file of that project, relative to src/PROJECT ('.' = its top-level files only,
#            'all' = every file of the project: the project-level score);
#            several may be given, one run then covers them all (the run's fixed cost, 10-20 min on a loaded 2-core machine, is paid once)
#            '@FILE' = the --mutate patterns listed in FILE (a path from the repository root; a sample drawn by
#            scripts/mutation-sample.py)
# Environment:
#   MUTATION_TEST_FILTER  vstest filter for the tests run against mutants
#                         (default: every test except the tensor ones (`.Torch.`: slow, and they compare against
#                         this code rather than derive values), the regression tests, the FlawedOptimizers example and
#                         TorchOptimizers.Tests (it loads libtorch in every test host Stryker starts))
#   MUTATION_CONCURRENCY  parallel test sessions (default 1)
#   MUTATION_TEST_PROJECTS  the test projects (.csproj paths, space-separated) whose tests run against the mutants
#                         (default: tests/Properties/Verification.Tests.Properties.csproj). Stryker starts a test host
#                         per test project for every test run, even for one with no test in the filter, so each project
#                         not needed costs 2-3 s a mutant; the run uses a solution of these and what they reference.
# Writes out/mutation/<PROJECT>-<folders>/ (Stryker's JSON and HTML reports, its console log and, under logs/, its
# trace log, which names every group of mutants tested as it goes: the only progress a stopped run leaves) and prints
# the score per folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

if [[ $# -lt 2 ]]; then
    sed -n '5,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 1
fi
project=$1; shift
case "$project" in
    Math) assembly=Numerics ;;        # src/Math is the project Verification.Numerics
    Optimizers) assembly=Optimizers ;;
    *) echo "error: PROJECT must be Math or Optimizers, not '$project'." >&2; exit 1 ;;
esac

folders=()
while [[ $# -gt 0 && "$1" != "--" ]]; do folders+=("$1"); shift; done
[[ "${1:-}" == "--" ]] && shift
extra=("$@")

mutate=()
for folder in "${folders[@]}"; do
    folder=${folder%/}
    if [[ "$folder" == @* ]]; then
        # A file of Stryker --mutate patterns, one per line, passed as they are (scripts/mutation-sample.py writes one:
        # character spans of single mutants, `File.cs{start..end}`, and `!` spans to leave out).
        [[ -f "${folder#@}" ]] || { echo "error: pattern file ${folder#@} not found." >&2; exit 1; }
        while IFS= read -r pattern; do
            [[ -n "$pattern" ]] && mutate+=(--mutate "$pattern")
        done < "${folder#@}"
        continue
    fi
    if [[ "$folder" == "all" ]]; then
        mutate+=(--mutate "**/*.cs")                  # the whole project
        continue
    fi
    # Stryker matches these globs against each file's path relative to the mutated project (and its full path).
    if [[ -f "src/$project/$folder" && "$folder" == *.cs ]]; then
        mutate+=(--mutate "$folder")
    elif [[ ! -d "src/$project/$folder" ]]; then
        echo "error: src/$project/$folder is neither a folder nor a .cs file." >&2
        exit 1
    elif [[ "$folder" == "." ]]; then
        mutate+=(--mutate "*.cs")                     # top-level files only: '*' stops at '/'
    else
        mutate+=(--mutate "$folder/**/*.cs")
    fi
done

filter=${MUTATION_TEST_FILTER:-'FullyQualifiedName!~.Torch.&FullyQualifiedName!~Verification.Tests.Regression&FullyQualifiedName!~FlawedOptimizers&FullyQualifiedName!~TorchOptimizers.Tests'}
name="$project-$(printf '%s-' "${folders[@]}" | tr '/.@' '___' | sed 's/-$//' | cut -c1-80)"
out="$root/out/mutation/$name"
mkdir -p "$out"

# A solution of the test projects and what they reference (src/, never the example or benchmark projects the tests do not
# use), in the repository root: Stryker 5.1 finds no project in a solution whose paths start with '..\' (one under out/
# gave "No .csproj or .fsproj file found"). Removed when the script ends; .gitignore lists it.
solution="$root/Verification.Mutation.sln"
trap 'rm -f "$solution"' EXIT
rm -f "$solution"
dotnet new sln --name Verification.Mutation --output "$root" --format sln >/dev/null
read -r -a test_projects <<< "${MUTATION_TEST_PROJECTS:-tests/Properties/Verification.Tests.Properties.csproj}"
dotnet sln "$solution" add "src/$project/Verification.$assembly.csproj" "${test_projects[@]}" >/dev/null

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null

# Solution mode (run from the repository root with --solution): the test projects reach src/Math and src/Optimizers
# only through other projects, and in test-project mode Stryker.NET 5.1 looks for the mutated project among the
# test project's direct references only ("No project found").
start=$(date +%s)
set +e
dotnet stryker \
    --solution "$solution" \
    --project "Verification.$assembly.csproj" \
    "${mutate[@]}" \
    --test-case-filter "$filter" \
    --concurrency "${MUTATION_CONCURRENCY:-1}" \
    --reporter Json --reporter Html --reporter ClearText \
    --log-to-file \
    --output "$out" \
    --skip-version-check \
    "${extra[@]}" 2>&1 | tee "$out/stryker.log"
status=${PIPESTATUS[0]}
set -e
echo "elapsed: $(( $(date +%s) - start )) s"
[[ $status -eq 0 ]] || exit "$status"

"$root/scripts/mutation-scores.sh" "$out/reports/mutation-report.json"
"$root/scripts/mutation-scores.sh" --files "$out/reports/mutation-report.json"
