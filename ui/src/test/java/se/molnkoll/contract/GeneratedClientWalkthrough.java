package se.molnkoll.contract;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.molnkoll.client.ApiClient;
import se.molnkoll.client.ApiException;
import se.molnkoll.client.ApiResponse;
import se.molnkoll.client.api.AdministrationApi;
import se.molnkoll.client.api.AuditTrailApi;
import se.molnkoll.client.api.CloudServicesApi;
import se.molnkoll.client.api.MeasureCatalogueApi;
import se.molnkoll.client.api.PortfolioApi;
import se.molnkoll.client.model.AttachedDocument;
import se.molnkoll.client.model.AuditArchive;
import se.molnkoll.client.model.AuditPage;
import se.molnkoll.client.model.ChainHead;
import se.molnkoll.client.model.ChainVerification;
import se.molnkoll.client.model.ClassificationInput;
import se.molnkoll.client.model.CloudServiceView;
import se.molnkoll.client.model.EvidenceInput;
import se.molnkoll.client.model.MeasureStatusView;
import se.molnkoll.client.model.RebuildStatus;
import se.molnkoll.client.model.RiskApprovalInput;
import se.molnkoll.client.model.RiskProposalInput;
import se.molnkoll.client.model.ServiceChanges;
import se.molnkoll.client.model.ServiceRegistration;
import se.molnkoll.client.model.WithdrawalInput;
import se.molnkoll.support.TestClock;

import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static se.molnkoll.support.TestClock.TODAY;

/**
 * The README's walk-through, driven by a Java client generated at build time from openapi.yaml (as one
 * of the region's systems would: openapi-generator, library native), against the running application.
 * Only what the generated classes offer is used: their methods (named by the document's operationIds),
 * their models, and their exceptions for the answers that are not a success.
 */
abstract class GeneratedClientWalkthrough {

    @LocalServerPort
    int port;

    CloudServicesApi manager;
    AuditTrailApi auditor;

    @BeforeEach
    void signIn() {
        TestClock.CLOCK.set(TODAY);
        manager = new CloudServicesApi(client("manager"));
        auditor = new AuditTrailApi(client("auditor"));
    }

    /** The generated client pointed at this instance, signed in with HTTP Basic as the demo user. */
    ApiClient client(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
        return client;
    }

