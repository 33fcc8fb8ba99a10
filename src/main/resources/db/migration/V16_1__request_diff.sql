-- The model diff of a publish request, computed once at submission against the package of the version
-- it replaces (or one the author chose) and never changed afterwards.
create table request_diff (
    request_id bigint primary key references release_request (id),
    base_request_id bigint references release_request (id),
    kind varchar(20) not null,
    body text not null,
    created_at timestamp with time zone not null
);
create index request_diff_base on request_diff (base_request_id);
