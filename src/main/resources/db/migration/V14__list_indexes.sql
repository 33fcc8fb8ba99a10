-- Every request list pages by keyset on id (newest first, the approval queue oldest first) and is
-- served by an index that ends in id, so a page of 50 reads about 51 index entries at any depth.
-- Existing: release_request_team_ix (team_id, id desc), release_request_author_ix (author_id, id desc).
create index release_request_team_status_ix on release_request (team_id, status, id desc);
create index release_request_team_type_ix on release_request (team_id, type, id desc);
create index release_request_author_status_ix on release_request (author_id, status, id desc);
-- the approval queue: PENDING requests by id
create index release_request_pending_ix on release_request (id) where status = 'PENDING';
