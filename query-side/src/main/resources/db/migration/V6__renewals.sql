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
