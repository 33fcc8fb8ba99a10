-- The audit log is append-only in the database itself: a trigger refuses every UPDATE, DELETE
-- and TRUNCATE of audit_event, whoever asks. Verification only reads, so it works with the
-- trigger in place.
--
-- In production, run the application under a role that may only add and read audit events, and
-- keep ownership of the table (needed to disable the trigger) with a separate migration role:
--
--   create role progate_app login password '...';
--   grant usage on schema public to progate_app;
--   grant select, insert, update, delete on all tables in schema public to progate_app;
--   grant usage, select on all sequences in schema public to progate_app;
--   -- audit_event: INSERT and SELECT only
--   revoke update, delete, truncate, references, trigger on audit_event from progate_app;
--   grant select, insert on audit_event to progate_app;
--
-- Run the migrations as the owning role (a one-off job before start-up) while the application
-- connects as progate_app. A role that does not own audit_event cannot disable
-- the trigger, so neither the application nor a stolen application password can rewrite history.

create function audit_event_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_refuse_change();

-- Searching: failures are rare and asked for on their own; the time range is walked newest first.
create index audit_event_outcome_ix on audit_event (outcome, id desc);
drop index audit_event_time_ix;
create index audit_event_time_ix on audit_event (occurred_at desc, id desc);
