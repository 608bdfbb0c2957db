-- Vendors as records of their own, and where each service's data goes (issue 24; vendors processor, one segment).
create table vendor (
    row_id               bigint       not null,
    vendor_id            varchar(36)  not null,
    name                 varchar      not null,
    organisation_number  varchar(11),
    foreign_registration varchar,
    country              varchar(2)   not null,
    parent_company       varchar,
    parent_country       varchar(2),
    registered_at        timestamp(6) with time zone not null,
    registered_by        varchar,
    recorded_from        timestamp(6) with time zone not null,
    recorded_to          timestamp(6) with time zone,
    constraint pk_vendor primary key (row_id)
);
create index ix_vendor_vendor on vendor (vendor_id, recorded_to);

create table vendor_contact (
    row_id        bigint       not null,
    vendor_id     varchar(36)  not null,
    purpose       varchar(16)  not null,
    name          varchar      not null,
    email         varchar,
    phone         varchar,
    recorded_from timestamp(6) with time zone not null,
    recorded_to   timestamp(6) with time zone,
    constraint pk_vendor_contact primary key (row_id)
);
create index ix_vendor_contact_vendor on vendor_contact (vendor_id, recorded_to);

create table vendor_sub_processor (
    row_id               bigint       not null,
    vendor_id            varchar(36)  not null,
    sub_processor_id     varchar(36)  not null,
    name                 varchar      not null,
    country              varchar(2)   not null,
    parent_country       varchar(2),
    activity             varchar      not null,
    processing_countries varchar      not null,
    notified_on          date         not null,
    recorded_from        timestamp(6) with time zone not null,
    recorded_to          timestamp(6) with time zone,
    constraint pk_vendor_sub_processor primary key (row_id)
);
create index ix_vendor_sub_processor_vendor on vendor_sub_processor (vendor_id, recorded_to);
create index ix_vendor_sub_processor_id on vendor_sub_processor (sub_processor_id, recorded_to);

-- An administrator's change of what holds for a country (EU/EEA, adequacy); the shipped rules hold elsewhere.
create table country_rule (
    row_id              bigint       not null,
    country             varchar(2)   not null,
    eu_eea              boolean      not null,
    adequacy_decided_on date,
    adequacy_whole      boolean,
    adequacy_reference  varchar,
    reason              varchar      not null,
    changed_by          varchar,
    recorded_from       timestamp(6) with time zone not null,
    recorded_to         timestamp(6) with time zone,
    constraint pk_country_rule primary key (row_id)
);

-- Per service: what the location check is against (classification's requirements, vendor, declared
-- locations, comma-separated country codes) and what it found (one line per conflict).
create table service_location (
    row_id                bigint       not null,
    service_id            varchar(36)  not null,
    vendor_id             varchar(36),
    allowed_locations     varchar,
    ownership_requirement varchar,
    personal_data         boolean,
    declared              boolean      not null,
    storage_countries     varchar,
    processing_countries  varchar,
    sub_processor_ids     varchar,
    declared_on           date,
    evidence              varchar,
    conflicts             varchar      not null,
    in_conflict           boolean      not null,
    found_since           timestamp(6) with time zone not null,
    recorded_from         timestamp(6) with time zone not null,
    recorded_to           timestamp(6) with time zone,
    constraint pk_service_location primary key (row_id)
);
create index ix_service_location_service on service_location (service_id, recorded_to);
create index ix_service_location_vendor on service_location (vendor_id, recorded_to);

-- Evidence recorded once on a vendor, and each service's adoption of it (closed when the service's copy is withdrawn).
create table vendor_evidence (
    row_id             bigint       not null,
    vendor_id          varchar(36)  not null,
    vendor_evidence_id varchar(36)  not null,
    kind               varchar(32)  not null,
    title              varchar      not null,
    issuer             varchar      not null,
    scope              varchar      not null,
    received_on        date         not null,
    valid_from         date,
    valid_until        date,
    reference          varchar,
    withdrawn_because  varchar,
    recorded_from      timestamp(6) with time zone not null,
    recorded_to        timestamp(6) with time zone,
    constraint pk_vendor_evidence primary key (row_id)
);
create index ix_vendor_evidence_vendor on vendor_evidence (vendor_id, recorded_to);
create index ix_vendor_evidence_id on vendor_evidence (vendor_evidence_id, recorded_to);

create table vendor_evidence_adoption (
    row_id             bigint       not null,
    vendor_id          varchar(36)  not null,
    vendor_evidence_id varchar(36)  not null,
    service_id         varchar(36)  not null,
    evidence_id        varchar(36)  not null,
    covers             varchar      not null,
    recorded_from      timestamp(6) with time zone not null,
    recorded_to        timestamp(6) with time zone,
    constraint pk_vendor_evidence_adoption primary key (row_id)
);
create index ix_vendor_evidence_adoption_evidence on vendor_evidence_adoption (vendor_evidence_id, recorded_to);
create index ix_vendor_evidence_adoption_service on vendor_evidence_adoption (evidence_id, recorded_to);
