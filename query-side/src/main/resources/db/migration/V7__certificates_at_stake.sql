-- The certificates at stake, one row per piece of evidence, kept by the measures read model (see
-- CertificateAtStake), so that the dashboard counts the expired and expiring certificates of a whole
-- portfolio with one index range of one table, instead of joining evidence, coverage, the applicable
-- measures and the register for each of the thousands of certificates it counts (README, Performance).
--
-- The rows need the events: as V6 did, the measures read model is emptied and its processor's tokens
-- removed, so that it replays the event store into the new shape on start.

delete from token_entry where processor_name = 'measures';
delete from open_measure_step;
delete from risk_acceptance;
delete from evidence_coverage;
delete from evidence;
delete from applicable_measure;

create table certificate_at_stake (
    row_id         bigint      not null,
    service_id     varchar(36) not null,
    evidence_id    varchar(36) not null,
    valid_until    date        not null,
    at_stake_until date        not null,
    recorded_from  timestamp(6) with time zone not null,
    recorded_to    timestamp(6) with time zone,
    constraint pk_certificate_at_stake primary key (row_id)
);
-- today's counts: the current rows in a range of valid-until days
create index ix_certificate_at_stake_current on certificate_at_stake (recorded_to, valid_until, at_stake_until);
-- the measures read model's own lookup of a service's current rows
create index ix_certificate_at_stake_service on certificate_at_stake (service_id, recorded_to);
