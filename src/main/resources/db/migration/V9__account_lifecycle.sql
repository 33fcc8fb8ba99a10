-- Accounts with a lifecycle and tokens with limits (io.progate.account).

-- Users: disabled accounts, forced password change, windowed failure count, session generation.
-- failed_logins, failure_window_start, locked_until, last_login_at and session_generation change
-- only through single SQL updates, never through the versioned entity.
alter table app_user
    add column enabled              boolean     not null default true,
    add column must_change_password boolean     not null default false,
    add column password_changed_at  timestamptz,
    add column failure_window_start timestamptz,
    add column session_generation   bigint      not null default 0;

-- Tokens: scopes and a mandatory expiry. Tokens made before scopes existed could do everything
-- their owner could; they keep that (admin only for admins' tokens, and an admin scope works only
-- while the owner is an admin). Tokens that never expired now expire 90 days from this migration;
-- none lives longer than a year from it.
alter table api_token add column scopes varchar(64);
update api_token t
   set scopes = case when u.admin then 'read,submit,decide,admin' else 'read,submit,decide' end
  from app_user u
 where u.id = t.user_id;
update api_token
   set expires_at = least(coalesce(expires_at, now() + interval '90 days'), now() + interval '365 days');
alter table api_token
    alter column scopes set not null,
    alter column expires_at set not null,
    add constraint api_token_scopes_ck
        check (scopes ~ '^(read|submit|decide|admin)(,(read|submit|decide|admin))*$');
