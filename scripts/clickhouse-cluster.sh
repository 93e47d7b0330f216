#!/usr/bin/env bash
# A two-shard ClickHouse cluster on loopback for tests and benchmarks (Debian's clickhouse-server).
#
#   scripts/clickhouse-cluster.sh start   # writes configs, starts both shards, prints the endpoint
#   scripts/clickhouse-cluster.sh stop    # stops the servers it started, by PID, and removes the data
#   scripts/clickhouse-cluster.sh status
#
# Each shard is its own server process with its own config dir and data dir under $ANA_CH_BASE
# (default: a folder in $TMPDIR), bound to 127.0.0.1 only. Ports (override with the variables):
#   shard 1: HTTP $ANA_CH_HTTP1 (18123), native $ANA_CH_TCP1 (19000), interserver 19009
#   shard 2: HTTP $ANA_CH_HTTP2 (28123), native $ANA_CH_TCP2 (29000), interserver 29009
# The cluster is named `ana_cluster` in both servers' <remote_servers>. After `start`, use
#   export ANA_CLICKHOUSE='clickhouse://127.0.0.1:18123,127.0.0.1:28123?cluster=ana_cluster'
# (the line `start` prints last) for `ana ... --store "$ANA_CLICKHOUSE"` and the test suite.
set -euo pipefail

BASE="${ANA_CH_BASE:-${TMPDIR:-/tmp}/ana-clickhouse}"
HTTP1="${ANA_CH_HTTP1:-18123}"; TCP1="${ANA_CH_TCP1:-19000}"; IS1="${ANA_CH_INTERSERVER1:-19009}"
HTTP2="${ANA_CH_HTTP2:-28123}"; TCP2="${ANA_CH_TCP2:-29000}"; IS2="${ANA_CH_INTERSERVER2:-29009}"
SERVER="${ANA_CH_SERVER:-$(command -v clickhouse-server || echo /usr/sbin/clickhouse-server)}"
ENDPOINT="clickhouse://127.0.0.1:${HTTP1},127.0.0.1:${HTTP2}?cluster=ana_cluster"

die() { echo "clickhouse-cluster: $*" >&2; exit 1; }

write_config() { # node http tcp interserver
  local dir="$BASE/node$1"
  mkdir -p "$dir/data" "$dir/tmp" "$dir/user_files" "$dir/format_schemas" "$dir/log"
  cat > "$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/log/server.log</log><errorlog>$dir/log/error.log</errorlog><size>10M</size><count>1</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <http_port>$2</http_port>
  <tcp_port>$3</tcp_port>
  <interserver_http_port>$4</interserver_http_port>
  <max_connections>256</max_connections>
  <keep_alive_timeout>10</keep_alive_timeout>
  <max_concurrent_queries>50</max_concurrent_queries>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <mark_cache_size>268435456</mark_cache_size>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
  <max_session_timeout>3600</max_session_timeout>
  <default_session_timeout>60</default_session_timeout>
  <remote_servers>
    <ana_cluster>
      <shard><replica><host>127.0.0.1</host><port>$TCP1</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$TCP2</port></replica></shard>
    </ana_cluster>
  </remote_servers>
</yandex>
XML
  cat > "$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><load_balancing>random</load_balancing></default></profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  [ -x "$SERVER" ] || die "clickhouse-server not found (looked for $SERVER). Install it: apt-get install -y clickhouse-server clickhouse-client (Debian 12 ships 18.16), or set ANA_CH_SERVER"
  if [ -f "$BASE/node1/pid" ] && kill -0 "$(cat "$BASE/node1/pid")" 2>/dev/null; then
    die "already running under $BASE (stop it first: $0 stop)"
  fi
  for p in "$HTTP1" "$TCP1" "$IS1" "$HTTP2" "$TCP2" "$IS2"; do
    port_free "$p" || die "port $p on 127.0.0.1 is in use; choose others with ANA_CH_HTTP1/ANA_CH_TCP1/... "
  done
  rm -rf "$BASE/node1" "$BASE/node2"
  write_config 1 "$HTTP1" "$TCP1" "$IS1"
  write_config 2 "$HTTP2" "$TCP2" "$IS2"
  for n in 1 2; do
    nohup "$SERVER" --config-file="$BASE/node$n/config.xml" >"$BASE/node$n/log/stdout.log" 2>&1 &
    echo $! >"$BASE/node$n/pid"
  done
  for n in 1 2; do
    local port; port=$([ $n = 1 ] && echo "$HTTP1" || echo "$HTTP2")
    local ok=""
    for _ in $(seq 1 150); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then ok=1; break; fi
      kill -0 "$(cat "$BASE/node$n/pid")" 2>/dev/null || break
      sleep 0.2
    done
    if [ -z "$ok" ]; then
      tail -20 "$BASE/node$n/log/stdout.log" "$BASE/node$n/log/error.log" >&2 2>/dev/null || true
      stop >/dev/null 2>&1 || true
      die "shard $n did not come up on 127.0.0.1:$port"
    fi
  done
  echo "ANA_CLICKHOUSE=$ENDPOINT"
}

stop() {
  local n pid
  for n in 1 2; do
    [ -f "$BASE/node$n/pid" ] || continue
    pid=$(cat "$BASE/node$n/pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$BASE/node$n/pid"
  done
  [ "${ANA_CH_KEEP:-}" = "1" ] || rm -rf "$BASE/node1" "$BASE/node2"
}

status() {
  for n in 1 2; do
    if [ -f "$BASE/node$n/pid" ] && kill -0 "$(cat "$BASE/node$n/pid")" 2>/dev/null; then
      echo "shard $n: running (pid $(cat "$BASE/node$n/pid"))"
    else echo "shard $n: stopped"; fi
  done
  echo "ANA_CLICKHOUSE=$ENDPOINT"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
