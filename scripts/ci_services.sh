#!/usr/bin/env bash
# Start (or reuse) a throwaway PostgreSQL cluster for the test suite and print, as the last line
# of stdout, NEWSGRAPH_TEST_PG_URL=postgresql://postgres@127.0.0.1:PORT/postgres
#
# Idempotent: a second run finds the cluster already running and only prints the URL again.
# PostgreSQL is installed from Debian (apt-get install postgresql) when no server binaries are
# found. The cluster lives in a temporary folder, listens on 127.0.0.1 only, trusts local
# connections and runs with fsync off: it is for tests, never for data you want to keep.
#
# Settings (environment): NEWSGRAPH_PG_PORT (default 55432), NEWSGRAPH_PG_DIR (default
# ${TMPDIR:-/tmp}/newsgraph-ci-pg-<uid>).
set -euo pipefail

port=${NEWSGRAPH_PG_PORT:-55432}
datadir=${NEWSGRAPH_PG_DIR:-${TMPDIR:-/tmp}/newsgraph-ci-pg-$(id -u)}

log() { echo "ci_services: $*" >&2; }

find_bindir() {
    local candidate
    if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v pg_ctl)")"
        return 0
    fi
    # Debian keeps the server binaries out of PATH, one folder per major version.
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x $candidate/pg_ctl && -x $candidate/initdb ]]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if ! bindir=$(find_bindir); then
    log "PostgreSQL not found; installing it from Debian"
    if [[ $(id -u) -ne 0 ]]; then
        log "error: need root to apt-get install postgresql (or install it and rerun)"
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2
    apt-get install -y postgresql >&2
    bindir=$(find_bindir)
fi

# PostgreSQL refuses to run as root: run the cluster as the postgres system user then.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

url="postgresql://postgres@127.0.0.1:${port}/postgres"

if [[ -f $datadir/PG_VERSION ]] && as_owner "$bindir/pg_ctl" -D "$datadir" status >/dev/null 2>&1
then
    log "reusing the cluster in $datadir"
    echo "NEWSGRAPH_TEST_PG_URL=$url"
    exit 0
fi

if [[ ! -f $datadir/PG_VERSION ]]; then
    log "creating a throwaway cluster in $datadir"
    rm -rf "$datadir"
    mkdir -p "$datadir"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres: "$datadir"
    fi
    chmod 700 "$datadir"
    as_owner "$bindir/initdb" -D "$datadir" -U postgres -A trust -E UTF8 --no-sync >&2
fi

log "starting PostgreSQL on 127.0.0.1:$port"
as_owner "$bindir/pg_ctl" -D "$datadir" -l "$datadir/server.log" -w -t 60 start \
    -o "-p $port -k $datadir -c listen_addresses=127.0.0.1 -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" >&2

echo "NEWSGRAPH_TEST_PG_URL=$url"
