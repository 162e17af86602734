#!/usr/bin/env bash
# Mutation score per folder (or per file with --files) from a Stryker JSON report (mutation-testing-elements schema).
# Score = killed / (killed + survived + no coverage), as Stryker counts it: timeouts count as killed; compile errors
# and ignored mutants (outside the --mutate globs) are left out.
# Usage: scripts/mutation-scores.sh [--files] path/to/mutation-report.json
set -euo pipefail
by=folder
if [[ "${1:-}" == "--files" ]]; then by=file; shift; fi
report=${1:?usage: mutation-scores.sh [--files] REPORT.json}
jq -r --arg by "$by" '
  [ .files | to_entries[] | .key as $path | .value.mutants[] |
    { unit: ($path | sub("^.*/src/"; "src/") | if $by == "folder" then sub("/[^/]*$"; "") else . end), status } ]
  | group_by(.unit)[]
  | { unit: .[0].unit,
      killed:   ([.[] | select(.status == "Killed" or .status == "Timeout")] | length),
      survived: ([.[] | select(.status == "Survived")] | length),
      nocov:    ([.[] | select(.status == "NoCoverage")] | length),
      compile:  ([.[] | select(.status == "CompileError")] | length) }
  | select(.killed + .survived + .nocov > 0)
  | "\(.unit)\tkilled \(.killed)\tsurvived \(.survived)\tno coverage \(.nocov)\tcompile errors \(.compile)\tscore \(
      (1000 * .killed / (.killed + .survived + .nocov) | floor) / 10)%"
' "$report"
