-- The manifest of every stored zip package: each file's path, expanded size and SHA-256. Kept when
-- retention purges the package's content, so a model diff against it still knows what changed.
create table package_manifest_entry (
    package_id bigint not null references request_package (id),
    seq integer not null,
    path text not null,
    size_bytes bigint not null,
    sha256 varchar(64) not null,
    primary key (package_id, seq)
);
