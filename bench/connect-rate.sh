#!/usr/bin/env bash
# Entry point of `npm run bench:connect`: new TLS connections per second (full handshake, and resumed sessions)
# against a private MariaDB and TidalDB, alternating them round by round: bench/run.sh's `connect` extra without the
# sysbench cases. Each server serves its default certificates: MariaDB the RSA-2048 one, TidalDB that plus an ECDSA
# P-256 one from the same CA, as its auto-tls does. Takes run.sh's options (--rounds N); CONNECT_TIME sets the
# seconds per run (default 10). The table goes to bench/.work/results.txt.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/run.sh" --tests none --extras connect "$@"
