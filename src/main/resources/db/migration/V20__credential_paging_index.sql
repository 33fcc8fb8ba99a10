-- A team's PRO keys page by keyset, newest (highest id) first (issue #14): the active keys, the history
-- (replaced and removed) and both together each walk this index; credential_team_ix has no id.
create index credential_team_id_ix on credential (team_id, id desc);
