#!/usr/bin/env bash
# Prints the subcommands that `afterglow --help` lists, one a line, in its order: the man page
# and the tests take the list from the program rather than keep one of their own.
# Usage: list-subcommands.sh BINARY
set -euo pipefail
LC_ALL=C.UTF-8 LANGUAGE='' "$1" --help | awk 'tolower($0) ~ /^subcommands:/ {on = 1; next}
                                           on && /^[^ ]/ {on = 0}
                                           on && NF {print $1}'
