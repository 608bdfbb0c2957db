package se.molnkoll.query.audit;

import se.molnkoll.query.EventStream;
import se.molnkoll.query.Histories;
import se.molnkoll.query.QueryTestApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.event.ContractTerminated;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.event.ServiceDecommissioned;
import se.molnkoll.kernel.query.AuditEntry;
import se.molnkoll.kernel.query.AuditFilter;
import se.molnkoll.kernel.query.AuditPage;
import se.molnkoll.kernel.query.FindAuditTrail;
import se.molnkoll.kernel.testing.MutableClock;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.kernel.Phase.EXIT;
import static se.molnkoll.kernel.Phase.OPERATE;
import static se.molnkoll.query.Histories.classified;
import static se.molnkoll.query.Histories.evidence;
import static se.molnkoll.query.Histories.pair;
import static se.molnkoll.query.Histories.patientData;
import static se.molnkoll.query.Histories.registered;
import static se.molnkoll.query.Histories.riskAccepted;
import static se.molnkoll.query.QueryTestApplication.TODAY;

@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({AuditTrailProjection.class, AuditTrailQueries.class})
class AuditTrailTest {

    static final CloudServiceId SERVICE = CloudServiceId.of("11111111-1111-4111-8111-111111111111");
    static final CloudServiceId OTHER = CloudServiceId.of("66666666-6666-4666-8666-666666666666");
    static final EvidenceId CERTIFICATE = EvidenceId.of("22222222-2222-4222-8222-222222222222");

    @Autowired AuditTrailProjection projection;
    @Autowired AuditTrailQueries queries;
    @Autowired MutableClock clock;
    @Autowired ObjectMapper json;

    EventStream events;
    Instant start;

    @BeforeEach
    void recordAHistory() {
        clock.set(TODAY);
        start = clock.instant();
        events = new EventStream(clock, projection);
        events.as("anna").publish(registered(SERVICE, "Journal"), classified(SERVICE, patientData()),
                evidence(SERVICE, CERTIFICATE, null, TODAY.plusYears(1), pair(27, ACQUIRE), pair(40, ACQUIRE), pair(40, EXIT)));
        clock.set(TODAY.plusDays(1));
        events.as("bertil").publish(registered(OTHER, "Arkiv"), new EvidenceWithdrawn(SERVICE, CERTIFICATE, "Fel fil"),
                riskAccepted(SERVICE, 18, ACQUIRE, TODAY.plusMonths(6)), new OperationStarted(SERVICE, TODAY.plusDays(1)),
                new ProviderChangeRecorded(SERVICE, "Ny underleverantör", TODAY.plusDays(1), List.of(pair(42, OPERATE))),
                new ContractTerminated(SERVICE, TODAY.plusDays(1), "Avtalet löpte ut"),
                new ServiceDecommissioned(SERVICE, TODAY.plusDays(1)));
    }

    private AuditPage page(AuditFilter filter, int page, int size, boolean newestFirst) {
        return queries.handle(new FindAuditTrail(filter, page, size, newestFirst));
    }

    @Test
    void every_event_is_in_the_trail_with_time_actor_service_type_and_a_swedish_summary() {
        List<AuditEntry> all = page(AuditFilter.NONE, 0, 50, false).entries();
        assertThat(all).extracting(AuditEntry::type).containsExactly("CloudServiceRegistered", "ClassificationSet",
                "EvidenceReceived", "CloudServiceRegistered", "EvidenceWithdrawn", "ResidualRiskAccepted",
                "OperationStarted", "ProviderChangeRecorded", "ContractTerminated", "ServiceDecommissioned");
        assertThat(all).extracting(AuditEntry::summary).containsExactly(
                "Molntjänsten \"Journal\" registrerades (leverantör Moln AB, SAAS, Regionstyrelsen, ägare Anna Andersson)",
                "Informationsklassning satt: K3 R2 T2, sekretess ja, personuppgifter ja, tillåtna platser SE, EU/EEA",
                "Underlag mottaget: \"ISO/IEC 27001\" (certifikat) från Certifieringsorgan AB för åtgärd 27 (ANS), 40 (ANS, LÄMNA), giltigt till och med 2027-03-15",
                "Molntjänsten \"Arkiv\" registrerades (leverantör Moln AB, SAAS, Regionstyrelsen, ägare Anna Andersson)",
                "Underlag 22222222-2222-4222-8222-222222222222 återkallades: Fel fil",
                "Kvarstående risk för åtgärd 18 (ANS) accepterad av Förvaltningschef till och med 2026-09-15",
                "Förvaltning påbörjad 2026-03-16",
                "Förändring hos leverantören 2026-03-16: Ny underleverantör; åtgärd 42 (FÖR) öppnad igen",
                "Avtalet sades upp per 2026-03-16: Avtalet löpte ut",
                "Molntjänsten avvecklades 2026-03-16");
        AuditEntry first = all.get(0);
        assertThat(first.actor()).isEqualTo("anna");
        assertThat(first.serviceId()).isEqualTo(SERVICE);
        assertThat(first.recordedAt()).isEqualTo(start);
        assertThat(first.sequenceNumber()).isZero();
        assertThat(first.correlationId()).isNotBlank();
        assertThat(all.get(4).actor()).isEqualTo("bertil");
    }

    @Test
    void the_payload_is_the_event_as_json() throws Exception {
        AuditEntry received = page(new AuditFilter(null, null, "EvidenceReceived", null, null), 0, 10, true).entries().get(0);
        JsonNode payload = json.readTree(received.payload());
        assertThat(payload.get("evidenceId").asText()).isEqualTo(CERTIFICATE.value());
        assertThat(payload.get("validUntil").asText()).isEqualTo("2027-03-15");
        assertThat(payload.get("documentSha256").asText()).isEqualTo("a".repeat(64));
        assertThat(payload.get("covers")).hasSize(3);
    }

    @Test
    void the_trail_filters_by_service_actor_type_and_time_and_pages_newest_first() {
        assertThat(page(new AuditFilter(OTHER, null, null, null, null), 0, 50, true).entries())
                .extracting(AuditEntry::type).containsExactly("CloudServiceRegistered");
        assertThat(page(new AuditFilter(null, "anna", null, null, null), 0, 50, true).totalEntries()).isEqualTo(3);
        assertThat(page(new AuditFilter(SERVICE, null, "CloudServiceRegistered", null, null), 0, 50, true).totalEntries()).isEqualTo(1);
        assertThat(page(new AuditFilter(null, null, null, start.plusSeconds(1), null), 0, 50, true).totalEntries()).isEqualTo(7);
        assertThat(page(new AuditFilter(null, null, null, null, start.plusSeconds(1)), 0, 50, true).totalEntries()).isEqualTo(3);

        AuditPage newest = page(AuditFilter.NONE, 0, 4, true);
        assertThat(newest.totalEntries()).isEqualTo(10);
        assertThat(newest.totalPages()).isEqualTo(3);
        assertThat(newest.entries()).extracting(AuditEntry::type)
                .containsExactly("ServiceDecommissioned", "ContractTerminated", "ProviderChangeRecorded", "OperationStarted");
        assertThat(page(AuditFilter.NONE, 1, 4, true).entries()).extracting(AuditEntry::type)
                .containsExactly("ResidualRiskAccepted", "EvidenceWithdrawn", "CloudServiceRegistered", "EvidenceReceived");
        assertThat(page(AuditFilter.NONE, 2, 4, true).entries()).extracting(AuditEntry::type)
                .containsExactly("ClassificationSet", "CloudServiceRegistered");
    }
}
