package se.molnkoll.reports;

import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.query.CertificateStatus;
import se.molnkoll.kernel.query.CertificateView;
import se.molnkoll.kernel.query.CloudServiceSummary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The portfolio's figures on one day, over the services in use (not decommissioned), of one organisation unit or
 * of all, counted as the dashboard and the register count them: services per phase; the open measures of each
 * phase's work (each service's open measures in the phase it is in now); expired and expiring certificates; the
 * services not yet classified.
 *
 * @param asOf what was recorded by then (null: everything recorded up to now)
 * @param day  the day statuses are judged for
 */
public record PortfolioFigures(Instant asOf, LocalDate day, long services, Map<Phase, Long> servicesPerPhase,
                               Map<Phase, Long> openMeasuresPerPhase, long expiredCertificates,
                               long expiringCertificates, long unclassifiedServices) {

    /** The figures of the unit (null: every unit) from the register and the certificates read at the same moment. */
    public static PortfolioFigures of(Instant asOf, LocalDate day, String unit, List<CloudServiceSummary> register,
                                      List<CertificateView> certificates) {
        List<CloudServiceSummary> inUse = register.stream()
                .filter(s -> !s.decommissioned() && (unit == null || s.organisationUnit().equals(unit))).toList();
        Map<Phase, Long> perPhase = zeroes();
        inUse.forEach(s -> perPhase.merge(s.phase(), 1L, Long::sum));
        List<CertificateView> ofUnit = certificates.stream().filter(c -> unit == null || c.organisationUnit().equals(unit)).toList();
        return new PortfolioFigures(asOf, day, inUse.size(), Collections.unmodifiableMap(perPhase),
                openWhereTheServicesAre(inUse),
                ofUnit.stream().filter(c -> c.status() == CertificateStatus.EXPIRED).count(),
                ofUnit.stream().filter(c -> c.status() == CertificateStatus.EXPIRING).count(),
                inUse.stream().filter(s -> !s.classified()).count());
    }

    /**
     * The open measures of each phase's work: for every service in use, those open in the phase it is in now. A
     * service still being acquired adds nothing to operation's count; its later phases' measures are not yet anyone's
     * work.
     */
    public static Map<Phase, Long> openWhereTheServicesAre(List<CloudServiceSummary> services) {
        Map<Phase, Long> open = zeroes();
        for (CloudServiceSummary service : services) {
            if (service.decommissioned()) continue;
            open.merge(service.phase(), service.openMeasures().getOrDefault(service.phase(), 0L), Long::sum);
        }
        return Collections.unmodifiableMap(open);
    }

    /** The open measures over all three phases' work. */
    public long openMeasures() {
        return openMeasuresPerPhase.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<Phase, Long> zeroes() {
        Map<Phase, Long> counts = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) counts.put(phase, 0L);
        return counts;
    }
}
