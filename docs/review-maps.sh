#!/usr/bin/env bash
# review-maps.sh BASE [OUTPUT]
#
# For a pull (merge) request: checks every journeymap map changed since the merge base with BASE
# (journeymap validate --strict) and writes a Markdown review to OUTPUT (default: review.md): the
# semantic diff of each changed map and its problems, ready to post as a comment.
# Maps are the files .gitattributes gives the journeymap merge driver (journeymap git-setup) that
# have a schema_version (a pattern such as '*.toml' also matches pyproject.toml).
# Exit 0: every changed map is clean; 1: a changed map has errors or warnings; 2: bad usage.
set -uo pipefail
[ $# -ge 1 ] || { echo "usage: review-maps.sh BASE [OUTPUT]" >&2; exit 2; }
base=$(git merge-base "$1" HEAD) || { echo "review-maps.sh: no common history with $1" >&2; exit 2; }
short=$(git rev-parse --short "$base")
out=${2:-review.md}
status=0
found=0
echo "# Service maps in this change" > "$out"
while IFS= read -r -d '' file; do
  [ "$(git check-attr merge -- "$file" | sed 's/.*: merge: //')" = journeymap ] || continue
  grep -q '^[[:space:]]*schema_version[[:space:]]*=' "$file" || continue
  found=1
  { echo; journeymap diff "$file" --since "$short" --format markdown; } >> "$out" 2>&1 || status=1
  if ! problems=$(journeymap validate --strict "$file" 2>&1); then
    status=1
    printf '\n**Problems** (`journeymap validate --strict`):\n\n```text\n%s\n```\n' "$problems" >> "$out"
  fi
done < <(git diff -z --name-only --diff-filter=AMR "$base" HEAD --)
[ "$found" = 1 ] || printf '\nNo map changed.\n' >> "$out"
exit "$status"
