-- Which kind of AIMMS version a publish request chose, as PRO listed it at submission: OFFICIAL, or
-- DEVELOPMENT (offered only when the author asked for development builds). Null when PRO could not
-- be read at submission, and for other request types.
alter table release_request add column aimms_build varchar(16);
alter table release_request add constraint release_request_aimms_build_ck
    check (aimms_build is null or aimms_build in ('OFFICIAL', 'DEVELOPMENT'));
