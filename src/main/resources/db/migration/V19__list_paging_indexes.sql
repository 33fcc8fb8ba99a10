-- Every JSON list pages by keyset (issue #14). Each list's order is served by an index, so a page reads
-- about limit + 1 index entries at any depth:
--   users by user name: app_user_username_uk; labels by entity id: entity_label_uk (team_id, entity_id);
--   a member's teams: team_member_user_ix (user_id), few per user.
-- A user's tokens, newest first (api_token_user_ix has no id):
create index api_token_user_id_ix on api_token (user_id, id desc);
-- every team (admins), by name:
create index team_name_ix on team (name, id);
