-- Recurring reviews of operation (ReviewScheduled, ReviewFellDue, ReviewRecorded).
-- review_due (measures processor): the days a review was past due, which make a covered or risk-accepted
-- measure REVIEW_DUE and count it as open; until_day null while it still is.
create table review_due (
    row_id        bigint       not null,
    service_id    varchar(36)  not null,
    measure_id    integer      not null,
    phase         varchar(16)  not null,
    from_day      date         not null,
    until_day     date,
    recorded_from timestamp(6) with time zone not null,
    recorded_to   timestamp(6) with time zone,
    constraint pk_review_due primary key (row_id)
);
create index ix_review_due_service on review_due (service_id, recorded_to);

-- scheduled_review (register processor): each recurring review's next due date and its last review.
create table scheduled_review (
    row_id           bigint       not null,
    service_id       varchar(36)  not null,
    measure_id       integer      not null,
    phase            varchar(16)  not null,
    due_on           date         not null,
    past_due_from    date,
    last_reviewed_on date,
    last_outcome     varchar(16),
    last_note        varchar,
    last_reference   varchar,
    last_reviewer    varchar,
    recorded_from    timestamp(6) with time zone not null,
    recorded_to      timestamp(6) with time zone,
    constraint pk_scheduled_review primary key (row_id)
);
create index ix_scheduled_review_service on scheduled_review (service_id, recorded_to);
create index ix_scheduled_review_due on scheduled_review (due_on, recorded_to);
