#!/usr/bin/env bash
# Tab, as the shell itself does it, with a completion file sso-diag ships:
#
#   dist/test-completion.sh bash PATH/sso-diag.bash   loads it, asks bash which function completes
#       `sso-diag` (`complete -p`) and calls it the way readline does on Tab (COMP_WORDS,
#       COMP_CWORD, COMP_LINE, COMP_POINT set)
#   dist/test-completion.sh fish PATH/sso-diag.fish   loads it and asks fish (`complete -C`)
#   dist/test-completion.sh zsh PATH/_sso-diag        parses it (`zsh -n`): zsh completes only in
#       an interactive shell
#
# then checks what Tab offers. dist/build.sh runs it on the generated files and on the bash one
# the .rpm installs.
set -euo pipefail
shell=$1 file=$2

# offered LINE: what Tab at the end of LINE offers, one per line.
offered() {
  case $shell in
    bash) env -i PATH="$PATH" bash --norc --noprofile -c '
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
    ' bash "$file" "$1" ;;
    # fish prints "candidate<TAB>description".
    fish) fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$file" "$1" | cut -f1 ;;
  esac
}

# expect LINE WANT: Tab after LINE offers exactly WANT (one word: the shell then completes it in place).
expect() {
  local got
  got=$(offered "$1" | sed 's/ *$//')
  if [ "$got" != "$2" ]; then
    printf 'FAILED: %s: Tab after "%s" offers [%s], not [%s]\n' "$shell" "$1" "$(paste -sd ' ' <<<"$got")" "$2" >&2
    exit 1
  fi
  printf '%s completion: "%s<Tab>" -> "%s"\n' "$shell" "$1" "$2"
}

case $shell in
  bash | fish)
    expect "sso-diag ex" exchange
    expect "sso-diag exchange --js" --json
    expect "sso-diag profile sh" show
    ;;
  zsh) zsh -n "$file" && echo "zsh completion: parses (zsh -n)" ;;
  *) echo "usage: test-completion.sh bash|fish|zsh FILE" >&2; exit 2 ;;
esac
