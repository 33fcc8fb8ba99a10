-- Database roles for docker-compose.yml, run once by 10-progate-roles.sh when the compose PostgreSQL
-- starts on an empty volume (psql variables: owner, app_password).
--
-- :owner (POSTGRES_USER) owns the database and runs the Flyway migrations (the compose service
-- 'migrate'); it owns every table, so only it can alter or drop them or disable the audit log's
-- append-only triggers. progate_app is what the portal connects as: it reads and writes rows of the
-- tables the owner creates, on audit_event only SELECT and INSERT (V9_2 takes the rest back), and it
-- owns nothing, so it can neither alter nor drop a table, nor create one.
create role progate_app login password :'app_password';
revoke create on schema public from public;
grant usage on schema public to progate_app;
alter default privileges for role :"owner" in schema public
    grant select, insert, update, delete on tables to progate_app;
alter default privileges for role :"owner" in schema public
    grant usage, select on sequences to progate_app;
