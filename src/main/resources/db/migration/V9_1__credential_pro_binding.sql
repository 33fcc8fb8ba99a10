-- Sealed keys bound to their team's PRO account (io.progate.credential.seal.Binding).
-- seal_version 1: associated data names team and credential only (rows sealed before this migration);
-- seal_version 2: it also names the team's normalised PRO URL. Version 1 rows still open, and are
-- re-sealed as version 2 at the next start (CredentialResealer), bound to the URL the team has then.
-- retired_reason says why a key left service other than by an approver's replace or remove
-- (a change of the team's PRO URL retires every key of the team).
alter table credential
    add column seal_version   integer      not null default 1,
    add column retired_reason varchar(200),
    add constraint credential_seal_version_ck check (seal_version in (1, 2));
