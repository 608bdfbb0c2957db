package se.molnkoll.query.measures;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.compliance.Validity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps each service's {@link OpenMeasuresStep}s in step with its measures, evidence and risk
 * acceptances. Recomputing a service costs two queries, so within a processor's batch of events it is
 * done once per service, for all the batch's services together, just before the batch commits. The
 * steps stay exact in recorded time: an event of a service whose recompute is still pending from an
 * earlier event in the batch first settles that one, as of the earlier event.
 */
class OpenMeasuresKeeper {

    private static final String PENDING = OpenMeasuresKeeper.class.getName() + ".pending";

    private final OpenMeasuresSteps steps;

    OpenMeasuresKeeper(OpenMeasuresSteps steps) {
        this.steps = steps;
    }

    /** Before an event changes the service's rows. */
    void before(String serviceId) {
        if (CurrentUnitOfWork.isStarted()) {
            Instant pending = pending().remove(serviceId);
            if (pending != null) {
                recompute(Map.of(serviceId, pending));
            }
        }
    }

    /** After an event at {@code at} changed the service's rows. */
    void changed(String serviceId, Instant at) {
        if (CurrentUnitOfWork.isStarted()) {
            pending().put(serviceId, at);
        } else {
            recompute(Map.of(serviceId, at));
        }
    }

    /** The services of this batch whose steps are still to be recomputed, with the time of the event that changed them. */
    private Map<String, Instant> pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            Map<String, Instant> services = new LinkedHashMap<>();
            batch.onPrepareCommit(unitOfWork -> {
                if (!services.isEmpty()) {
                    recompute(services);
                    services.clear();
                }
            });
            return services;
        });
    }

    /** Each service's steps again, from what now applies and counts; only changed steps are versioned, at the service's time. */
    private void recompute(Map<String, Instant> services) {
        Map<String, List<MeasurePhase>> applying = new HashMap<>();
        Map<String, Map<MeasurePhase, List<Validity>>> covers = new HashMap<>();
        for (Object[] row : steps.measuresAndCovers(services.keySet())) {
            String serviceId = (String) row[0];
            MeasurePhase pair = MeasurePhase.of(((Number) row[2]).intValue(), Phase.valueOf((String) row[3]));
            if ("A".equals(String.valueOf(row[1]))) {
                applying.computeIfAbsent(serviceId, id -> new ArrayList<>()).add(pair);
            } else {
                covers.computeIfAbsent(serviceId, id -> new HashMap<>()).computeIfAbsent(pair, p -> new ArrayList<>())
                        .add(new Validity(date(row[4]), date(row[5])));
            }
        }
        Map<String, List<OpenMeasuresStep.Step>> wanted = new HashMap<>();
        services.keySet().forEach(serviceId -> wanted.put(serviceId, new ArrayList<>(OpenMeasuresStep.of(
                applying.getOrDefault(serviceId, List.of()), covers.getOrDefault(serviceId, Map.of())))));
        for (OpenMeasuresStep current : steps.current(services.keySet())) {
            if (!wanted.get(current.serviceId()).remove(current.step())) {
                current.close(services.get(current.serviceId()));
            }
        }
        List<OpenMeasuresStep> added = new ArrayList<>();
        wanted.forEach((serviceId, step) -> step.forEach(s -> added.add(new OpenMeasuresStep(serviceId, s, services.get(serviceId)))));
        steps.saveAll(added);
    }

    /** A date column of a native query, as the driver gives it. */
    private static LocalDate date(Object column) {
        return column == null ? null : column instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) column;
    }
}
