package se.molnkoll.kernel.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.MeasureId;
import se.molnkoll.kernel.MeasurePhase;
import se.molnkoll.kernel.Phase;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The routine's 42 security measures (table 4.5 of "Informationssäkerhet för extern molntjänst"),
 * validated when loaded: a broken file is refused with a message that says what is wrong.
 */
public final class MeasureCatalogue {

    /** The data file on the classpath that transcribes the routine. */
    public static final String DEFAULT_RESOURCE = "/se/molnkoll/kernel/catalogue/measures.json";
    /** How many measures version 3.0 of the routine lists. */
    public static final int EXPECTED_MEASURES = 42;

    private final CatalogueIdentity identity;
    private final Map<MeasureId, Measure> measures;

    private MeasureCatalogue(CatalogueIdentity identity, List<Measure> measures) {
        this.identity = identity;
        this.measures = measures.stream().collect(Collectors.toUnmodifiableMap(Measure::id, m -> m));
    }

    /** Loads and validates the catalogue shipped with Molnkoll. */
    public static MeasureCatalogue loadDefault() {
        try (InputStream in = MeasureCatalogue.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new CatalogueException("Measure catalogue not found on the classpath at " + DEFAULT_RESOURCE);
            }
            return load(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new CatalogueException("Measure catalogue " + DEFAULT_RESOURCE + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads and validates a catalogue file.
     *
     * @param source names the file in error messages
     * @throws CatalogueException naming the source and every rule the file breaks
     */
    public static MeasureCatalogue load(InputStream in, String source) {
        CatalogueFile file;
        try {
            file = MAPPER.readValue(in, CatalogueFile.class);
        } catch (JsonProcessingException e) {
            throw new CatalogueException("Measure catalogue " + source + " is not valid: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr(), e);
        } catch (IOException e) {
            throw new CatalogueException("Measure catalogue " + source + " could not be read: " + e.getMessage(), e);
        }
        List<String> problems = problemsOf(file);
        if (!problems.isEmpty()) {
            throw new CatalogueException("Measure catalogue " + source + " is broken: " + String.join("; ", problems));
        }
        CatalogueIdentity identity = new CatalogueIdentity(file.routine(), file.organisation(), file.documentId(),
                file.version(), file.validFrom(), file.validUntil());
        List<Measure> measures = file.measures().stream()
                .map(m -> new Measure(new MeasureId(m.id()), m.confidentiality(), m.integrity(), m.availability(),
                        Boolean.TRUE.equals(m.secrecy()), Boolean.TRUE.equals(m.personalData()), m.phases(),
                        m.text(), m.references()))
                .toList();
        return new MeasureCatalogue(identity, measures);
    }

    public CatalogueIdentity identity() {
        return identity;
    }

    /** All measures in id order. */
    public List<Measure> measures() {
        return measures.values().stream().sorted(Comparator.comparing(Measure::id)).toList();
    }

    public Optional<Measure> measure(MeasureId id) {
        return Optional.ofNullable(measures.get(id));
    }

    public boolean contains(MeasureId id) {
        return measures.containsKey(id);
    }

    /** The measures a classification makes mandatory, in id order. */
    public List<Measure> applicableTo(Classification classification) {
        return measures().stream().filter(m -> m.appliesTo(classification)).toList();
    }

    /** Every (measure, phase) a classification makes mandatory, ordered by measure then phase. */
    public SortedSet<MeasurePhase> applicablePairs(Classification classification) {
        SortedSet<MeasurePhase> pairs = new TreeSet<>();
        applicableTo(classification).forEach(m -> pairs.addAll(m.measurePhases()));
        return pairs;
    }

    /** The (measure, phase) pairs of one phase that a classification makes mandatory. */
    public List<MeasurePhase> applicablePairs(Classification classification, Phase phase) {
        return applicablePairs(classification).stream().filter(p -> p.phase() == phase).toList();
    }

    /** Ids that are not in the catalogue, in the order given. */
    public List<MeasureId> unknown(Collection<MeasureId> ids) {
        return ids.stream().filter(id -> !contains(id)).distinct().toList();
    }

    private static List<String> problemsOf(CatalogueFile file) {
        List<String> problems = new ArrayList<>();
        if (file == null) {
            return List.of("the file is empty");
        }
        if (isBlank(file.routine())) problems.add("routine title is missing");
        if (isBlank(file.version())) problems.add("routine version is missing");
        if (file.validFrom() == null || file.validUntil() == null) {
            problems.add("routine validity (validFrom, validUntil) is missing");
        } else if (file.validUntil().isBefore(file.validFrom())) {
            problems.add("routine validUntil " + file.validUntil() + " is before validFrom " + file.validFrom());
        }
        List<MeasureEntry> entries = file.measures() == null ? List.of() : file.measures();
        if (entries.size() != EXPECTED_MEASURES) {
            problems.add("expected " + EXPECTED_MEASURES + " measures but found " + entries.size());
        }
        Set<Integer> seen = new TreeSet<>();
        Set<Integer> expectedIds = new TreeSet<>();
        for (int id = 1; id <= EXPECTED_MEASURES; id++) expectedIds.add(id);
        for (int i = 0; i < entries.size(); i++) {
            MeasureEntry m = entries.get(i);
            String where = m.id() == null ? "measure at position " + (i + 1) : "measure " + m.id();
            if (m.id() == null || m.id() < 1) {
                problems.add(where + " has no valid id");
                continue;
            }
            if (!seen.add(m.id())) problems.add("measure id " + m.id() + " appears more than once");
            if (!expectedIds.contains(m.id())) {
                problems.add(where + " is outside 1–" + EXPECTED_MEASURES + ", the routine's numbering");
            }
            if (m.phases() == null || m.phases().isEmpty()) problems.add(where + " has no phase");
            else if (m.phases().contains(null)) problems.add(where + " has an unknown phase");
            checkClass(problems, where, "confidentiality", m.confidentiality());
            checkClass(problems, where, "integrity", m.integrity());
            checkClass(problems, where, "availability", m.availability());
            boolean anyCriterion = m.confidentiality() != null || m.integrity() != null || m.availability() != null
                    || Boolean.TRUE.equals(m.secrecy()) || Boolean.TRUE.equals(m.personalData());
            if (!anyCriterion) problems.add(where + " has no criterion (K, R, T, S or P)");
            if (isBlank(m.text())) problems.add(where + " has no text");
        }
        return problems;
    }

    private static void checkClass(List<String> problems, String where, String name, Integer value) {
        if (value != null && !Classification.isValidClass(value)) {
            problems.add(where + " has " + name + " class " + value + ", outside "
                    + Classification.LOWEST_CLASS + "–" + Classification.HIGHEST_CLASS);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** The file's shape; kept apart from {@link Measure} so that validation sees what the file says. */
    private record CatalogueFile(String routine, String organisation, String documentId, String version,
                                 LocalDate validFrom, LocalDate validUntil, List<MeasureEntry> measures) {
    }

    private record MeasureEntry(Integer id, Integer confidentiality, Integer integrity, Integer availability,
                                Boolean secrecy, Boolean personalData, Set<Phase> phases, String text,
                                List<String> references) {
    }
}
