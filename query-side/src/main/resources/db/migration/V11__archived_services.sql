-- A service archived as registered by mistake (ServiceArchived): from that version on it leaves the
-- register and the totals; read by its id it shows why it was archived.
alter table cloud_service add column archived boolean default false not null;
alter table cloud_service add column archived_because varchar;
