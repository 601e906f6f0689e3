#!/usr/bin/env bash
# `npm run test:clients`: the full client matrix (test/clients/README.md). Installs the Debian packages of the
# non-Node clients when they are missing, builds, then runs the Node part and the rest of the matrix.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v mariadb >/dev/null 2>&1 || need_apt+=(mariadb-client)
/usr/bin/python3 -c 'import pymysql' >/dev/null 2>&1 || need_apt+=(python3-pymysql)
perl -MDBD::mysql -e 1 >/dev/null 2>&1 || need_apt+=(libdbd-mysql-perl)
[ -f /usr/share/java/mariadb-java-client.jar ] || need_apt+=(libmariadb-java)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
ruby -e 'require "mysql2"' >/dev/null 2>&1 || need_apt+=(ruby-mysql2)
command -v go >/dev/null 2>&1 || need_apt+=(golang-go)
[ -d /usr/share/gocode/src/github.com/go-sql-driver/mysql ] || need_apt+=(golang-github-go-sql-driver-mysql-dev)
{ command -v php >/dev/null 2>&1 && php -r 'exit(extension_loaded("pdo_mysql") && extension_loaded("mysqli") ? 0 : 1);'; } || need_apt+=(php-cli php-mysql)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test:clients: missing ${need_apt[*]}; install them (apt-get install ${need_apt[*]}) or run as root" >&2
    exit 1
  fi
  echo "test:clients: installing ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-upgrade "${need_apt[@]}" >/dev/null
fi

npx tsc -p tsconfig.json
node --test --test-timeout=120000 dist/test/e2e/client-matrix.test.js dist/test/clients/full-matrix.js
