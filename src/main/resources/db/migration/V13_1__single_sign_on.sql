-- Single sign-on (io.progate.sso): an account made by the identity provider carries the provider's
-- subject; a local account has none, so the two never merge by name. Memberships say where they came
-- from, so each sign-in refreshes exactly those the provider's groups made.
alter table app_user add column sso_subject varchar(255);
alter table app_user add constraint app_user_sso_subject_uk unique (sso_subject);

alter table team_member add column source varchar(8) not null default 'LOCAL';
alter table team_member add constraint team_member_source_ck check (source in ('LOCAL', 'SSO'));
