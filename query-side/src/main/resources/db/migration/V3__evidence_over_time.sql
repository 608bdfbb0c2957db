-- Evidence over time: expiry, renewal, documents, the daily digest.

-- Text users type is never indexed: PostgreSQL refuses an index entry above about 2.7 kB, and a read
-- model must never fail on a value the event store already holds.
drop index ix_cloud_service_name;

-- The first day evidence is no longer valid (valid_until + 1), so renewal can be judged in plain
-- comparisons: other evidence renews it if it is valid on that day and lasts longer.
alter table evidence_coverage add column expires_on date;
update evidence_coverage set expires_on = valid_until + 1 where valid_until is not null;
create index ix_evidence_coverage_expires_on on evidence_coverage (expires_on);

-- When the expiry was recorded as taking effect, and the document attached to the evidence.
alter table evidence add column expired_on date;
alter table evidence add column document_attached_sha256 varchar(64);
alter table evidence add column document_file_name varchar;
alter table evidence add column document_media_type varchar(128);
alter table evidence add column document_size_bytes bigint;
alter table evidence add column document_attached_at timestamp(6) with time zone;
create index ix_evidence_valid_until on evidence (valid_until);

-- The documents themselves. Written in the same transaction as the DocumentAttached event that
-- records their SHA-256, so a refused attachment stores nothing; read back only after the bytes are
-- hashed again and compared with the event.
create table evidence_document (
    evidence_id varchar(36)  not null,
    service_id  varchar(36)  not null,
    sha256      varchar(64)  not null,
    size_bytes  bigint       not null,
    file_name   varchar      not null,
    media_type  varchar(128) not null,
    content     bytea        not null,
    stored_at   timestamp(6) with time zone not null,
    constraint pk_evidence_document primary key (evidence_id)
);

-- One e-mail digest per organisation unit and day across every instance: the instance that inserts
-- the row sends that mail.
create table digest_run (
    digest_day        date        not null,
    organisation_unit varchar     not null,
    recipient         varchar     not null,
    claimed_by        varchar(64) not null,
    claimed_at        timestamp(6) with time zone not null,
    sent_at           timestamp(6) with time zone,
    constraint pk_digest_run primary key (digest_day, organisation_unit)
);
