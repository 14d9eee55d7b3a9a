#!/usr/bin/env bash
# Tab in bash, as bash itself does it: loads the given completion file, asks bash which function
# completes `sso-diag` (`complete -p`), and calls it the way readline does on Tab — COMP_WORDS,
# COMP_CWORD, COMP_LINE, COMP_POINT set — then checks what it offers. dist/build.sh runs it on the
# generated file and on the one the .rpm installs.
#
#   dist/test-completion.sh PATH/TO/sso-diag.bash
set -euo pipefail
file=$1

# complete_line LINE: what Tab at the end of LINE offers, one per line.
complete_line() {
  env -i PATH="$PATH" bash --norc --noprofile -c '
    set -u
    source "$1"
    spec=$(complete -p sso-diag) || { echo "no completion registered for sso-diag" >&2; exit 1; }
    func=$(sed -n "s/.*-F \([^ ]*\).*/\1/p" <<<"$spec")
    COMP_LINE=$2
    COMP_POINT=${#COMP_LINE}
    read -ra COMP_WORDS <<<"$COMP_LINE"
    [[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    "$func" sso-diag "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf "%s\n" "${COMPREPLY[@]}"
  ' bash "$file" "$1"
}

# expect LINE WANT: Tab after LINE offers exactly WANT (one word: bash then completes it in place).
expect() {
  local got
  got=$(complete_line "$1" | sed 's/ *$//')
  if [ "$got" != "$2" ]; then
    printf 'FAILED: Tab after "%s" offers [%s], not [%s]\n' "$1" "$(paste -sd ' ' <<<"$got")" "$2" >&2
    exit 1
  fi
  printf 'bash completion: "%s<Tab>" -> "%s"\n' "$1" "$2"
}

expect "sso-diag ex" exchange
expect "sso-diag exchange --js" --json
expect "sso-diag profile sh" show
