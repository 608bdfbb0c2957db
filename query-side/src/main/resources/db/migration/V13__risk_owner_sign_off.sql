-- The risk owner signs residual-risk acceptances (RiskAcceptanceProposed, …Approved, …Rejected, …Ended).
-- An approved acceptance is a risk_acceptance row like those recorded before the sign-off, with the
-- proposal it came from; those recorded before have no proposal (proposal_id null: not signed in Molnkoll).
alter table risk_acceptance add column proposal_id varchar(36);
alter table risk_acceptance add column residual_risk varchar;
alter table risk_acceptance add column proposed_by varchar;
alter table risk_acceptance add column approval_note varchar;
-- the day after the last day, once the sweep recorded the end (RiskAcceptanceEnded)
alter table risk_acceptance add column ended_on date;
create index ix_risk_acceptance_valid_until on risk_acceptance (valid_until, recorded_to);

-- Every proposal, one version per decision: the risk owner's queue, and each service's proposals as of a moment.
create table risk_proposal (
    row_id        bigint       not null,
    proposal_id   varchar(36)  not null,
    service_id    varchar(36)  not null,
    measure_id    integer      not null,
    phase         varchar(16)  not null,
    residual_risk varchar      not null,
    motivation    varchar      not null,
    valid_until   date         not null,
    proposed_by   varchar      not null,
    proposed_on   date         not null,
    state         varchar(16)  not null,
    decided_by    varchar,
    decided_on    date,
    decision_note varchar,
    recorded_at   timestamp(6) with time zone not null,
    recorded_from timestamp(6) with time zone not null,
    recorded_to   timestamp(6) with time zone,
    constraint pk_risk_proposal primary key (row_id)
);
create index ix_risk_proposal_service on risk_proposal (service_id, recorded_to);
create index ix_risk_proposal_state on risk_proposal (state, recorded_to);
