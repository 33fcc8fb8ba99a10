-- The audit table's owner is the role that runs the migrations. Any other role that was granted
-- UPDATE, DELETE or TRUNCATE on audit_event (for instance through ALTER DEFAULT PRIVILEGES of a
-- deployment that set up an application role before V2 created the table, as docker-compose.yml
-- does) loses them here; INSERT and SELECT stay. Such a role cannot alter, drop or disable the
-- triggers of a table it does not own either, so it cannot rewrite history. Nothing happens where
-- the owner is the only role (dev, tests).
do $$
declare
    grantee_name text;
begin
    for grantee_name in
        select distinct grantee from information_schema.role_table_grants
         where table_schema = current_schema() and table_name = 'audit_event'
           and privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES')
           and grantee <> (select tableowner from pg_tables
                            where schemaname = current_schema() and tablename = 'audit_event')
    loop
        execute format('revoke update, delete, truncate, trigger, references on audit_event from %s',
                       case when grantee_name = 'PUBLIC' then 'public' else quote_ident(grantee_name) end);
    end loop;
end
$$;
