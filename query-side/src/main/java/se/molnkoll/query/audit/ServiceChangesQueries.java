package se.molnkoll.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.MeasureStatus;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.event.ClassificationSet;
import se.molnkoll.kernel.event.CloudServiceEvent;
import se.molnkoll.kernel.event.CloudServiceRegistered;
import se.molnkoll.kernel.event.ContractTerminated;
import se.molnkoll.kernel.event.DocumentAttached;
import se.molnkoll.kernel.event.EvidenceExpired;
import se.molnkoll.kernel.event.EvidenceReceived;
import se.molnkoll.kernel.event.EvidenceWithdrawn;
import se.molnkoll.kernel.event.OperationStarted;
import se.molnkoll.kernel.event.ProviderChangeRecorded;
import se.molnkoll.kernel.event.ResidualRiskAccepted;
import se.molnkoll.kernel.event.RiskAcceptanceApproved;
import se.molnkoll.kernel.event.RiskAcceptanceEnded;
import se.molnkoll.kernel.event.ReviewFellDue;
import se.molnkoll.kernel.event.ReviewRecorded;
import se.molnkoll.kernel.event.RiskAcceptanceRevoked;
import se.molnkoll.kernel.event.RiskAnalysisReopened;
import se.molnkoll.kernel.event.OwnerChanged;
import se.molnkoll.kernel.event.ServiceArchived;
import se.molnkoll.kernel.event.ServiceDecommissioned;
import se.molnkoll.kernel.event.ServiceModelCorrected;
import se.molnkoll.kernel.event.ServiceMovedToUnit;
import se.molnkoll.kernel.event.ServiceRenamed;
import se.molnkoll.kernel.event.VendorChanged;
import se.molnkoll.kernel.query.AuditEntry;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.EvidenceView;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindServiceChanges;
import se.molnkoll.kernel.query.MeasureStatusView;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.ServiceChanges;
import se.molnkoll.kernel.query.ServiceChanges.Cause;
import se.molnkoll.kernel.query.ServiceChanges.EvidenceChange;
import se.molnkoll.kernel.query.ServiceChanges.EvidenceChangeKind;
import se.molnkoll.kernel.query.ServiceChanges.FieldChange;
import se.molnkoll.kernel.query.ServiceChanges.MeasureChange;
import se.molnkoll.kernel.query.ServiceChanges.MeasureChangeKind;
import se.molnkoll.query.service.CloudServiceQueries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares a service at two moments of recorded time. The two states come from the temporal read
 * models (the same views as {@code asOf}); what changed in between is attributed to the last event
 * recorded in between that could have changed it, read from the audit trail.
 */
@Component
public class ServiceChangesQueries {

