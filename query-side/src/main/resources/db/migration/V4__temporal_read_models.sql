-- The read models become temporal: every row holds the interval of recorded time in which it was what
-- Molnkoll knew (recorded_from inclusive, recorded_to exclusive; null = still so). A change closes the
-- current row and adds the next version, so the state at any past moment is a query, not a replay:
-- "as of T" reads the rows with recorded_from <= T < recorded_to. Today's view is the same query.
--
-- The tables are recreated and their processors' tokens removed: on start the processors replay the
-- event store into the new shape (the audit trail too, so that it is not written twice).

delete from token_entry where processor_name in ('register', 'measures', 'audit');
delete from audit_entry;
drop table cloud_service;
drop table applicable_measure;
drop table evidence_coverage;
drop table evidence;
drop table risk_acceptance;

-- Surrogate keys for every version, handed out in blocks so that inserts can be batched.
create sequence read_model_row_seq start with 1 increment by 50;

create table cloud_service (
    row_id                bigint       not null,
    service_id            varchar(36)  not null,
    name                  varchar      not null,
    vendor                varchar      not null,
    service_model         varchar(16)  not null,
    organisation_unit     varchar      not null,
    owner                 varchar      not null,
    phase                 varchar(16)  not null,
    decommissioned        boolean      not null,
    classified            boolean      not null,
    confidentiality       integer,
    integrity             integer,
    availability          integer,
    secrecy               boolean,
    personal_data         boolean,
    allowed_locations     varchar,
    ownership_requirement varchar,
    decision_reference    varchar,
    registered_at         timestamp(6) with time zone not null,
    registered_by         varchar,
    recorded_from         timestamp(6) with time zone not null,
    recorded_to           timestamp(6) with time zone,
    constraint pk_cloud_service primary key (row_id)
);
create index ix_cloud_service_service on cloud_service (service_id, recorded_to);
create index ix_cloud_service_recorded on cloud_service (recorded_from, recorded_to);

create table applicable_measure (
    row_id        bigint      not null,
    service_id    varchar(36) not null,
    measure_id    integer     not null,
    phase         varchar(16) not null,
    recorded_from timestamp(6) with time zone not null,
    recorded_to   timestamp(6) with time zone,
    constraint pk_applicable_measure primary key (row_id)
);
create index ix_applicable_measure_service on applicable_measure (service_id, recorded_to);
create index ix_applicable_measure_recorded on applicable_measure (recorded_from, recorded_to);

create table evidence (
    row_id                   bigint      not null,
    evidence_id              varchar(36) not null,
    service_id               varchar(36) not null,
    kind                     varchar(32) not null,
    title                    varchar     not null,
    issuer                   varchar     not null,
    received_on              date        not null,
    valid_from               date,
    valid_until              date,
    document_sha256          varchar(64),
    reference                varchar,
    withdrawn                boolean     not null,
    withdrawal_reason        varchar,
    expired_on               date,
    document_attached_sha256 varchar(64),
    document_file_name       varchar,
    document_media_type      varchar(128),
    document_size_bytes      bigint,
    document_attached_at     timestamp(6) with time zone,
    recorded_at              timestamp(6) with time zone not null,
    recorded_by              varchar,
    recorded_from            timestamp(6) with time zone not null,
    recorded_to              timestamp(6) with time zone,
    constraint pk_evidence primary key (row_id)
);
create index ix_evidence_evidence on evidence (evidence_id, recorded_to);
create index ix_evidence_service on evidence (service_id, recorded_to);
create index ix_evidence_valid_until on evidence (valid_until);

create table evidence_coverage (
    row_id        bigint      not null,
    evidence_id   varchar(36) not null,
    service_id    varchar(36) not null,
    measure_id    integer     not null,
    phase         varchar(16) not null,
    valid_from    date,
    valid_until   date,
    expires_on    date,
    counts        boolean     not null,
    recorded_from timestamp(6) with time zone not null,
    recorded_to   timestamp(6) with time zone,
    constraint pk_evidence_coverage primary key (row_id)
);
create index ix_evidence_coverage_pair on evidence_coverage (service_id, measure_id, phase, recorded_to);
create index ix_evidence_coverage_evidence on evidence_coverage (evidence_id, recorded_to);

create table risk_acceptance (
    row_id        bigint      not null,
    acceptance_id varchar(36) not null,
    service_id    varchar(36) not null,
    measure_id    integer     not null,
    phase         varchar(16) not null,
    risk_owner    varchar     not null,
    motivation    varchar     not null,
    accepted_on   date,        -- null for acceptances recorded before the date was: they hold from the start
    valid_until   date,
    counts        boolean     not null,
    recorded_at   timestamp(6) with time zone not null,
    recorded_by   varchar,
    recorded_from timestamp(6) with time zone not null,
    recorded_to   timestamp(6) with time zone,
    constraint pk_risk_acceptance primary key (row_id)
);
create index ix_risk_acceptance_pair on risk_acceptance (service_id, measure_id, phase, recorded_to);
