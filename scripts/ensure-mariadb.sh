#!/usr/bin/env bash
# Makes sure MariaDB answers on 127.0.0.1:3306 and that the test account exists.
# Starts the server when it is down (mariadbd refuses to run as root, hence --user=mysql).
# The test account may create and drop databases named freeb_t_* and nothing else.
set -euo pipefail

ping() { mysqladmin --protocol=socket -uroot ping >/dev/null 2>&1; }

if [ ! -x /usr/sbin/mariadbd ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "MariaDB is not installed: apt-get install -y mariadb-server" >&2
    exit 1
  fi
  echo "Installing MariaDB from Debian's packages..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server mariadb-client >/dev/null
fi

if ! ping; then
  echo "Starting MariaDB..." >&2
  mkdir -p /run/mysqld
  chown mysql:mysql /run/mysqld
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  for _ in $(seq 1 60); do ping && break; sleep 0.5; done
  ping || { echo "MariaDB did not start" >&2; exit 1; }
fi

mysql --protocol=socket -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'freeb_test'@'127.0.0.1' IDENTIFIED BY 'freeb_test';
CREATE USER IF NOT EXISTS 'freeb_test'@'localhost' IDENTIFIED BY 'freeb_test';
GRANT ALL PRIVILEGES ON `freeb\_t\_%`.* TO 'freeb_test'@'127.0.0.1';
GRANT ALL PRIVILEGES ON `freeb\_t\_%`.* TO 'freeb_test'@'localhost';
SQL
