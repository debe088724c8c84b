#!/usr/bin/env bash
# rabbitmqctl against the private test node, whatever the caller's HOME/cwd.
# The integration tests get this path as $KPUTRIAGE_TEST_RABBITMQCTL and run e.g.
#   "$KPUTRIAGE_TEST_RABBITMQCTL" stop_app    # broker outage: AMQP port closes
#   "$KPUTRIAGE_TEST_RABBITMQCTL" start_app   # returns once the app is running again
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=env.sh
source "$here/env.sh"
rabbitmq_test_env
exec "$RABBITMQ_TEST_BIN/rabbitmqctl" "$@"
