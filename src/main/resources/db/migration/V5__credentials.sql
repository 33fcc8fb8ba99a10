-- Team PRO API keys, sealed with AES-256-GCM envelope encryption (see io.progate.credential).
-- The id is taken from the sequence before the row is sealed, because the ciphertext is bound to it;
-- the row is inserted once, already sealed. Retired (replaced or removed) rows keep their history
-- but lose their sealed parts, so a retired key can never be opened again.

create sequence credential_id_seq;

create table credential (
    id            bigint       primary key,
    created_at    timestamptz  not null default now(),
    version       bigint       not null default 0,
    team_id       bigint       not null references team (id) on delete cascade,
    label         varchar(100) not null,
    scopes        varchar(200) not null,
    expires_at    timestamptz  not null,
    last4         varchar(4)   not null,
    verified      boolean      not null,
    created_by    varchar(64)  not null,
    last_used_at  timestamptz,
    ciphertext    bytea,
    nonce         bytea,
    wrapped_key   bytea,
    key_nonce     bytea,
    master_key_id varchar(64),
    replaced_at   timestamptz,
    replaced_by   bigint references credential (id) deferrable initially deferred,
    removed_at    timestamptz,
    removed_by    varchar(64),
    warned_days   integer,
    constraint credential_sealed_ck check (
        (ciphertext is not null and nonce is not null and wrapped_key is not null and key_nonce is not null
            and master_key_id is not null and replaced_at is null and removed_at is null)
        or (ciphertext is null and nonce is null and wrapped_key is null and key_nonce is null
            and master_key_id is null and (replaced_at is not null or removed_at is not null)))
);
create index credential_team_ix on credential (team_id, created_at desc);
create index credential_master_key_ix on credential (master_key_id, id) where master_key_id is not null;
create index credential_expiry_ix on credential (expires_at) where removed_at is null and replaced_at is null;
-- one active key per label and team
create unique index credential_active_label_uk on credential (team_id, lower(label))
    where removed_at is null and replaced_at is null;
