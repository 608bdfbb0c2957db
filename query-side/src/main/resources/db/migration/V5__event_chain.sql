-- Tamper evidence: a hash chain over the event store. Link n holds the SHA-256 of link n-1's hash
-- and the stored bytes of one event (identifier, aggregate, sequence number, type, timestamp,
-- payload type and revision, payload, meta-data, position). Links are added in the order the event
-- stream delivers events: global order, except that an event committed after later positions
-- (a gap that filled) is chained when it arrives. Altering, removing or slipping in a stored event
-- breaks the recomputed chain at that event. A link, once written, is never written again: chaining
-- altered events anew would bless them. The history already stored is chained at the first start.
create table event_chain (
    link             bigint       not null,
    global_index     bigint       not null,
    event_identifier varchar(255) not null,
    hash             varchar(64)  not null,
    chained_at       timestamp(6) with time zone not null,
    constraint pk_event_chain primary key (link),
    constraint uk_event_chain_event unique (event_identifier),
    constraint uk_event_chain_position unique (global_index)
);
