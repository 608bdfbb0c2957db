package se.molnkoll.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import se.molnkoll.query.api.ReadModels;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import se.molnkoll.instance.InstanceRole;
import se.molnkoll.instance.RunsOn;
import se.molnkoll.documents.Documents;
import se.molnkoll.kernel.BusinessDates;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.command.ApproveRiskAcceptance;
import se.molnkoll.kernel.command.ProposeRiskAcceptance;
import se.molnkoll.kernel.command.Decommission;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.command.RecordProviderChange;
import se.molnkoll.kernel.command.RegisterCloudService;
import se.molnkoll.kernel.command.SetClassification;
import se.molnkoll.kernel.command.StartOperation;
import se.molnkoll.kernel.command.TerminateContract;
import se.molnkoll.recording.Recorder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * With {@code --molnkoll.demo-data=true}, fills an empty store with a dozen services across all phases
 * through the same commands a contract manager sends, as the user {@value #ACTOR}: classifications,
 * evidence (one with its document), certificates that have expired or expire soon, a risk acceptance,
 * a provider change, a terminated contract and a decommissioned service. A store that holds any event
 * is left alone. Off by default, and the PostgreSQL profile does not turn it on.
 */
@Component
@RunsOn(InstanceRole.COMMAND)
@ConditionalOnProperty(name = "molnkoll.demo-data", havingValue = "true")
class DemoData {

    static final String ACTOR = "demo";
    /** The demo user who signs the demo's residual-risk acceptance. */
    static final String RISK_OWNER = "riskowner";
    /** The routine's measure on supervising the vendor's delivery: what certificates and audit reports show. */
    private static final int SUPERVISION = 38;
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Recorder recorder;
    private final Documents documents;
    private final MeasureCatalogue catalogue;
    private final ReadModels readModels;
    private final Clock clock;
    private LocalDate today;

    DemoData(Recorder recorder, Documents documents, MeasureCatalogue catalogue, ReadModels readModels, Clock clock) {
        this.recorder = recorder;
        this.documents = documents;
        this.catalogue = catalogue;
        this.readModels = readModels;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void fillIfEmpty() {
        long events = readModels.storedEvents();
        if (events > 0) {
            log.info("Demo data not added: the event store already holds {} events", events);
            return;
        }
        // every command is sent as the user "demo" (a risk acceptance signed as "riskowner"), so the audit trail
        // says where the portfolio came from
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(ACTOR, null, List.of()));
        try {
            today = BusinessDates.today(clock);
            fill();
            log.info("Demo data added: 12 services recorded as the user '{}'", ACTOR);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The portfolio, a story told in order: services being acquired, in operation, and leaving. */
    private void fill() {
        servicesBeingAcquired();
        servicesInOperation();
        servicesLeaving();
    }

    private void servicesBeingAcquired() {
        register("Chattbot för vårdguiden", "Samtalsrobot Norden AB", ServiceModel.SAAS, "Digitala tjänster", "Maria Lind");
        register("Schemaläggning för vårdpersonal", "Skiftkoll AB", ServiceModel.SAAS, "HR", "Per Ek");

        CloudServiceId visits = register("Digitala vårdmöten", "Videovård Sverige AB", ServiceModel.SAAS,
                "Hälso- och sjukvård", "Karin Holm");
        Classification visitsClass = classify(visits, 3, 2, 2, true, true, "2026/123");
        evidence(visits, all(visitsClass, Phase.ACQUIRE, id -> id <= 12), EnumSet.of(Phase.ACQUIRE),
                EvidenceKind.CONTRACT_CLAUSE, "Avtalsutkast med säkerhetsbilaga", "Videovård Sverige AB",
                today.minusDays(14), null, null);

        CloudServiceId search = register("Sök i intranätet", "Söklabbet AB", ServiceModel.PAAS, "IT-avdelningen", "Jonas Berg");
        Classification searchClass = classify(search, 1, 1, 1, false, false, null);
        evidence(search, all(searchClass, Phase.ACQUIRE, id -> id != 22), EnumSet.of(Phase.ACQUIRE),
                EvidenceKind.VENDOR_STATEMENT, "Leverantörens säkerhetsbeskrivning", "Söklabbet AB",
                today.minusDays(30), null, null);
    }

    private void servicesInOperation() {
        CloudServiceId mail = inOperation("E-post och kalender", "Nordmoln AB", ServiceModel.SAAS, "IT-avdelningen",
                "Anders Wik", classification(2, 2, 3, false, true, "2025/88"));
        certificate(mail, "ISO/IEC 27001-certifikat", "Certifieringsorgan Norden AB",
                today.minusYears(3), today.plusDays(20)); // expires soon

        CloudServiceId payroll = inOperation("Lönesystem", "Lönemolnet AB", ServiceModel.SAAS, "HR", "Eva Sund",
                classification(3, 3, 2, true, true, "2024/301"));
        certificate(payroll, "ISO/IEC 27001-certifikat", "Svensk Certifiering AB",
                today.minusYears(3), today.minusDays(12)); // has expired
        // waits in the risk owner's queue
        propose(payroll, new MeasureId(SUPERVISION), Phase.OPERATE,
                "Ingen oberoende granskning av leverantören medan certifikatet förnyas.",
                "Certifieringsorganets revision är bokad; nytt certifikat väntas inom sex månader.", today.plusMonths(6));

        CloudServiceId invoices = register("Fakturaskanning", "Skanna AB", ServiceModel.SAAS, "Ekonomi", "Lena Falk");
        Classification invoicesClass = classify(invoices, 2, 2, 1, false, true, "2025/41");
        MeasureId accepted = catalogue.applicablePairs(invoicesClass, Phase.ACQUIRE).stream()
                .map(MeasurePhase::measureId)
                .filter(id -> catalogue.measure(id).orElseThrow().canBeRiskAccepted())
                .reduce((first, second) -> second).orElseThrow();
        String proposal = propose(invoices, accepted, Phase.ACQUIRE,
                "Leverantören kan inte visa detta före avtal.",
                "Risken bedöms som låg för fakturaunderlag; följs upp i förvaltningen.", today.plusMonths(6));
        asRiskOwner(() -> recorder.record(invoices, new ApproveRiskAcceptance(invoices, proposal, RISK_OWNER,
                "Godkänt för sex månader; nytt beslut efter leverantörens revision.")));
        evidence(invoices, all(invoicesClass, Phase.ACQUIRE, id -> !id.equals(accepted.value())), EnumSet.of(Phase.ACQUIRE),
                EvidenceKind.CONTRACT_CLAUSE, "Avtal med säkerhetsbilaga", "Skanna AB", today.minusDays(200), null, null);
        recorder.record(invoices, new StartOperation(invoices));

        CloudServiceId backup = inOperation("Säkerhetskopiering av filservrar", "Arkivsäkert AB", ServiceModel.IAAS,
                "IT-avdelningen", "Jonas Berg", classification(2, 3, 3, false, false, "2025/12"));
        recorder.record(backup, new RecordProviderChange(backup,
                "Leverantören har bytt underleverantör för lagring; data lagras nu även i Finland.", today.minusDays(5)));

        CloudServiceId helpdesk = inOperation("Ärendehantering för IT-support", "Servicedesk Moln AB", ServiceModel.SAAS,
                "IT-avdelningen", "Sara Nyberg", classification(1, 2, 2, false, true, null));
        certificate(helpdesk, "SOC 2 Typ II-rapport", "Revisionsbyrån Granskning AB",
                today.minusMonths(10), today.plusDays(45)); // within the warning window

        CloudServiceId maps = inOperation("Kartdata för kollektivtrafiken", "Geokarta AB", ServiceModel.PAAS,
                "Kollektivtrafik", "Olof Strand", classification(0, 2, 3, false, false, "2024/77"));
        certificate(maps, "ISO/IEC 27001-certifikat", "Certifieringsorgan Norden AB",
                today.minusYears(1), today.plusYears(2));
        vendors(mail, maps);
    }

    /**
     * Vendors as records: the mail service's vendor, owned from abroad, whose support sub-processor works from
     * India (a location conflict: personal data outside the EU/EEA); the map data's vendor with a certificate
     * recorded once and adopted by the service; a payroll vendor registered but not yet linked (proposed on the
     * link page).
     */
    private void vendors(CloudServiceId mail, CloudServiceId maps) {
        se.molnkoll.kernel.VendorId nordmoln = vendor("Nordmoln AB", "556703-7485", "SE", "Nordic Cloud Holding Inc.", "US");
        recorder.recordVendor(nordmoln, new se.molnkoll.kernel.command.ChangeContactPoint(nordmoln,
                se.molnkoll.kernel.vendor.ContactPoint.Purpose.SUPPORT, new se.molnkoll.kernel.vendor.ContactPoint(
                se.molnkoll.kernel.vendor.ContactPoint.Purpose.SUPPORT, "Servicedesk", "support@nordmoln.example", "+46 8 123 45 00")));
        recorder.recordVendor(nordmoln, new se.molnkoll.kernel.command.ChangeContactPoint(nordmoln,
                se.molnkoll.kernel.vendor.ContactPoint.Purpose.INCIDENT, new se.molnkoll.kernel.vendor.ContactPoint(
                se.molnkoll.kernel.vendor.ContactPoint.Purpose.INCIDENT, "Security Operations Center", "soc@nordmoln.example", null)));
        String operations = UUID.randomUUID().toString();
        String support = UUID.randomUUID().toString();
        recorder.recordVendor(nordmoln, new se.molnkoll.kernel.command.AddSubProcessor(nordmoln, operations,
                new se.molnkoll.kernel.vendor.SubProcessor("Drift Oy", "FI", null, "Drift av datacenter", List.of("FI")), today.minusYears(1)));
        recorder.recordVendor(nordmoln, new se.molnkoll.kernel.command.AddSubProcessor(nordmoln, support,
                new se.molnkoll.kernel.vendor.SubProcessor("Support Global Ltd", "GB", null, "Support dygnet runt", List.of("GB", "IN")),
                today.minusDays(10)));
        recorder.record(mail, new se.molnkoll.kernel.command.LinkVendor(mail, nordmoln, "Bekräftad matchning på leverantörens namn"));
        recorder.record(mail, new se.molnkoll.kernel.command.DeclareLocations(mail, new se.molnkoll.kernel.DeclaredLocations(
                List.of("SE", "FI"), List.of("SE"), List.of(operations, support), today.minusDays(10), "Personuppgiftsbiträdesavtal, bilaga 3")));

        se.molnkoll.kernel.VendorId geokarta = vendor("Geokarta AB", "556012-5790", "SE", null, null);
        String iso = UUID.randomUUID().toString();
        recorder.recordVendor(geokarta, new se.molnkoll.kernel.command.RecordVendorEvidence(geokarta, iso,
                new se.molnkoll.kernel.vendor.VendorEvidence(EvidenceKind.CERTIFICATE, "ISO/IEC 27001-certifikat för hela leverantören",
                        "Certifieringsorgan Norden AB", "Alla tjänster och datacenter i Sverige", today.minusMonths(2), null,
                        today.plusYears(2).minusMonths(2), "Certifikat 2026-0042")));
        recorder.record(maps, new se.molnkoll.kernel.command.LinkVendor(maps, geokarta, "Bekräftad matchning på leverantörens namn"));
        recorder.record(maps, new se.molnkoll.kernel.command.DeclareLocations(maps, new se.molnkoll.kernel.DeclaredLocations(
                List.of("SE"), List.of("SE"), List.of(), today.minusMonths(2), "Leverantörens trust center")));
        recorder.record(maps, new se.molnkoll.kernel.command.AdoptVendorEvidence(maps, EvidenceId.random(), iso, Set.of(new MeasureId(SUPERVISION)),
                EnumSet.of(Phase.OPERATE)));

        vendor("Lönemolnet AB", "556016-0680", "SE", null, null);
    }

    private se.molnkoll.kernel.VendorId vendor(String name, String organisationNumber, String country, String parent, String parentCountry) {
        se.molnkoll.kernel.VendorId id = se.molnkoll.kernel.VendorId.random();
        recorder.recordVendor(id, new se.molnkoll.kernel.command.RegisterVendor(id, new se.molnkoll.kernel.vendor.VendorDetails(name,
                organisationNumber, null, country, parent, parentCountry)));
        return id;
    }

    private void servicesLeaving() {
        CloudServiceId survey = inOperation("Enkätverktyg", "Enkätia AB", ServiceModel.SAAS, "Kommunikation",
                "Maria Lind", classification(1, 1, 1, false, true, null));
        recorder.record(survey, new TerminateContract(survey, today.minusDays(20),
                "Ersätts av regionens gemensamma enkätverktyg."));

        CloudServiceId project = inOperation("Projektplatser för samarbete", "Samarbeta AB", ServiceModel.SAAS,
                "Regionledningskontoret", "Per Ek", classification(1, 1, 1, false, false, null));
        recorder.record(project, new TerminateContract(project, today.minusDays(90), "Avtalet löpte ut."));
        evidence(project, all(catalogue.applicablePairs(classification(1, 1, 1, false, false, null), Phase.EXIT)),
                EnumSet.of(Phase.EXIT), EvidenceKind.VENDOR_STATEMENT, "Intyg om återlämnad och raderad information",
                "Samarbeta AB", today.minusDays(30), null, null);
        recorder.record(project, new Decommission(project));
    }

    // ---- the steps ---------------------------------------------------------------------------

    /** A proposal by the contract manager "demo"; its id. */
    private String propose(CloudServiceId id, MeasureId measure, Phase phase, String residualRisk, String motivation,
                           LocalDate until) {
        String proposalId = UUID.randomUUID().toString();
        recorder.record(id, new ProposeRiskAcceptance(id, proposalId, measure, phase, residualRisk, motivation, until, ACTOR));
        return proposalId;
    }

    /** What the demo user riskowner does: a proposal must be signed by someone else than the one who made it. */
    private static void asRiskOwner(Runnable signing) {
        var demo = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(RISK_OWNER, null, List.of()));
        try {
            signing.run();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(demo);
        }
    }

    private CloudServiceId register(String name, String vendor, ServiceModel model, String unit, String owner) {
        CloudServiceId id = CloudServiceId.random();
        recorder.record(id, new RegisterCloudService(id, name, vendor, model, unit, owner));
        return id;
    }

    private static Classification classification(int c, int i, int a, boolean secrecy, boolean personalData, String decision) {
        return new Classification(c, i, a, secrecy, personalData, List.of("EU/EEA"), null,
                decision == null ? null : "Beslut " + decision);
    }

    private Classification classify(CloudServiceId id, int c, int i, int a, boolean secrecy, boolean personalData,
                                    String decision) {
        Classification classification = classification(c, i, a, secrecy, personalData, decision);
        recorder.record(id, new SetClassification(id, classification));
        return classification;
    }

    /**
     * Registered, classified, its acquisition and operation measures shown by the contract (with its
     * document), and in operation. Measure 38 (supervision of the vendor's delivery) is left to a
     * vendor audit report before the contract and to a certificate in operation, if one is recorded.
     */
    private CloudServiceId inOperation(String name, String vendor, ServiceModel model, String unit, String owner,
                                       Classification classification) {
        CloudServiceId id = register(name, vendor, model, unit, owner);
        recorder.record(id, new SetClassification(id, classification));
        Set<MeasureId> contractCovers = new TreeSet<>(all(classification, Phase.ACQUIRE, m -> m != SUPERVISION));
        contractCovers.addAll(all(classification, Phase.OPERATE, m -> m != SUPERVISION));
        EvidenceId contract = evidence(id, contractCovers, EnumSet.of(Phase.ACQUIRE, Phase.OPERATE),
                EvidenceKind.CONTRACT_CLAUSE, "Avtal med säkerhetsbilaga och personuppgiftsbiträdesavtal", vendor,
                today.minusYears(1), null, null);
        documents.attach(id, contract, "avtal-sakerhetsbilaga.pdf", "application/pdf", DemoDocuments.pdf(name));
        evidence(id, Set.of(new MeasureId(SUPERVISION)), EnumSet.of(Phase.ACQUIRE), EvidenceKind.AUDIT_REPORT,
                "Granskningsrapport inför avtal", "Regionens internrevision", today.minusYears(1).minusDays(20), null, null);
        recorder.record(id, new StartOperation(id));
        return id;
    }

    /** A certificate that shows the vendor's delivery in operation (measure 38); when it lapses, the measure is open. */
    private void certificate(CloudServiceId id, String title, String issuer, LocalDate validFrom, LocalDate validUntil) {
        LocalDate receivedOn = validFrom.plusDays(3).isAfter(today) ? today : validFrom.plusDays(3);
        recorder.record(id, new RecordEvidence(id, EvidenceId.random(), Set.of(new MeasureId(SUPERVISION)),
                EnumSet.of(Phase.OPERATE), EvidenceKind.CERTIFICATE, title, issuer, receivedOn, validFrom, validUntil,
                null, "Certifikat nr " + (10000 + Math.floorMod(id.value().hashCode(), 90000))));
    }

    private EvidenceId evidence(CloudServiceId id, Set<MeasureId> measures, Set<Phase> phases, EvidenceKind kind,
                                String title, String issuer, LocalDate receivedOn, LocalDate validFrom, LocalDate validUntil) {
        EvidenceId evidence = EvidenceId.random();
        recorder.record(id, new RecordEvidence(id, evidence, measures, phases, kind, title, issuer, receivedOn, validFrom,
                validUntil, null, null));
        return evidence;
    }

    private Set<MeasureId> all(Classification classification, Phase phase, Predicate<Integer> which) {
        return catalogue.applicablePairs(classification, phase).stream().map(MeasurePhase::measureId)
                .filter(id -> which.test(id.value())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<MeasureId> all(List<MeasurePhase> pairs) {
        return pairs.stream().map(MeasurePhase::measureId).collect(Collectors.toCollection(TreeSet::new));
    }

}