    @Test
    void the_readme_walkthrough_runs_on_the_generated_client(@TempDir Path scratch) throws Exception {
        // A contract manager registers a service being acquired; the answer is its id.
        UUID id = manager.registerService(new ServiceRegistration().name("Samarbetsyta").vendor("Moln AB")
                .serviceModel(ServiceRegistration.ServiceModelEnum.SAAS).organisationUnit("Regionstyrelsen")
                .owner("Anna Andersson")).getId();

        // Classify: K2 R2 T2, personal data, stored in Sweden or the EU/EEA.
        CloudServiceView classified = manager.setClassification(id, new ClassificationInput().confidentiality(2).integrity(2)
                .availability(2).secrecy(false).personalData(true)
                .allowedLocations(List.of(ClassificationInput.AllowedLocationsEnum.SE, ClassificationInput.AllowedLocationsEnum.EU_EEA))
                .ownershipRequirement("Leverantören får inte lyda under tredjelands jurisdiktion")
                .decisionReference("RS 2026-117"));
        assertThat(classified.getClassification()).isNotNull();
        assertThat(classified.getClassification().getAllowedLocations()).containsExactly("SE", "EU/EEA");

        // Which acquisition measures are open?
        List<MeasureStatusView> acquisition = manager.getServiceMeasures(id, "ACQUIRE", null, null);
        assertThat(acquisition).isNotEmpty().allSatisfy(m -> assertThat(m.getPhase().getValue()).isEqualTo("ACQUIRE"));

        // The vendor hands over an ISO/IEC 27001 certificate that covers measures 27, 30 and 38.
        UUID certificate = manager.recordEvidence(id, new EvidenceInput().measureIds(List.of(27, 30, 38))
                .phases(List.of(EvidenceInput.PhasesEnum.ACQUIRE, EvidenceInput.PhasesEnum.OPERATE))
                .kind(EvidenceInput.KindEnum.CERTIFICATE).title("ISO/IEC 27001-certifikat").issuer("Certifieringsorgan AB")
                .receivedOn(TODAY).validFrom(TODAY.withDayOfYear(1)).validUntil(TODAY.plusYears(3))).getId();

        // The manager proposes accepting the remaining risk of measure 18 in acquisition; the risk owner approves it.
        UUID proposal = manager.proposeRiskAcceptance(id, new RiskProposalInput().measureId(18)
                .phase(RiskProposalInput.PhaseEnum.ACQUIRE).residualRisk("Kapaciteten kan inte prognostiseras före driften")
                .motivation("Kapaciteten följs upp i förvaltningen").validUntil(TODAY.plusYears(1))).getId();
        CloudServiceView accepted = new CloudServicesApi(client("riskowner")).approveRiskAcceptance(id, proposal,
                new RiskApprovalInput().note("Följs upp efter tre månader i drift"));
        assertThat(accepted.getRiskAcceptances()).hasSize(1);
        assertThat(accepted.getRiskAcceptances().get(0).getSignedOff()).isTrue();

        // Operation cannot start yet: 409, listing every acquisition measure still open; nothing recorded.
        ApiException refused = catchThrowableOfType(ApiException.class, () -> manager.startOperation(id));
        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(refused.getResponseBody()).contains("ACQUIRE_MEASURES_OPEN");

        // Bad input is refused with 400, naming each bad field; nothing is recorded.
        ApiException bad = catchThrowableOfType(ApiException.class, () -> manager.recordEvidence(id, new EvidenceInput()
                .measureIds(List.of(99)).phases(List.of(EvidenceInput.PhasesEnum.ACQUIRE))
                .kind(EvidenceInput.KindEnum.CERTIFICATE).title("").issuer("x").receivedOn(TODAY)));
        assertThat(bad.getCode()).isEqualTo(400);
        assertThat(bad.getResponseBody()).contains("measureIds[0]", "\"title\"");

        // The vendor's audit report with the document itself: its SHA-256 is recorded, and checked on download.
        UUID report = manager.recordEvidence(id, new EvidenceInput().measureIds(List.of(25))
                .phases(List.of(EvidenceInput.PhasesEnum.ACQUIRE)).kind(EvidenceInput.KindEnum.AUDIT_REPORT)
                .title("Revisionsrapport 2026").issuer("Revisor AB").receivedOn(TODAY).validUntil(TODAY.plusMonths(2))).getId();
        byte[] pdf = "%PDF-1.4\n% Revisionsrapport 2026\n".getBytes(StandardCharsets.US_ASCII);
        File file = Files.write(scratch.resolve("rapport.pdf"), pdf).toFile();
        AttachedDocument attached = manager.attachDocument(id, report, file);
        assertThat(attached.getSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
        File copy = new CloudServicesApi(client("auditor")).downloadDocument(id, report);
        assertThat(Files.readAllBytes(copy.toPath())).isEqualTo(pdf);

        // The certificate was for another service: withdraw it. BEFORE: when the event before it was recorded.
        AuditPage newest = auditor.getServiceAuditTrail(id, null, null, null, null, null, null, 1);
        assertThat(newest.getEntries()).hasSize(1);
        String before = DateTimeFormatter.ISO_INSTANT.format(newest.getEntries().get(0).getRecordedAt());
        TestClock.CLOCK.set(TODAY.atTime(12, 5).atZone(ZoneId.of("Europe/Stockholm")).toInstant());
        CloudServiceView withdrawn = manager.withdrawEvidence(id, certificate, new WithdrawalInput().reason("Gäller en annan tjänst"));
        assertThat(withdrawn.getEvidence()).anySatisfy(e -> {
            assertThat(e.getId()).isEqualTo(certificate);
            assertThat(e.getWithdrawn()).isTrue();
        });

        // The register, the totals, the dashboard and the certificates (any role).
        PortfolioApi viewer = new PortfolioApi(client("viewer"));
        var register = new CloudServicesApi(client("viewer")).listServices("Samarbetsyta", null, null, null, null, null, null, null, null,
                500, null, null);
        assertThat(register.getTotalServices()).isEqualTo(register.getServices().size());
        assertThat(register.getServices()).anySatisfy(s -> assertThat(s.getId()).isEqualTo(id));
        assertThat(viewer.getTotals(null, null).getServices()).isPositive();
        assertThat(viewer.getDashboard(null, null, null).getExpiringWithinDays()).isEqualTo(60);
        assertThat(viewer.listCertificates("EXPIRING", null, null, null)).isNotNull();
        // a viewer asking about another moment is refused: history is for auditors and contract managers
        ApiException history = catchThrowableOfType(ApiException.class, () -> viewer.getTotals(before, null));
        assertThat(history.getCode()).isEqualTo(403);
        assertThat(new MeasureCatalogueApi(client("viewer")).listMeasures()).hasSize(42);

        // The service in full, and as Molnkoll knew it just before the withdrawal: the certificate still counted.
        CloudServicesApi auditorsView = new CloudServicesApi(client("auditor"));
        CloudServiceView then = auditorsView.getService(id, before, null);
        assertThat(then.getEvidence()).anySatisfy(e -> {
            assertThat(e.getId()).isEqualTo(certificate);
            assertThat(e.getWithdrawn()).isFalse();
        });
        // ... what was true on a later date, judged with everything recorded up to now ...
        List<MeasureStatusView> later = auditorsView.getServiceMeasures(id, "ACQUIRE", null, TODAY.plusMonths(3).toString());
        assertThat(later).anySatisfy(m -> {
            assertThat(m.getMeasureId()).isEqualTo(25);
            assertThat(m.getStatus().getValue()).isEqualTo("EXPIRED");
        });
        // ... and what changed since, each change with when and by whom.
        ServiceChanges changes = auditor.getServiceChanges(id, before, null);
        assertThat(changes.getEvidence()).anySatisfy(c -> {
            assertThat(c.getEvidenceId()).isEqualTo(certificate);
            assertThat(c.getChange().getValue()).isEqualTo("WITHDRAWN");
            assertThat(c.getCause().getRecordedBy()).isEqualTo("manager");
        });

        // The paged trail, newest first, filtered by who and what.
        AuditPage trail = auditor.getAuditTrail(null, "manager", "EvidenceWithdrawn", null, null, null, null, 10);
        assertThat(trail.getEntries()).anySatisfy(e -> assertThat(e.getServiceId()).isEqualTo(id));
        AuditPage second = auditor.getServiceAuditTrail(id, null, null, null, null, "asc", 1, 2);
        assertThat(second.getPage()).isEqualTo(1);
        assertThat(second.getTotalEntries()).isGreaterThanOrEqualTo(7);

        // The trail for the archive: JSON through the generated method; CSV, which no generated model holds,
        // with the generated client's own HTTP client, address and sign-in.
        AuditArchive archive = auditor.exportServiceAuditTrail(id, "json", null, null, null, null);
        assertThat((long) archive.getEntries().size()).isEqualTo(archive.getCount()).isEqualTo(second.getTotalEntries());
        ApiClient auditorsClient = client("auditor");
        HttpRequest.Builder csvRequest = HttpRequest.newBuilder(java.net.URI.create(auditorsClient.getBaseUri()
                + "/api/services/" + id + "/audit/export?format=csv")).timeout(Duration.ofSeconds(30)).GET();
        auditorsClient.getRequestInterceptor().accept(csvRequest);
        HttpResponse<String> csv = auditorsClient.getHttpClient().send(csvRequest.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("position,recordedAt,actor");
        assertThat(csv.headers().firstValue("Molnkoll-Export-Entries")).hasValue(Long.toString(archive.getCount()));

        // The chain's head to record outside Molnkoll, and the proof that nothing up to it was altered.
        ChainHead head = awaitChained(auditor);
        ChainVerification verified = auditor.verifyChain(head.getPosition(), head.getHash());
        assertThat(verified.getIntact()).isTrue();
        assertThat(verified.getFirstFinding()).isNull();

        // An administrator rebuilds every read model from the event store and follows its progress.
        AdministrationApi admin = new AdministrationApi(client("admin"));
        ApiResponse<RebuildStatus> started = admin.startRebuildWithHttpInfo();
        assertThat(started.getStatusCode()).isEqualTo(202);
        assertThat(started.getHeaders().get("location")).isNotEmpty();
        assertThat(started.getData().getState()).isIn(RebuildStatus.StateEnum.RUNNING, RebuildStatus.StateEnum.DONE);
        RebuildStatus status = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(admin::getRebuildStatus, s -> s.getState() != RebuildStatus.StateEnum.RUNNING);
        assertThat(status.getState()).isEqualTo(RebuildStatus.StateEnum.DONE);
        assertThat(auditorsView.getService(id, null, null).getEvidence()).hasSize(2);
        // a contract manager may not rebuild
        ApiException notAdmin = catchThrowableOfType(ApiException.class, () -> new AdministrationApi(client("manager")).startRebuild());
        assertThat(notAdmin.getCode()).isEqualTo(403);
    }

    /** The chain trails new events by moments: the head once it has reached every stored event. */
    private static ChainHead awaitChained(AuditTrailApi auditor) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(auditor::getChainHead, head -> head.getLinks().equals(head.getStoredEvents()));
    }
}
