-- Indexes that no query reads any longer, each written on every insert and every closing of a row
-- (a rebuild of the full benchmark portfolio writes 1.5 million coverage rows and closes 470,000).
-- Lapsed coverage still at stake was found through ix_evidence_coverage_at_stake until the
-- certificates at stake became rows of their own (V7); nothing looks coverage up by (measure, phase)
-- or applicable measures by a range of recorded time since the measures read model holds each
-- service's current rows in memory and the portfolio totals read the open-count steps.
-- Coverage is read by service (ix_evidence_coverage_counting) and by evidence
-- (ix_evidence_coverage_evidence); applicable measures by service (ix_applicable_measure_service).
drop index if exists ix_evidence_coverage_pair;
drop index if exists ix_evidence_coverage_at_stake;
drop index if exists ix_applicable_measure_recorded;