    private static final Map<String, Class<? extends CloudServiceEvent>> EVENT_TYPES = Arrays
            .stream(CloudServiceEvent.class.getPermittedSubclasses())
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, type -> type.asSubclass(CloudServiceEvent.class)));

    private final CloudServiceQueries services;
    private final AuditRecords records;
    private final MeasureCatalogue catalogue;
    private final ObjectMapper json;
    private final TransactionTemplate readOnly;

    public ServiceChangesQueries(CloudServiceQueries services, AuditRecords records, MeasureCatalogue catalogue,
                                 ObjectMapper json, PlatformTransactionManager transactions) {
        this.services = services;
        this.records = records;
        this.catalogue = catalogue;
        this.json = json;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @QueryHandler
    public Optional<ServiceChanges> handle(FindServiceChanges query) {
        return readOnly.execute(tx -> {
            Optional<CloudServiceView> after = services.handle(new FindCloudService(query.cloudServiceId(),
                    Moment.knownAt(query.to())));
            if (after.isEmpty()) return Optional.empty();
            Optional<CloudServiceView> before = services.handle(new FindCloudService(query.cloudServiceId(),
                    Moment.knownAt(query.from())));
            List<AuditEntry> events = records.ofServiceBetween(query.cloudServiceId().value(), query.from(), query.to())
                    .stream().map(AuditRecord::toView).toList();
            return Optional.of(new Comparison(before.orElse(null), after.get(), events).result(query));
        });
    }

    /** The two states and the events between them. */
    private final class Comparison {

        private final CloudServiceView before;
        private final CloudServiceView after;
        private final List<AuditEntry> entries;
        private final List<CloudServiceEvent> events;

        Comparison(CloudServiceView before, CloudServiceView after, List<AuditEntry> entries) {
            this.before = before;
            this.after = after;
            this.entries = entries;
            this.events = entries.stream().map(ServiceChangesQueries.this::event).toList();
        }

        ServiceChanges result(FindServiceChanges query) {
            return new ServiceChanges(query.cloudServiceId(), query.from(), query.to(),
                    before == null ? null : before.statusDate(), after.statusDate(), before != null,
                    fieldChanges(), measureChanges(), evidenceChanges(), entries);
        }

        private List<FieldChange> fieldChanges() {
            Map<String, Function<CloudServiceView, Object>> facts = new LinkedHashMap<>();
            facts.put("name", CloudServiceView::name);
            facts.put("vendor", CloudServiceView::vendor);
            facts.put("serviceModel", CloudServiceView::serviceModel);
            facts.put("organisationUnit", CloudServiceView::organisationUnit);
            facts.put("owner", CloudServiceView::owner);
            facts.put("phase", CloudServiceView::phase);
            facts.put("decommissioned", CloudServiceView::decommissioned);
            facts.put("archivedBecause", CloudServiceView::archivedBecause);
            Map<String, Function<Classification, Object>> classification = new LinkedHashMap<>();
            classification.put("confidentiality", Classification::confidentiality);
            classification.put("integrity", Classification::integrity);
            classification.put("availability", Classification::availability);
            classification.put("secrecy", Classification::secrecy);
            classification.put("personalData", Classification::personalData);
            classification.put("allowedLocations", Classification::allowedLocations);
            classification.put("ownershipRequirement", Classification::ownershipRequirement);
            classification.put("decisionReference", Classification::decisionReference);

            List<FieldChange> changes = new ArrayList<>();
            facts.forEach((field, value) -> {
                Object was = before == null ? null : value.apply(before);
                Object is = value.apply(after);
                if (!Objects.equals(was, is)) {
                    changes.add(new FieldChange(field, was, is, lastEvent(e -> changesFact(e, field))));
                }
            });
            classification.forEach((field, value) -> {
                Object was = before == null || before.classification() == null ? null : value.apply(before.classification());
                Object is = after.classification() == null ? null : value.apply(after.classification());
                if (!Objects.equals(was, is)) {
                    changes.add(new FieldChange("classification." + field, was, is, classificationCause(value)));
                }
            });
            return changes;
        }

        private static boolean changesFact(CloudServiceEvent event, String field) {
            return switch (field) {
                case "phase" -> event instanceof CloudServiceRegistered || event instanceof OperationStarted
                        || event instanceof ContractTerminated;
                case "decommissioned" -> event instanceof ServiceDecommissioned;
                case "archivedBecause" -> event instanceof ServiceArchived;
                case "name" -> event instanceof CloudServiceRegistered || event instanceof ServiceRenamed;
                case "vendor" -> event instanceof CloudServiceRegistered || event instanceof VendorChanged;
                case "serviceModel" -> event instanceof CloudServiceRegistered || event instanceof ServiceModelCorrected;
                case "organisationUnit" -> event instanceof CloudServiceRegistered || event instanceof ServiceMovedToUnit;
                case "owner" -> event instanceof CloudServiceRegistered || event instanceof OwnerChanged;
                default -> event instanceof CloudServiceRegistered;
            };
        }

        /** The last classification in between that set the field to something other than the one before it. */
        private Cause classificationCause(Function<Classification, Object> field) {
            Object previous = before == null || before.classification() == null ? null : field.apply(before.classification());
            Cause cause = null;
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i) instanceof ClassificationSet set) {
                    Object value = field.apply(set.classification());
                    if (!Objects.equals(previous, value)) cause = Cause.of(entries.get(i));
                    previous = value;
                }
            }
            return cause;
        }

        private List<MeasureChange> measureChanges() {
            Map<MeasurePhase, MeasureStatus> was = statuses(before);
            Map<MeasurePhase, MeasureStatus> is = statuses(after);
            Set<MeasurePhase> pairs = new TreeSet<>(was.keySet());
            pairs.addAll(is.keySet());
            Map<MeasurePhase, List<Touch>> touches = measureTouches();
            List<MeasureChange> changes = new ArrayList<>();
            for (MeasurePhase pair : pairs) {
                MeasureStatus from = was.get(pair);
                MeasureStatus to = is.get(pair);
                if (from == to) continue;
                boolean openBefore = from != null && from.isOpen();
                boolean openAfter = to != null && to.isOpen();
                MeasureChangeKind kind = openAfter && !openBefore ? MeasureChangeKind.OPENED
                        : openBefore && !openAfter ? MeasureChangeKind.CLOSED : MeasureChangeKind.CHANGED;
                changes.add(new MeasureChange(pair.measureId(), pair.phase(), from, to, kind,
                        cause(touches.getOrDefault(pair, List.of()), from, to)));
            }
            return changes;
        }

        private static Map<MeasurePhase, MeasureStatus> statuses(CloudServiceView view) {
            if (view == null) return Map.of();
            return view.measures().stream().collect(Collectors.toMap(
                    m -> new MeasurePhase(m.measureId(), m.phase()), MeasureStatusView::status));
        }

        /**
         * The cause of a status change: the last event in between that touched the measure and could
         * bring about the new status (evidence for COVERED, an acceptance for RISK_ACCEPTED, a
         * classification for a measure that began or stopped applying, ...); failing that, the last
         * event that touched it at all; none if nothing did (the calendar made the change).
         */
        private static Cause cause(List<Touch> touches, MeasureStatus before, MeasureStatus after) {
            java.util.function.Predicate<CloudServiceEvent> couldMakeIt;
            java.util.function.Predicate<CloudServiceEvent> applicability =
                    e -> e instanceof ClassificationSet || e instanceof CloudServiceRegistered;
            if (after == null) {
                couldMakeIt = applicability;
            } else if (after == MeasureStatus.COVERED) {
                couldMakeIt = e -> e instanceof EvidenceReceived || e instanceof ReviewRecorded;
            } else if (after == MeasureStatus.RISK_ACCEPTED) {
                couldMakeIt = e -> e instanceof ResidualRiskAccepted || e instanceof RiskAcceptanceApproved
                        || e instanceof ReviewRecorded;
            } else if (after == MeasureStatus.REVIEW_DUE) {
                couldMakeIt = e -> e instanceof ReviewFellDue;
            } else if (after == MeasureStatus.EXPIRED) {
                couldMakeIt = e -> e instanceof EvidenceExpired || e instanceof EvidenceWithdrawn;
            } else if (before == null) {
                couldMakeIt = applicability;
            } else {
                couldMakeIt = e -> e instanceof EvidenceWithdrawn || e instanceof ProviderChangeRecorded
                        || e instanceof RiskAnalysisReopened || e instanceof EvidenceExpired || e instanceof RiskAcceptanceRevoked
                        || e instanceof RiskAcceptanceEnded;
            }
            Cause any = null;
            Cause fitting = null;
            for (Touch touch : touches) {
                any = touch.cause();
                if (couldMakeIt.test(touch.event())) fitting = touch.cause();
            }
            return fitting != null ? fitting : any;
        }

        /** For each (measure, phase), the events in between that touched it, in order. */
        private Map<MeasurePhase, List<Touch>> measureTouches() {
            Map<EvidenceId, List<MeasurePhase>> covers = new HashMap<>();
            after.evidence().forEach(e -> covers.put(e.id(), e.covers()));
            Set<MeasurePhase> applicable = new HashSet<>(before == null ? Set.of() : catalogue.applicablePairs(
                    before.classification() == null ? Classification.UNCLASSIFIED : before.classification()));
            Map<MeasurePhase, List<Touch>> touches = new HashMap<>();
            for (int i = 0; i < events.size(); i++) {
                Touch touch = new Touch(events.get(i), Cause.of(entries.get(i)));
                Set<MeasurePhase> touched = new HashSet<>();
                CloudServiceEvent event = events.get(i);
                if (event instanceof CloudServiceRegistered || event instanceof ClassificationSet) {
                    Set<MeasurePhase> now = catalogue.applicablePairs(event instanceof ClassificationSet set
                            ? set.classification() : Classification.UNCLASSIFIED);
                    touched.addAll(symmetricDifference(applicable, now));
                    applicable = new HashSet<>(now);
                } else if (event instanceof EvidenceReceived e) {
                    touched.addAll(e.covers());
                } else if (event instanceof EvidenceWithdrawn e) {
                    touched.addAll(covers.getOrDefault(e.evidenceId(), List.of()));
                } else if (event instanceof EvidenceExpired e) {
                    touched.addAll(e.covered());
                } else if (event instanceof ResidualRiskAccepted e) {
                    touched.add(new MeasurePhase(e.measureId(), e.phase()));
                } else if (event instanceof RiskAcceptanceRevoked e) {
                    touched.add(new MeasurePhase(e.measureId(), e.phase()));
                } else if (event instanceof RiskAcceptanceApproved e) {
                    touched.add(new MeasurePhase(e.measureId(), e.phase()));
                } else if (event instanceof RiskAcceptanceEnded e) {
                    touched.add(new MeasurePhase(e.measureId(), e.phase()));
                } else if (event instanceof ReviewFellDue e) {
                    touched.add(new MeasurePhase(e.measureId(), e.phase()));
                } else if (event instanceof ReviewRecorded e) {
                    touched.add(new MeasurePhase(e.measureId(), e.phase()));
                } else if (event instanceof ProviderChangeRecorded e) {
                    touched.addAll(e.reopened());
                } else if (event instanceof RiskAnalysisReopened e) {
                    touched.addAll(e.reopened());
                }
                touched.forEach(pair -> touches.computeIfAbsent(pair, p -> new ArrayList<>()).add(touch));
            }
            return touches;
        }

        private List<EvidenceChange> evidenceChanges() {
            Map<EvidenceId, String> titles = after.evidence().stream()
                    .collect(Collectors.toMap(EvidenceView::id, EvidenceView::title));
            List<EvidenceChange> changes = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                Cause cause = Cause.of(entries.get(i));
                CloudServiceEvent event = events.get(i);
                if (event instanceof EvidenceReceived e) {
                    changes.add(new EvidenceChange(e.evidenceId(), e.title(), EvidenceChangeKind.ADDED, cause));
                } else if (event instanceof EvidenceWithdrawn e) {
                    changes.add(new EvidenceChange(e.evidenceId(), titles.get(e.evidenceId()), EvidenceChangeKind.WITHDRAWN, cause));
                } else if (event instanceof EvidenceExpired e) {
                    changes.add(new EvidenceChange(e.evidenceId(), titles.get(e.evidenceId()), EvidenceChangeKind.EXPIRED, cause));
                } else if (event instanceof DocumentAttached e) {
                    changes.add(new EvidenceChange(e.evidenceId(), titles.get(e.evidenceId()),
                            EvidenceChangeKind.DOCUMENT_ATTACHED, cause));
                }
            }
            return changes;
        }

        private Cause lastEvent(java.util.function.Predicate<CloudServiceEvent> changes) {
            Cause cause = null;
            for (int i = 0; i < events.size(); i++) {
                if (changes.test(events.get(i))) cause = Cause.of(entries.get(i));
            }
            return cause;
        }
    }

    /** An event that touched a (measure, phase), and what it was. */
    private record Touch(CloudServiceEvent event, Cause cause) {
    }

    private static Set<MeasurePhase> symmetricDifference(Set<MeasurePhase> a, Set<MeasurePhase> b) {
        Set<MeasurePhase> difference = new HashSet<>(a);
        difference.addAll(b);
        Set<MeasurePhase> both = new HashSet<>(a);
        both.retainAll(b);
        difference.removeAll(both);
        return difference;
    }

    private CloudServiceEvent event(AuditEntry entry) {
        Class<? extends CloudServiceEvent> type = EVENT_TYPES.get(entry.type());
        if (type == null) throw new IllegalStateException("Unknown event type in the audit trail: " + entry.type());
        try {
            // Lenient like Axon's own reading of stored events: the trail may hold an older event's shape.
            return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(entry.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit trail entry " + entry.eventId() + " cannot be read back", e);
        }
    }
}
