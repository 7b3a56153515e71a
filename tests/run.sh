#!/usr/bin/env bash
# Builds the solution with warnings as errors and runs every test project against real components:
# a throw-away PostgreSQL on a loopback port, headless Chromium, the Debian AWS CLI and botocore,
# and the npm OpenID provider. Ends with the line "N passed, N failed".
# As root it installs what is missing; otherwise it says exactly what to install.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LOG_DIR="$ROOT/tests/test-logs"
rm -rf "$LOG_DIR"; mkdir -p "$LOG_DIR"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export AWS_EC2_METADATA_DISABLED=true AWS_PAGER=""
PGBIN=/usr/lib/postgresql/15/bin

say() { printf '\n== %s\n' "$*"; }

# ---------------------------------------------------------------- prerequisites
missing_apt=()
[ -x /usr/bin/chromium ] || missing_apt+=(chromium fonts-liberation)
[ -x "$PGBIN/pg_ctl" ] || missing_apt+=(postgresql-15 postgresql-client-15)
[ -d /usr/lib/python3/dist-packages/botocore/data ] || missing_apt+=(python3-botocore)
[ -x /usr/bin/aws ] || missing_apt+=(awscli)
[ -d /usr/lib/python3/dist-packages/boto3 ] || missing_apt+=(python3-boto3)
command -v node >/dev/null || missing_apt+=(nodejs npm)

if [ ${#missing_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    say "installing ${missing_apt[*]}"
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 --no-install-recommends "${missing_apt[@]}" >"$LOG_DIR/apt.log" 2>&1 \
      || { tail -20 "$LOG_DIR/apt.log"; echo "apt-get install failed"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "Missing prerequisites. Install them with:"
    echo "  sudo apt-get install -y ${missing_apt[*]}"
    if [ "${CI:-}" = "true" ]; then echo "0 passed, 1 failed"; exit 1; fi
    echo "Continuing: tests that need them will be skipped (they fail when CI=true)."
  fi
fi

say "dotnet tool restore"
dotnet tool restore >"$LOG_DIR/tool-restore.log" 2>&1 || { cat "$LOG_DIR/tool-restore.log"; echo "0 passed, 1 failed"; exit 1; }

if [ -f tests/oidc/package-lock.json ]; then
  say "npm ci (test OpenID provider)"
  (cd tests/oidc && npm ci --no-audit --no-fund --silent) >"$LOG_DIR/npm.log" 2>&1 || { cat "$LOG_DIR/npm.log"; echo "0 passed, 1 failed"; exit 1; }
fi

# ---------------------------------------------------------------- PostgreSQL
PGDATA=""
stop_pg() {
  if [ -n "$PGDATA" ] && [ -d "$PGDATA" ]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA"
  fi
}
trap stop_pg EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

if [ -x "$PGBIN/pg_ctl" ] && [ "$(id -u)" = 0 ]; then
  say "starting a throw-away PostgreSQL"
  PGPORT=$(free_port)
  PGDATA=$(mktemp -d /tmp/portal-pg.XXXXXX); chown postgres:postgres "$PGDATA"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$LOG_DIR/initdb.log" 2>&1 \
    && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
         -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
    || { cat "$LOG_DIR/initdb.log"; echo "PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
  export PORTAL_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Pooling=true"
  echo "PostgreSQL on 127.0.0.1:$PGPORT"
elif [ -n "${PORTAL_TEST_PG:-}" ]; then
  echo "Using PostgreSQL from PORTAL_TEST_PG"
else
  echo "PostgreSQL tests need root (to start a throw-away server) or PORTAL_TEST_PG."
fi

# ---------------------------------------------------------------- build
say "dotnet build (warnings are errors)"
if ! dotnet build Portal.sln -warnaserror -nologo -clp:ErrorsOnly >"$LOG_DIR/build.log" 2>&1; then
  grep -E 'error|warning' "$LOG_DIR/build.log" | sort -u | head -50
  echo "0 passed, 1 failed"; exit 1
fi
for bench in benchmarks/*/*.csproj; do
  [ -f "$bench" ] || continue
  if ! dotnet build "$bench" -warnaserror -nologo -clp:ErrorsOnly >>"$LOG_DIR/build.log" 2>&1; then
    grep -E 'error|warning' "$LOG_DIR/build.log" | sort -u | head -50
    echo "0 passed, 1 failed"; exit 1
  fi
done

# ---------------------------------------------------------------- tests
passed=0; failed=0; skipped=0; rc=0
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  say "$name"
  log="$LOG_DIR/$name.log"
  dotnet test --project "$project" --no-build -- --no-progress --output Detailed >"$log" 2>&1
  code=$?
  p=$(awk '$1=="succeeded:"{s+=$2} END{print s+0}' "$log")
  f=$(awk '$1=="failed:"{s+=$2} END{print s+0}' "$log")
  s=$(awk '$1=="skipped:"{s+=$2} END{print s+0}' "$log")
  grep -E '^\s*(failed|skipped) ' "$log" | head -40
  echo "$name: $p passed, $f failed, $s skipped (exit $code)"
  if [ "$code" -ne 0 ]; then
    rc=1
    if [ "$f" -eq 0 ]; then f=1; tail -30 "$log"; fi   # crashed or ran no test: count it as a failure
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

echo
echo "Logs: $LOG_DIR"
echo "$passed passed, $failed failed, $skipped skipped"
exit $rc
