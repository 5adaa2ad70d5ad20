#!/usr/bin/env bash
# Install (Debian's package) and start a local PostgreSQL server for the batch tests; print the URL to use.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h 2>/dev/null | grep -q "^${version} main"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q" && break
  sleep 1
done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='evminer'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE USER evminer WITH PASSWORD 'evminer' CREATEDB;\"" >&2
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='evminer_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O evminer evminer_test" >&2
echo "postgresql+psycopg://evminer:evminer@127.0.0.1:5432/evminer_test"
