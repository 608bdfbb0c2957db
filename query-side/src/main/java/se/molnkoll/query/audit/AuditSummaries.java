package se.molnkoll.query.audit;

import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.event.ClassificationSet;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.event.CloudServiceRegistered;
import se.molnkoll.kernel.event.DocumentAttached;
import se.molnkoll.kernel.event.EvidenceExpired;
import se.molnkoll.kernel.event.ContractTerminated;
import se.molnkoll.kernel.event.EvidenceReceived;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.ExternalKeyAssigned;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.event.ResidualRiskAccepted;
import se.molnkoll.kernel.event.RiskAcceptanceApproved;
import se.molnkoll.kernel.event.RiskAcceptanceEnded;
import se.molnkoll.kernel.event.RiskAcceptanceProposed;
import se.molnkoll.kernel.event.RiskAcceptanceRejected;
import se.molnkoll.kernel.event.RiskAcceptanceRevoked;
import se.molnkoll.kernel.event.RiskAnalysisReopened;
import se.molnkoll.kernel.event.OwnerChanged;
import se.molnkoll.kernel.event.ServiceArchived;
import se.molnkoll.kernel.event.SettingsEvent;
import se.molnkoll.kernel.event.ReviewScheduleChanged;
import se.molnkoll.kernel.event.TaskAssigned;
import se.molnkoll.kernel.event.ReviewFellDue;
import se.molnkoll.kernel.event.ReviewRecorded;
import se.molnkoll.kernel.event.ReviewScheduled;
import se.molnkoll.kernel.event.TaskCompleted;
import se.molnkoll.kernel.event.TaskReassigned;
import se.molnkoll.kernel.event.ServiceDecommissioned;
import se.molnkoll.kernel.event.ServiceModelCorrected;
import se.molnkoll.kernel.event.ServiceMovedToUnit;
import se.molnkoll.kernel.event.ServiceRenamed;
import se.molnkoll.kernel.event.VendorChanged;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One line in Swedish that says what an event recorded. */
final class AuditSummaries {

    private AuditSummaries() {
    }

    /** The summary of a change of the settings. */
    static String of(SettingsEvent event) {
        if (event instanceof ReviewScheduleChanged e) {
            String before = e.intervalMonthsBefore() == null ? "ingen återkommande granskning" : "var " + e.intervalMonthsBefore() + ":e månad";
            String after = e.intervalMonths() == null ? "ingen återkommande granskning" : "var " + e.intervalMonths() + ":e månad";
            return "Granskningsschemat ändrat: åtgärd " + e.measureId() + " (" + e.phase().routineColumn() + ") från " + before
                    + " till " + after + ": " + e.reason();
        }
        if (event instanceof se.molnkoll.kernel.event.CountryRuleChanged e) {
            return "Landregeln för " + e.country() + " ändrad från " + countryRule(e.before()) + " till " + countryRule(e.after())
                    + ": " + e.reason();
        }
        throw new IllegalArgumentException("No summary for " + event.getClass().getSimpleName());
    }

