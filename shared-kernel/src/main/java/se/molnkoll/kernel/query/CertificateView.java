package se.molnkoll.kernel.query;

import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;

import java.time.LocalDate;
import java.util.List;

/**
 * An expired or expiring certificate.
 *
 * @param daysLeft days from today to its valid-until date: 0 on its last day, negative once expired
 */
public record CertificateView(
        CloudServiceId serviceId,
        String serviceName,
        String organisationUnit,
        EvidenceId evidenceId,
        EvidenceKind kind,
        String title,
        String issuer,
        List<MeasureId> measureIds,
        LocalDate validUntil,
        long daysLeft,
        CertificateStatus status) {
}
