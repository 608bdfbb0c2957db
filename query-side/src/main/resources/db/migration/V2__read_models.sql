-- Molnkoll's read models. Free text is an unbounded varchar: a projection must never fail on a
-- value the event store already holds. Enums are stored by name.

-- The register (projection "register").
create table cloud_service (
    id                    varchar(36)  not null,
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
    updated_at            timestamp(6) with time zone not null,
    constraint pk_cloud_service primary key (id)
);
create index ix_cloud_service_name on cloud_service (name);

-- Applicable measures, evidence and risk acceptances (projection "measures").
create table applicable_measure (
    service_id varchar(36) not null,
    measure_id integer     not null,
    phase      varchar(16) not null,
    constraint pk_applicable_measure primary key (service_id, measure_id, phase)
);

create table evidence (
    evidence_id       varchar(36) not null,
    service_id        varchar(36) not null,
    kind              varchar(32) not null,
    title             varchar     not null,
    issuer            varchar     not null,
    received_on       date        not null,
    valid_from        date,
    valid_until       date,
    document_sha256   varchar(64),
    reference         varchar,
    withdrawn         boolean     not null,
    withdrawal_reason varchar,
    recorded_at       timestamp(6) with time zone not null,
    recorded_by       varchar,
    constraint pk_evidence primary key (evidence_id)
);
create index ix_evidence_service on evidence (service_id);

create table evidence_coverage (
    id          varchar(80) not null,
    evidence_id varchar(36) not null,
    service_id  varchar(36) not null,
    measure_id  integer     not null,
    phase       varchar(16) not null,
    valid_from  date,
    valid_until date,
    counts      boolean     not null,
    constraint pk_evidence_coverage primary key (id)
);
create index ix_evidence_coverage_pair on evidence_coverage (service_id, measure_id, phase);
create index ix_evidence_coverage_evidence on evidence_coverage (evidence_id);

create table risk_acceptance (
    id          varchar(36) not null,
    service_id  varchar(36) not null,
    measure_id  integer     not null,
    phase       varchar(16) not null,
    risk_owner  varchar     not null,
    motivation  varchar     not null,
    valid_until date,
    counts      boolean     not null,
    recorded_at timestamp(6) with time zone not null,
    recorded_by varchar,
    constraint pk_risk_acceptance primary key (id)
);
create index ix_risk_acceptance_pair on risk_acceptance (service_id, measure_id, phase);

-- The audit trail (projection "audit").
create table audit_entry (
    event_id        varchar(36)  not null,
    global_index    bigint       not null,
    recorded_at     timestamp(6) with time zone not null,
    actor           varchar      not null,
    service_id      varchar(36)  not null,
    sequence_number bigint       not null,
    event_type      varchar(64)  not null,
    summary         varchar      not null,
    correlation_id  varchar,
    payload         varchar      not null,
    constraint pk_audit_entry primary key (event_id),
    constraint uk_audit_entry_global_index unique (global_index)
);
create index ix_audit_entry_service on audit_entry (service_id, global_index);
create index ix_audit_entry_actor on audit_entry (actor, global_index);
create index ix_audit_entry_type on audit_entry (event_type, global_index);
create index ix_audit_entry_recorded_at on audit_entry (recorded_at);
