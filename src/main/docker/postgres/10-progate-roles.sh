#!/bin/sh
# docker-entrypoint-initdb.d hook of the compose PostgreSQL: creates the portal's own role (see roles.sql).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v owner="$POSTGRES_USER" -v app_password="$PROGATE_APP_DB_PASSWORD" -f /progate/roles.sql
