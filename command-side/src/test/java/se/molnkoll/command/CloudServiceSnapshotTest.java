package se.molnkoll.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.DeclaredLocations;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.command.RiskAcceptancePolicy;
import se.molnkoll.kernel.command.WithdrawEvidence;
import se.molnkoll.kernel.event.EvidenceReceived;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.ExternalKeyAssigned;
import se.molnkoll.kernel.event.LocationsDeclared;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.ResidualRiskAccepted;
import se.molnkoll.kernel.event.ReviewFellDue;
import se.molnkoll.kernel.event.ReviewScheduled;
import se.molnkoll.kernel.event.RiskAcceptanceProposed;
import se.molnkoll.kernel.event.TaskAssigned;
import se.molnkoll.kernel.event.VendorEvidenceAdopted;
import se.molnkoll.kernel.event.VendorLinked;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static se.molnkoll.command.CloudServiceFixture.CATALOGUE;
import static se.molnkoll.command.CloudServiceFixture.SERVICE;
import static se.molnkoll.command.CloudServiceFixture.TODAY;
import static se.molnkoll.command.CloudServiceFixture.classifiedAs;
import static se.molnkoll.command.CloudServiceFixture.evidence;
import static se.molnkoll.command.CloudServiceFixture.id;
import static se.molnkoll.command.CloudServiceFixture.pair;
import static se.molnkoll.command.CloudServiceFixture.patientAdministration;
import static se.molnkoll.command.CloudServiceFixture.registered;
import static se.molnkoll.kernel.Phase.ACQUIRE;
import static se.molnkoll.kernel.Phase.OPERATE;

/**
 * A service's snapshot holds its whole state: read back, it is the same service field for field, of the same types;
 * and the shape of that state is pinned to {@link CloudService#STATE_REVISION}, so that a change of it cannot
 * leave old snapshots in use.
 */
class CloudServiceSnapshotTest {

    /**
     * Every field of the service's state and of the types it holds, by declaring type, name and generic type, as of
     * {@link CloudService#STATE_REVISION} "2" (the ledger's evidence per pair as a list since "1"). When this changes,
     * count the revision up and pin the new shape.
     */
    static final String SHAPE_OF_REVISION_2 = "5bd377ce";

    private final ObjectMapper snapshots = se.molnkoll.kernel.SnapshotFormat.mapper();
    private FixtureConfiguration<CloudService> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CloudService.class);
        fixture.registerInjectableResource(CATALOGUE);
        fixture.registerInjectableResource((se.molnkoll.kernel.catalogue.ReviewSchedules)
                () -> se.molnkoll.kernel.catalogue.ReviewSchedule.loadDefault(CATALOGUE));
        fixture.registerInjectableResource(CloudServiceFixture.CLOCK);
        fixture.registerInjectableResource(RiskAcceptancePolicy.DEFAULT);
    }

    @Test
    void a_service_read_back_from_its_snapshot_is_the_same_field_for_field() {
        EvidenceId adopted = EvidenceId.of("1d2c3b4a-0000-4000-8000-00000000c0b1");
        fixture.given(registered(), new ExternalKeyAssigned(SERVICE, "MT-0042"), classifiedAs(patientAdministration()),
                        evidence(id(1), TODAY.plusDays(100), pair(27, ACQUIRE), pair(30, ACQUIRE)),
                        evidence(id(2), null, pair(31, ACQUIRE)),
                        new EvidenceWithdrawn(SERVICE, EvidenceId.of(id(2)), "Fel dokument"),
                        new RiskAcceptanceProposed(SERVICE, "p-1", new MeasureId(8), ACQUIRE, "Låg", "Kompenseras",
                                TODAY.plusYears(1), "manager", TODAY),
                        new ResidualRiskAccepted(SERVICE, new MeasureId(9), ACQUIRE, "Förvaltningschef", "Låg risk",
                                TODAY.minusMonths(1), null),
                        new TaskAssigned(SERVICE, "t-1", new MeasureId(17), ACQUIRE, null, "karin", TODAY.plusDays(14),
                                "Begär intyget"),
                        new VendorLinked(SERVICE, null, VendorTest.VENDOR, "Molnbolaget Sverige AB", "Vald"),
                        new LocationsDeclared(SERVICE, new DeclaredLocations(List.of("SE", "FI"), List.of("SE"),
                                List.of(VendorTest.SUPPORT_PARTNER), TODAY.minusDays(1), "Bilaga 2")),
                        new VendorEvidenceAdopted(SERVICE, adopted, VendorTest.VENDOR, VendorTest.ISO, List.of(pair(27, ACQUIRE))),
                        new EvidenceReceived(SERVICE, adopted, List.of(pair(27, ACQUIRE)), se.molnkoll.kernel.EvidenceKind.CERTIFICATE,
                                "ISO/IEC 27001", "Certifieringsorgan AB", TODAY.minusDays(20), null, TODAY.plusDays(100), null, "Kopia"),
                        new OperationStarted(SERVICE, TODAY),
                        new ReviewScheduled(SERVICE, new MeasureId(38), OPERATE, TODAY.plusYears(1)),
                        new ReviewScheduled(SERVICE, new MeasureId(34), OPERATE, TODAY.minusDays(1)),
                        new ReviewFellDue(SERVICE, new MeasureId(34), OPERATE, TODAY))
                .when(new WithdrawEvidence(SERVICE, EvidenceId.of(id(1)), "Ersatt"))
                .expectState(service -> {
                    try {
                        String json = snapshots.writeValueAsString(service);
                        CloudService back = snapshots.readValue(json, CloudService.class);
                        assertThat(back).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(service);
                        assertThat(snapshots.writeValueAsString(back)).isEqualTo(json);
                        assertThat(json).contains("\"27/ACQUIRE\"", "karin", "p-1", "Bilaga 2", "\"38/OPERATE\"");
                    } catch (java.io.IOException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Test
    void the_shape_of_the_state_is_the_one_of_its_revision() {
        assertThat(CloudService.STATE_REVISION).isEqualTo("2");
        assertThat(shape(CloudService.class)).as("the fields of CloudService's state changed: count"
                + " CloudService.STATE_REVISION up and pin the new shape here; the shape is:\n" + describe(CloudService.class))
                .isEqualTo(SHAPE_OF_REVISION_2);
    }

    /** A short hash of {@link #describe}. */
    static String shape(Class<?> root) {
        return String.format("%08x", describe(root).hashCode());
    }

    /** Every instance field of the type and of each of Molnkoll's types its fields hold, one per line, sorted. */
    static String describe(Class<?> root) {
        Set<String> lines = new TreeSet<>();
        Set<Class<?>> seen = new java.util.HashSet<>();
        Deque<Class<?>> next = new ArrayDeque<>(List.of(root));
        while (!next.isEmpty()) {
            Class<?> type = next.pop();
            if (!seen.add(type)) continue;
            if (type.isEnum()) {
                lines.add(type.getName() + " = " + List.of(type.getEnumConstants()));
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) continue;
                lines.add(type.getName() + "." + field.getName() + ": " + field.getGenericType().getTypeName());
                collect(field.getGenericType(), next);
            }
        }
        return String.join("\n", lines);
    }

    private static void collect(Type type, Deque<Class<?>> next) {
        if (type instanceof Class<?> plain && plain.getName().startsWith("se.molnkoll.")) {
            next.push(plain);
        } else if (type instanceof ParameterizedType generic) {
            collect(generic.getRawType(), next);
            for (Type argument : generic.getActualTypeArguments()) collect(argument, next);
        }
    }
}
