package se.molnkoll.kernel.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The measures whose duty recurs, with how often each is reviewed while a service is in operation:
 * shipped as data beside the catalogue ({@value #DEFAULT_RESOURCE}), each entry with the routine's words
 * it rests on, validated against the catalogue when loaded.
 */
public final class ReviewSchedule {

    public static final String DEFAULT_RESOURCE = "/se/molnkoll/kernel/catalogue/review-schedule.json";
    /** The longest interval a review may have: five years. */
    public static final int MAX_INTERVAL_MONTHS = 60;

    private final String source;
    private final Map<MeasurePhase, Entry> entries;

    private ReviewSchedule(String source, List<Entry> entries) {
        this.source = source;
        TreeMap<MeasurePhase, Entry> byPair = new TreeMap<>();
        entries.forEach(e -> byPair.put(e.pair(), e));
        this.entries = java.util.Collections.unmodifiableMap(byPair);
    }

    /** One recurring review: the measure in the phase, every {@code intervalMonths} months, and why. */
    public record Entry(MeasurePhase pair, int intervalMonths, String basis) {
        public Period interval() {
            return Period.ofMonths(intervalMonths);
        }
    }

    public static ReviewSchedule loadDefault(MeasureCatalogue catalogue) {
        try (InputStream in = ReviewSchedule.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new CatalogueException("Review schedule not found on the classpath at " + DEFAULT_RESOURCE);
            }
            return load(in, DEFAULT_RESOURCE, catalogue);
        } catch (IOException e) {
            throw new CatalogueException("Review schedule " + DEFAULT_RESOURCE + " could not be read: " + e.getMessage(), e);
        }
    }

    /** @throws CatalogueException naming the source and every rule the file breaks */
    public static ReviewSchedule load(InputStream in, String source, MeasureCatalogue catalogue) {
        ScheduleFile file;
        try {
            file = MAPPER.readValue(in, ScheduleFile.class);
        } catch (JsonProcessingException e) {
            throw new CatalogueException("Review schedule " + source + " is not valid: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogueException("Review schedule " + source + " could not be read: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Set<MeasurePhase> seen = new HashSet<>();
        for (ReviewEntry r : file.reviews() == null ? List.<ReviewEntry>of() : file.reviews()) {
            if (r.measureId() == null || r.phase() == null || r.intervalMonths() == null) {
                problems.add("an entry lacks measureId, phase or intervalMonths");
                continue;
            }
            Optional<Measure> measure = catalogue.measure(new MeasureId(r.measureId()));
            MeasurePhase pair = MeasurePhase.of(r.measureId(), r.phase());
            if (measure.isEmpty()) {
                problems.add("measure " + r.measureId() + " is not in the catalogue");
            } else if (!measure.get().belongsTo(r.phase())) {
                problems.add("measure " + r.measureId() + " does not belong to phase " + r.phase());
            }
            if (r.intervalMonths() < 1 || r.intervalMonths() > MAX_INTERVAL_MONTHS) {
                problems.add("measure " + r.measureId() + ": intervalMonths must be 1–" + MAX_INTERVAL_MONTHS);
            }
            if (!seen.add(pair)) {
                problems.add("measure " + r.measureId() + " in phase " + r.phase() + " is listed twice");
            }
            entries.add(new Entry(pair, r.intervalMonths(), r.basis() == null ? "" : r.basis()));
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException("Review schedule " + source + " is broken: " + String.join("; ", problems));
        }
        return new ReviewSchedule(file.source(), entries);
    }

    /**
     * This schedule with the measure's interval in the phase set to {@code intervalMonths}, or the measure
     * taken out of it (null); the basis of a changed entry says it was changed.
     */
    public ReviewSchedule with(MeasurePhase pair, Integer intervalMonths, String basis) {
        List<Entry> changed = new ArrayList<>(entries.values().stream().filter(e -> !e.pair().equals(pair)).toList());
        if (intervalMonths != null) {
            changed.add(new Entry(pair, intervalMonths, basis));
        }
        return new ReviewSchedule(source, changed);
    }

    public String source() {
        return source;
    }

    /** Every recurring review, by measure then phase. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<Entry> entry(MeasurePhase pair) {
        return Optional.ofNullable(entries.get(pair));
    }

    /** The day a review of the pair done (or begun) on {@code from} is next due by; empty if it does not recur. */
    public Optional<LocalDate> nextDue(MeasurePhase pair, LocalDate from) {
        return entry(pair).map(e -> from.plus(e.interval()));
    }

    /** The pairs that recur in the phase. */
    public List<MeasurePhase> pairsOf(Phase phase) {
        return entries.keySet().stream().filter(p -> p.phase() == phase).toList();
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private record ScheduleFile(String source, List<ReviewEntry> reviews) {
    }

    private record ReviewEntry(Integer measureId, Phase phase, Integer intervalMonths, String basis) {
    }
}
