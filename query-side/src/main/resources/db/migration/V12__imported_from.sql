-- An event an import caused names the spreadsheet (its SHA-256) and the row it came from, as its
-- meta-data does; the audit trail shows both beside the importing user.
alter table audit_entry add column import_sha256 varchar(64);
alter table audit_entry add column import_row integer;
