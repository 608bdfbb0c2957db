-- Two read-model changes for speed at a portfolio's size (see README, Performance).
--
-- Which lapsed certificates are still at stake used to be found by searching, for every certificate
-- that ever lapsed, for other evidence of its measure that took over: seconds at a portfolio's size.
-- Now the measures read model keeps, on each coverage row, the first day from which other evidence
-- has taken over (renewed_from; 1900-01-01 = without a gap, 9999-12-31 = not renewed), versioned
-- like the rest, so that the lapsed rows still at stake are one index range.
--
-- The new column needs the events: the measures read model is emptied and its processor's tokens
-- removed, so that it replays the event store into the new shape on start (as V4 did).

delete from token_entry where processor_name = 'measures';
delete from risk_acceptance;
delete from evidence_coverage;
delete from evidence;
delete from applicable_measure;

alter table evidence_coverage add column renewed_from date not null;
create index ix_evidence_coverage_at_stake on evidence_coverage (recorded_to, renewed_from, valid_until);
-- The read model's own lookups of what counts now, per service and per (measure, phase), skip the
-- rows set aside (a service can hold thousands of withdrawn ones).
create index ix_evidence_coverage_counting on evidence_coverage (service_id, counts, recorded_to);

-- Open counts as a step function of the business day, per service and phase (see OpenMeasuresStep):
-- the portfolio's open measures on a day are a sum over a few rows per service.
create table open_measure_step (
    row_id        bigint      not null,
    service_id    varchar(36) not null,
    phase         varchar(16) not null,
    from_day      date,
    until_day     date,
    open_count    integer     not null,
    recorded_from timestamp(6) with time zone not null,
    recorded_to   timestamp(6) with time zone,
    constraint pk_open_measure_step primary key (row_id)
);
create index ix_open_measure_step_service on open_measure_step (service_id, recorded_to);
create index ix_open_measure_step_recorded on open_measure_step (recorded_to, recorded_from);
