#!/usr/bin/env bash
# Writes afterglow(1), gzipped, from the built binary's own --help: help2man turns the top-level
# help into NAME, SYNOPSIS and OPTIONS, and every subcommand listed there gets a section of its
# own holding its `--help`, so the page can never describe options the program does not have.
# Usage: make-manpage.sh BINARY OUTPUT.1.gz
set -euo pipefail
bin="$1"
out="$2"
here="$(cd "$(dirname "$0")" && pwd)"

# The page is written in English whatever the builder's language.
export LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=''
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Run as plain "afterglow", so that usage lines name the command and not the build folder.
mkdir "$work/bin"
ln -s "$(realpath "$bin")" "$work/bin/afterglow"
export PATH="$work/bin:$PATH"

mapfile -t subcommands < <(bash "$here/list-subcommands.sh" afterglow)
if [ ${#subcommands[@]} -eq 0 ]; then
  echo "make-manpage.sh: $bin --help lists no subcommands" >&2
  exit 1
fi

include="$work/afterglow.h2m"
{
  echo "[COMMANDS]"
  echo "Each command has options of its own, given after its name;"
  printf '%s\n' '\fBafterglow\fR \fICOMMAND\fR \fB\-\-help\fR prints them.'
  for sub in "${subcommands[@]}"; do
    echo ".SS \"afterglow $sub\""
    afterglow "$sub" --help | awk -f "$here/help-to-roff.awk"
  done
} >"$include"
cat "$here/manpage.h2m" >>"$include"

help2man --no-info --locale=C.UTF-8 --section=1 --manual="User Commands" \
  --name="a durable, searchable, offline archive of your AI conversations" \
  --include="$include" --output="$work/afterglow.1" afterglow
gzip -9 -n -c "$work/afterglow.1" >"$out.tmp"
mv "$out.tmp" "$out"