    static String of(se.molnkoll.kernel.event.VendorEvent event) {
        if (event instanceof se.molnkoll.kernel.event.VendorRegistered e) {
            return "Leverantören \"" + e.details().name() + "\" registrerades (" + vendorDetails(e.details()) + ")";
        }
        if (event instanceof se.molnkoll.kernel.event.VendorDetailsCorrected e) {
            return "Leverantörens uppgifter ändrades från " + vendorDetails(e.before()) + " till " + vendorDetails(e.after()) + ": "
                    + e.reason();
        }
        if (event instanceof se.molnkoll.kernel.event.ContactPointChanged e) {
            return "Kontakt för " + e.purpose().name().toLowerCase(java.util.Locale.ROOT) + (e.after() == null ? " borttagen"
                    : ": " + e.after().name() + (e.after().email() == null ? "" : ", " + e.after().email())
                    + (e.after().phone() == null ? "" : ", " + e.after().phone()));
        }
        if (event instanceof se.molnkoll.kernel.event.SubProcessorAdded e) {
            return "Underbiträde tillagt (aviserat " + e.notifiedOn() + "): " + subProcessor(e.subProcessor());
        }
        if (event instanceof se.molnkoll.kernel.event.SubProcessorChanged e) {
            return "Underbiträde ändrat (aviserat " + e.notifiedOn() + ") från " + subProcessor(e.before()) + " till "
                    + subProcessor(e.after()) + ": " + e.reason();
        }
        if (event instanceof se.molnkoll.kernel.event.VendorEvidenceRecorded e) {
            var v = e.evidence();
            return "Underlag hos leverantören registrerat: \"" + v.title() + "\" (" + v.kind().swedishName() + ") från " + v.issuer()
                    + ", omfattning " + v.scope() + (v.validUntil() == null ? "" : ", giltigt till och med " + v.validUntil());
        }
        if (event instanceof se.molnkoll.kernel.event.VendorEvidenceWithdrawn e) {
            return "Underlag hos leverantören återkallat (" + e.vendorEvidenceId() + "): " + e.reason();
        }
        if (event instanceof se.molnkoll.kernel.event.SubProcessorRemoved e) {
            return "Underbiträdet " + e.subProcessor().name() + " borttaget (aviserat " + e.notifiedOn() + "): " + e.reason();
        }
        throw new IllegalArgumentException("No summary for " + event.getClass().getSimpleName());
    }

    private static String vendorDetails(se.molnkoll.kernel.vendor.VendorDetails d) {
        return (d.organisationNumber() == null ? "" : "org.nr " + d.organisationNumber() + ", ")
                + (d.foreignRegistration() == null ? "" : d.foreignRegistration() + ", ") + "land " + d.country()
                + (d.parentCompany() == null ? "" : ", moderbolag " + d.parentCompany() + " (" + d.parentCountry() + ")");
    }

    private static String subProcessor(se.molnkoll.kernel.vendor.SubProcessor s) {
        return s.name() + " (" + s.country() + (s.parentCountry() == null ? "" : ", moderbolag i " + s.parentCountry()) + "), "
                + s.activity() + ", behandlar i " + String.join(", ", s.processingCountries());
    }

    private static String countryRule(se.molnkoll.kernel.catalogue.CountryRules.CountryRule rule) {
        if (rule.euEea()) {
            return "EU/EES";
        }
        return rule.adequacy() == null ? "tredjeland utan adekvansbeslut" : "adekvansbeslut " + rule.adequacy().decidedOn()
                + (rule.adequacy().whole() ? "" : " (delvis)") + " " + rule.adequacy().reference();
    }

