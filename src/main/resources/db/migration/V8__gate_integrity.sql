-- Gate integrity: a real CLOSED status, POLICY requests (weakening a team's policy needs a second
-- person), and fenced execution claims (a generation number checked by every later write).

alter table release_request drop constraint release_request_type_ck;
alter table release_request add constraint release_request_type_ck
    check (type in ('PUBLISH', 'UPDATE', 'DELETE', 'POLICY'));
alter table release_request drop constraint release_request_status_ck;
alter table release_request add constraint release_request_status_ck
    check (status in ('PENDING', 'APPROVED', 'EXECUTING', 'SUCCEEDED', 'FAILED', 'CLOSED', 'REJECTED',
        'CANCELLED', 'EXPIRED'));

-- closing used to keep FAILED and mark the job row; it is a status of its own now
update release_request set status = 'CLOSED', version = version + 1
 where status = 'FAILED' and id in (select request_id from execution_job where closed_at is not null);
alter table execution_job drop column closed_at;
alter table execution_job drop column closed_by;

-- every claim takes the next generation; a worker whose generation is no longer the job's has lost
-- its claim and may neither write nor call PRO
alter table execution_job add column generation bigint not null default 0;
-- the last attempt number before the current round began (a claim from APPROVED starts a round)
alter table execution_job add column round_start_attempt integer not null default 0;
alter table execution_attempt add column generation bigint not null default 0;
