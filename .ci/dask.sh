#!/usr/bin/env bash
# Start a Dask scheduler and two Dask workers on 127.0.0.1 (processes of their own, as on a cluster) for the
# distributed batch test; print the scheduler's address. The scheduler and the workers import EVminer from this checkout (and the
# tests' helpers through PYTHONPATH). Their pids go to .ci/dask.pids so that the caller can stop them.
set -euo pipefail
cd "$(dirname "$0")/.."
port=$(.venv/bin/python -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
logs=${TMPDIR:-/tmp}/evminer-dask-$port
mkdir -p "$logs"
PYTHONPATH="$PWD" .venv/bin/dask scheduler --host 127.0.0.1 --port "$port" --no-dashboard >"$logs/scheduler.log" 2>&1 &
echo $! >.ci/dask.pids
for i in 1 2; do
  PYTHONPATH="$PWD" .venv/bin/dask worker "tcp://127.0.0.1:$port" --host 127.0.0.1 --nthreads 1 --nworkers 1 \
    --no-dashboard --memory-limit 0 --name "w$i" >"$logs/worker$i.log" 2>&1 &
  echo $! >>.ci/dask.pids
done
echo "tcp://127.0.0.1:$port"
