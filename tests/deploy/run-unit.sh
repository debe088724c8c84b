#!/usr/bin/env bash
# Starts a systemd service unit's program the way systemd would, on a machine where systemd
# is not PID 1 (this one, CI, a container): `systemd-run` needs a running systemd manager.
#
#   tests/deploy/run-unit.sh --root DIR UNIT_FILE [INSTANCE]
#
# Reads from the unit exactly what decides how the program runs, and nothing else:
#   Environment=      (in order; %i is INSTANCE)
#   EnvironmentFile=  (in order, after Environment=, and overriding it, as systemd does;
#                      a leading "-" means optional; KEY=value lines, # comments)
#   WorkingDirectory=, StateDirectory= (made under /var/lib, mode StateDirectoryMode=),
#   LoadCredential=ID:PATH (PATH copied to DIR/run/credentials/UNIT/ID, mode 0400 in a 0500
#                      folder, named by $CREDENTIALS_DIRECTORY and %d, as systemd does; a
#                      missing PATH fails the start, as systemd's 243/CREDENTIALS does),
#   UMask=, ExecStart=
# and runs ExecStart with `exec` (so the caller's pid is the program's, for SIGTERM) in a
# clean environment (env -i: PATH, HOME and the unit's variables only), like systemd does.
# The unit's absolute paths under /opt/kputriage, /etc/kputriage and /var/lib/kputriage are
# taken under DIR, so the installed layout is built by the caller in a temporary folder.
# User=/Group= are not switched (that needs the account the README's install step makes):
# the program runs as the caller, which the script says on stderr. The hardening settings
# (ProtectSystem=, PrivateTmp=, …) need systemd itself and are not applied.
set -euo pipefail

root=""
if [[ "${1:-}" == --root ]]; then root="${2:?--root needs a folder}"; shift 2; fi
unit="${1:?usage: run-unit.sh --root DIR UNIT_FILE [INSTANCE]}"
instance="${2:-}"
[[ -n "$root" && -d "$root" ]] || { echo "run-unit.sh: --root DIR must be an existing folder" >&2; exit 2; }
root="$(cd "$root" && pwd)"

# The unit's full name (an instance goes after the "@") and its credentials folder (%d).
unit_name="$(basename "$unit")"
[[ -n "$instance" ]] && unit_name="${unit_name/@./@$instance.}"
credentials="$root/run/credentials/$unit_name"

# Unit values: specifiers, then the installed layout moved under $root.
expand() {
  local v="$1"
  v="${v//%i/$instance}"
  v="${v//%d/$credentials}"
  v="${v//%%/%}"
  v="${v//\/opt\/kputriage/$root/opt/kputriage}"
  v="${v//\/etc\/kputriage/$root/etc/kputriage}"
  v="${v//\/var\/lib\/kputriage/$root/var/lib/kputriage}"
  printf '%s' "$v"
}

declare -A env=()
order=()
set_var() {
  local key="$1" value="$2"
  [[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "run-unit.sh: bad variable name '$key' in $unit" >&2; exit 2; }
  # systemd strips one pair of surrounding quotes.
  if [[ "$value" =~ ^\"(.*)\"$ || "$value" =~ ^\'(.*)\'$ ]]; then value="${BASH_REMATCH[1]}"; fi
  [[ -v env[$key] ]] || order+=("$key")
  env[$key]="$value"
}

files=()
loaded=()
workdir="/"
umask_value="0022"
state_dirs=()
state_mode="0755"
exec_start=""
in_service=0
while IFS= read -r line || [[ -n "$line" ]]; do
  line="${line#"${line%%[![:space:]]*}"}"
  [[ -z "$line" || "$line" == \#* || "$line" == \;* ]] && continue
  if [[ "$line" == \[*\] ]]; then [[ "$line" == "[Service]" ]] && in_service=1 || in_service=0; continue; fi
  ((in_service)) || continue
  key="${line%%=*}"; value="${line#*=}"
  case "$key" in
    Environment) assignment="$(expand "$value")"; set_var "${assignment%%=*}" "${assignment#*=}" ;;
    EnvironmentFile) files+=("$(expand "$value")") ;;
    LoadCredential) loaded+=("$(expand "$value")") ;;
    WorkingDirectory) workdir="$(expand "$value")" ;;
    UMask) umask_value="$value" ;;
    StateDirectory) for d in $value; do state_dirs+=("$root/var/lib/$d"); done ;;
    StateDirectoryMode) state_mode="$value" ;;
    ExecStart) exec_start="$(expand "$value")" ;;
    User) user="$value" ;;
  esac
done <"$unit"
[[ -n "$exec_start" ]] || { echo "run-unit.sh: $unit has no ExecStart=" >&2; exit 2; }

for file in "${files[@]}"; do
  optional=0
  if [[ "$file" == -* ]]; then optional=1; file="${file#-}"; fi
  if [[ ! -f "$file" ]]; then
    ((optional)) && continue
    echo "run-unit.sh: EnvironmentFile $file is missing (systemd would refuse to start the unit)" >&2; exit 1
  fi
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line#"${line%%[![:space:]]*}"}"
    [[ -z "$line" || "$line" == \#* || "$line" == \;* ]] && continue
    set_var "${line%%=*}" "${line#*=}"
  done <"$file"
done

for d in "${state_dirs[@]}"; do install -d -m "$state_mode" "$d"; done
if ((${#loaded[@]})); then
  [[ -d "$credentials" ]] && chmod u+w "$credentials"
  rm -rf "$credentials"
  install -d -m 0700 "$credentials"
  for credential in "${loaded[@]}"; do
    id="${credential%%:*}"; source_path="${credential#*:}"
    [[ "$id" != "$credential" && "$id" =~ ^[A-Za-z0-9_.-]+$ ]] || { echo "run-unit.sh: bad LoadCredential=$credential in $unit" >&2; exit 2; }
    if [[ ! -f "$source_path" ]]; then
      echo "run-unit.sh: LoadCredential source $source_path is missing (systemd would fail the unit: 243/CREDENTIALS)" >&2; exit 1
    fi
    install -m 0400 "$source_path" "$credentials/$id"
  done
  chmod 0500 "$credentials"
  set_var CREDENTIALS_DIRECTORY "$credentials"
fi
[[ -n "${user:-}" ]] && echo "run-unit.sh: $unit asks for User=$user; running as $(id -un) instead" >&2

assignments=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "HOME=${state_dirs[0]:-/}")
for key in "${order[@]}"; do assignments+=("$key=${env[$key]}"); done
cd "$workdir"
umask "$umask_value"
read -r -a command <<<"$exec_start"
echo "run-unit.sh: $(basename "$unit")${instance:+ ($instance)}: ${command[*]} in $workdir with ${order[*]}" >&2
exec env -i "${assignments[@]}" "${command[@]}"
