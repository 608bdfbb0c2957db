-- A risk acceptance revoked from a business date (RiskAcceptanceRevoked): from that day it no longer
-- counts; the versions before the revocation keep the acceptance as it was recorded.
alter table risk_acceptance add column revoked_from date;
alter table risk_acceptance add column revocation_reason varchar;
