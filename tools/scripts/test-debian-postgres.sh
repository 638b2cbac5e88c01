#!/usr/bin/env bash
# The API's unit and integration tests once more, against Debian's own PostgreSQL server instead of the
# embedded one (issue 12: any PostgreSQL ≥ 15 by DATABASE_URL). Installs the server from Debian's
# packages when it is missing (CI; needs root), makes a throw-away cluster on a free port, runs the API's
# Jest suite with TEST_DATABASE_URL pointing at it (the drift check and the property tests included), and
# drops the cluster again — also after a failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_createcluster >/dev/null; then
  echo "== 安装 Debian 的 PostgreSQL 服务器（apt）"
  if [ "$(id -u)" != 0 ]; then echo "需要 root 权限安装 postgresql（apt install postgresql）" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
major=$(ls /usr/lib/postgresql | sort -n | tail -1)
cluster="zstest$$"
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
password="test-$RANDOM$RANDOM"

cleanup() {
  pg_ctlcluster "$major" "$cluster" stop -m immediate >/dev/null 2>&1 || true
  pg_dropcluster "$major" "$cluster" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== Debian PostgreSQL $major：临时集群 $cluster，端口 $port"
# --start-conf=manual: never started by the system's own service; settings as the embedded test server's
pg_createcluster "$major" "$cluster" --port "$port" --start-conf=manual --locale C.UTF-8 --encoding UTF8 \
  -- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
conf="/etc/postgresql/$major/$cluster/conf.d/zs-test.conf"
printf "listen_addresses = '127.0.0.1'\nmax_connections = 200\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n" >"$conf"
pg_ctlcluster "$major" "$cluster" start
su postgres -c "psql -q -p $port -c \"ALTER USER postgres PASSWORD '$password'\""
server_version=$(su postgres -c "psql -qAt -p $port -c 'SHOW server_version'")
echo "   服务器版本 $server_version"

TEST_DATABASE_URL="postgres://postgres:$password@127.0.0.1:$port/postgres" npx jest -c apps/api/jest.config.cts --ci
echo "API 测试在 Debian PostgreSQL $server_version 上全部通过"