    static String of(CloudServiceEvent event) {
        if (event instanceof CloudServiceRegistered e) {
            return "Molntjänsten \"" + e.name() + "\" registrerades (leverantör " + e.vendor() + ", "
                    + e.serviceModel() + ", " + e.organisationUnit() + ", ägare " + e.owner() + ")";
        }
        if (event instanceof ClassificationSet e) {
            Classification c = e.classification();
            String locations = c.allowedLocations().isEmpty() ? ""
                    : ", tillåtna platser " + String.join(", ", c.allowedLocations());
            return "Informationsklassning satt: K" + c.confidentiality() + " R" + c.integrity() + " T"
                    + c.availability() + ", sekretess " + yesNo(c.secrecy()) + ", personuppgifter "
                    + yesNo(c.personalData()) + locations;
        }
        if (event instanceof EvidenceReceived e) {
            String validity = e.validUntil() == null ? "" : ", giltigt till och med " + e.validUntil();
            return "Underlag mottaget: \"" + e.title() + "\" (" + e.kind().swedishName() + ") från " + e.issuer()
                    + " för åtgärd " + pairs(e.covers()) + validity;
        }
        if (event instanceof EvidenceWithdrawn e) {
            return "Underlag " + e.evidenceId() + " återkallades: " + e.reason();
        }
        if (event instanceof EvidenceExpired e) {
            return "Underlag " + e.evidenceId() + " har gått ut (giltigt till och med " + e.expiredOn().minusDays(1) + ")"
                    + (e.covered().isEmpty() ? "" : "; åtgärd " + pairs(e.covered()) + " saknar nu giltigt underlag från det");
        }
        if (event instanceof DocumentAttached e) {
            return "Dokument bifogat till underlag " + e.evidenceId() + ": " + e.fileName() + " (" + e.mediaType() + ", "
                    + e.sizeBytes() + " byte, SHA-256 " + e.sha256() + ")";
        }
        if (event instanceof ResidualRiskAccepted e) {
            String until = e.validUntil() == null ? "" : " till och med " + e.validUntil();
            return "Kvarstående risk för åtgärd " + e.measureId() + " (" + e.phase().routineColumn()
                    + ") accepterad av " + e.riskOwner() + until;
        }
        if (event instanceof OperationStarted e) {
            return "Förvaltning påbörjad " + e.startedOn();
        }
        if (event instanceof ProviderChangeRecorded e) {
            return "Förändring hos leverantören " + e.changedOn() + ": " + e.description()
                    + (e.reopened().isEmpty() ? "" : "; åtgärd " + pairs(e.reopened()) + " öppnad igen");
        }
        if (event instanceof ContractTerminated e) {
            return "Avtalet sades upp per " + e.terminatedOn() + ": " + e.reason();
        }
        if (event instanceof ServiceDecommissioned e) {
            return "Molntjänsten avvecklades " + e.decommissionedOn();
        }
        if (event instanceof ServiceArchived e) {
            return "Molntjänsten arkiverades som registrerad av misstag: " + e.reason();
        }
        if (event instanceof RiskAcceptanceRevoked e) {
            return "Accepterad risk för åtgärd " + e.measureId() + " (" + e.phase().routineColumn() + ") återkallad från "
                    + e.revokedFrom() + ": " + e.reason();
        }
        if (event instanceof ServiceRenamed e) {
            return corrected("Namnet", e.before(), e.after(), e.reason());
        }
        if (event instanceof VendorChanged e) {
            return corrected("Leverantören", e.before(), e.after(), e.reason());
        }
        if (event instanceof ServiceModelCorrected e) {
            return corrected("Tjänstemodellen", e.before().name(), e.after().name(), e.reason());
        }
        if (event instanceof ServiceMovedToUnit e) {
            return corrected("Organisationsenheten", e.before(), e.after(), e.reason());
        }
        if (event instanceof OwnerChanged e) {
            return corrected("Ägaren", e.before(), e.after(), e.reason());
        }
        if (event instanceof RiskAnalysisReopened e) {
            return "Riskanalysen ska uppdateras: åtgärd " + pairs(e.reopened()) + " öppnad igen " + e.reopenedOn()
                    + " eftersom användningen ändrats (ny informationsklassning)";
        }
        if (event instanceof RiskAcceptanceProposed e) {
            return "Acceptans av kvarstående risk för åtgärd " + e.measureId() + " (" + e.phase().routineColumn()
                    + ") föreslagen av " + e.proposedBy() + " till och med " + e.validUntil() + ": " + e.residualRisk();
        }
        if (event instanceof RiskAcceptanceApproved e) {
            return "Kvarstående risk för åtgärd " + e.measureId() + " (" + e.phase().routineColumn() + ") godkänd av "
                    + e.approvedBy() + " från " + e.approvedOn() + " till och med " + e.validUntil()
                    + " (föreslagen av " + e.proposedBy() + ")";
        }
        if (event instanceof RiskAcceptanceRejected e) {
            return "Förslaget att acceptera kvarstående risk för åtgärd " + e.measureId() + " (" + e.phase().routineColumn()
                    + ") avslaget av " + e.rejectedBy() + ": " + e.reason();
        }
        if (event instanceof RiskAcceptanceEnded e) {
            return "Riskacceptansen för åtgärd " + e.measureId() + " (" + e.phase().routineColumn() + ") har löpt ut; gäller inte från "
                    + e.endedOn();
        }
        if (event instanceof ReviewScheduled e) {
            return "Återkommande granskning av åtgärd " + e.measureId() + " (" + e.phase().routineColumn() + ") ska göras senast "
                    + e.dueOn();
        }
        if (event instanceof ReviewFellDue e) {
            return "Granskningen av åtgärd " + e.measureId() + " (" + e.phase().routineColumn() + ") är försenad från " + e.from();
        }
        if (event instanceof ReviewRecorded e) {
            return "Åtgärd " + e.measureId() + " (" + e.phase().routineColumn() + ") granskad " + e.reviewedOn() + " av "
                    + e.reviewer() + ": " + (e.outcome() == se.molnkoll.kernel.command.RecordReview.ReviewOutcome.OK ? "OK"
                    : "åtgärd behövs") + (e.note() == null ? "" : ", " + e.note()) + "; nästa senast " + e.nextDueOn();
        }
        if (event instanceof TaskAssigned e) {
            String what = e.proposalId() != null ? "förslaget om riskacceptans " + e.proposalId()
                    : "åtgärd " + e.measureId() + " (" + e.phase().routineColumn() + ")";
            return "Uppgift: " + what + " tilldelad " + e.assignee() + ", klar senast " + e.dueOn()
                    + (e.note() == null ? "" : ": " + e.note());
        }
        if (event instanceof TaskReassigned e) {
            return "Uppgiften " + e.taskId() + " flyttad från " + e.assigneeBefore() + " (senast " + e.dueOnBefore() + ") till "
                    + e.assignee() + " (senast " + e.dueOn() + ")" + (e.note() == null ? "" : ": " + e.note());
        }
        if (event instanceof TaskCompleted e) {
            String why = switch (e.because()) {
                case TaskCompleted.MEASURE_CLOSED -> " eftersom åtgärden inte längre är öppen";
                case TaskCompleted.PROPOSAL_DECIDED -> " eftersom förslaget är beslutat";
                default -> "";
            };
            return "Uppgiften " + e.taskId() + " klar " + e.completedOn() + why + (e.note() == null ? "" : ": " + e.note());
        }
        if (event instanceof se.molnkoll.kernel.event.VendorLinked e) {
            return "Kopplad till leverantören " + e.vendorName() + (e.vendorIdBefore() == null ? "" : " (i stället för "
                    + e.vendorIdBefore() + ")") + ": " + e.reason();
        }
        if (event instanceof se.molnkoll.kernel.event.VendorEvidenceAdopted e) {
            return "Leverantörens underlag " + e.vendorEvidenceId() + " antaget för åtgärd " + pairs(e.covers());
        }
        if (event instanceof se.molnkoll.kernel.event.LocationsDeclared e) {
            var l = e.locations();
            return "Platser angivna " + l.declaredOn() + ": lagring i " + String.join(", ", l.storageCountries())
                    + (l.processingCountries().isEmpty() ? "" : ", behandling i " + String.join(", ", l.processingCountries()))
                    + (l.subProcessorIds().isEmpty() ? "" : ", " + l.subProcessorIds().size() + " underbiträden")
                    + (l.evidence() == null ? "" : " (enligt " + l.evidence() + ")");
        }
        if (event instanceof ExternalKeyAssigned e) {
            return "Regionens egen beteckning för tjänsten: \"" + e.externalKey() + "\"";
        }
        throw new IllegalArgumentException("No summary for " + event.getClass().getSimpleName());
    }

    /** "24 (ANS), 40 (ANS, LÄMNA)". */
    private static String pairs(List<MeasurePhase> pairs) {
        Map<MeasureId, List<Phase>> byMeasure = new TreeMap<>();
        pairs.forEach(p -> byMeasure.computeIfAbsent(p.measureId(), m -> new java.util.ArrayList<>()).add(p.phase()));
        return byMeasure.entrySet().stream()
                .map(entry -> entry.getKey() + " (" + entry.getValue().stream().sorted()
                        .map(Phase::routineColumn).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "));
    }

    /** "Namnet ändrades från \"A\" till \"B\": skäl". */
    private static String corrected(String what, String before, String after, String reason) {
        return what + " ändrades från \"" + before + "\" till \"" + after + "\": " + reason;
    }

    private static String yesNo(boolean value) {
        return value ? "ja" : "nej";
    }
}
