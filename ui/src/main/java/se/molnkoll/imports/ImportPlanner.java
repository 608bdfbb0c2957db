package se.molnkoll.imports;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.context.MessageSource;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import se.molnkoll.imports.ImportColumn.Sheet;
import se.molnkoll.imports.ImportPlan.Action;
import se.molnkoll.imports.ImportPlan.RowProblem;
import se.molnkoll.imports.ImportPlan.RowPlan;
import se.molnkoll.input.CommandInput;
import se.molnkoll.input.FormFields;
import se.molnkoll.input.Lengths;
import se.molnkoll.input.RefusalWords;
import se.molnkoll.kernel.Classification;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.EvidenceId;
import se.molnkoll.kernel.EvidenceKind;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.ServiceModel;
import se.molnkoll.kernel.catalogue.MeasureCatalogue;
import se.molnkoll.kernel.command.EvidenceRules;
import se.molnkoll.kernel.command.RecordEvidence;
import se.molnkoll.kernel.command.Violation;
import se.molnkoll.kernel.query.CloudServiceSummary;
import se.molnkoll.kernel.query.CloudServiceView;
import se.molnkoll.kernel.query.FindCloudService;
import se.molnkoll.kernel.query.FindCloudServices;
import se.molnkoll.kernel.query.Moment;
import se.molnkoll.kernel.query.EvidenceView;
import se.molnkoll.security.UnitScope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Plans an import: reads the file, binds each row to the very fields the forms bind (so a value is
 * refused in the forms' words), asks the rules the aggregate will ask (evidence against the service's
 * classification, the user's units), and compares each row with the service as recorded: new, to be
 * corrected, to be classified, or unchanged. Writes nothing.
 *
 * <p>A row's service is found by its key: the service's id is derived from the key (a name-based UUID),
 * so the same row names the same service in every import, and a second registration of it is refused
 * by the event store itself, whatever a read model has yet seen.
 */
@Component
public class ImportPlanner {

    private static final String NAMESPACE = "molnkoll-import:";

    private final QueryGateway queries;
    private final SpringValidatorAdapter validator;
    private final MessageSource messages;
    private final RefusalWords refusals;
    private final MeasureCatalogue catalogue;
    private final ImportProperties properties;
    private final DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();

    public ImportPlanner(QueryGateway queries, jakarta.validation.Validator validator, MessageSource messages,
                         RefusalWords refusals, MeasureCatalogue catalogue, ImportProperties properties) {
        this.queries = queries;
        this.validator = new SpringValidatorAdapter(validator);
        this.messages = messages;
        this.refusals = refusals;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    /** A file as uploaded. */
    public record Upload(String fileName, byte[] content) {

        /** The part as uploaded; none for a part not sent or empty. */
        public static @Nullable Upload of(org.springframework.web.multipart.@Nullable MultipartFile part) throws java.io.IOException {
            if (part == null || part.isEmpty()) return null;
            String name = part.getOriginalFilename();
            return new Upload(name == null || name.isBlank() ? "import" : name.strip(), part.getBytes());
        }

        public String sha256() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The id of the service a key of the region's register names. */
    public static CloudServiceId serviceIdOf(String key) {
        return new CloudServiceId(UUID.nameUUIDFromBytes((NAMESPACE + key).getBytes(StandardCharsets.UTF_8)).toString());
    }

    static EvidenceId evidenceIdOf(String serviceKey, String evidenceKey) {
        return new EvidenceId(UUID.nameUUIDFromBytes((NAMESPACE + serviceKey + "\u0000" + evidenceKey)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    /**
     * @param services the services (an XLSX workbook may hold the evidence too, on its sheet Underlag)
     * @param evidence evidence in a file of its own (a CSV file), or null
     * @throws ImportRefusedException when a file as a whole cannot be imported
     */
    public ImportPlan plan(Upload services, @Nullable Upload evidence, Authentication who, Locale locale) {
        SpreadsheetReader.Sheets sheets = SpreadsheetReader.readServices(services.content(), properties.maxRows());
        Table evidenceTable = evidence != null ? SpreadsheetReader.readEvidence(evidence.content(), properties.maxRows())
                : sheets.evidence();
        String evidenceSha = evidence != null ? evidence.sha256() : services.sha256();
        List<String> ignored = new ArrayList<>();
        Map<ImportColumn, Integer> serviceColumns = columns(sheets.services(), Sheet.SERVICES, ignored);
        Map<ImportColumn, Integer> evidenceColumns = evidenceTable == null ? Map.of()
                : columns(evidenceTable, Sheet.EVIDENCE, ignored);
        if (evidenceTable != null && sheets.services().rows().size() + evidenceTable.rows().size() > properties.maxRows()) {
            throw new ImportRefusedException(ImportRefusedException.Refusal.TOO_MANY_ROWS, "More than " + properties.maxRows()
                    + " rows in all (molnkoll.imports.max-rows); split the file", "Tjänster + Underlag", properties.maxRows());
        }

        Set<String> existing = queries.query(new FindCloudServices(Moment.NOW),
                        ResponseTypes.multipleInstancesOf(CloudServiceSummary.class)).join().stream()
                .map(s -> s.id().value()).collect(Collectors.toSet());
        Context context = new Context(who, locale, existing, services.sha256(), services.fileName());
        List<RowPlan> rows = new ArrayList<>();
        for (Table.Row row : sheets.services().rows()) {
            rows.add(planService(row, serviceColumns, context));
        }
        if (evidenceTable != null) {
            for (Table.Row row : evidenceTable.rows()) {
                rows.add(planEvidence(row, evidenceColumns, context, evidenceSha));
            }
        }
        return new ImportPlan(services.fileName(), services.sha256(), evidence == null ? null : evidence.fileName(),
                evidence == null ? null : evidenceSha, List.copyOf(ignored), List.copyOf(rows));
    }

    /** What planning the rows needs besides each row: who imports, in which language, what is recorded already. */
    private final class Context {
        final Authentication who;
        final Locale locale;
        final Set<String> existing;
        final String sha256;
        final String fileName;
        /** The services' rows by key, to refuse a second row with a key, and to plan evidence rows against. */
        final Map<String, RowPlan> servicesByKey = new HashMap<>();
        final Map<String, Classification> classificationAfter = new HashMap<>();
        final Map<String, Integer> evidenceRows = new HashMap<>();
        final Map<String, Optional<CloudServiceView>> views = new HashMap<>();

        Context(Authentication who, Locale locale, Set<String> existing, String sha256, String fileName) {
            this.who = who;
            this.locale = locale;
            this.existing = existing;
            this.sha256 = sha256;
            this.fileName = fileName;
        }

        Optional<CloudServiceView> view(CloudServiceId id) {
            if (!existing.contains(id.value())) return Optional.empty();
            return views.computeIfAbsent(id.value(), v -> queries.query(new FindCloudService(id),
                    ResponseTypes.optionalInstanceOf(CloudServiceView.class)).join());
        }

        String text(String key, Object... arguments) {
            return messages.getMessage(key, arguments, locale);
        }
    }

    /** The columns the table has, by their place; refused if a required one is missing or one is there twice. */
    private Map<ImportColumn, Integer> columns(Table table, Sheet sheet, List<String> ignored) {
        Map<ImportColumn, Integer> found = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        for (int i = 0; i < table.headers().size(); i++) {
            String header = table.headers().get(i);
            if (header.isBlank()) continue;
            Optional<ImportColumn> column = ImportColumn.of(sheet).stream().filter(c -> c.matches(header)).findFirst();
            if (column.isEmpty()) {
                ignored.add(header);
            } else if (found.putIfAbsent(column.get(), i) != null) {
                twice.add(header);
            }
        }
        String where = table.sheetName() == null ? (sheet == Sheet.SERVICES ? "Tjänster" : "Underlag") : table.sheetName();
        if (!twice.isEmpty()) {
            throw new ImportRefusedException(ImportRefusedException.Refusal.DUPLICATE_COLUMNS, "Columns given twice in "
                    + where + ": " + String.join(", ", twice), where, String.join(", ", twice));
        }
        List<String> missing = ImportColumn.of(sheet).stream().filter(c -> c.required() && !found.containsKey(c))
                .map(ImportColumn::swedish).toList();
        if (!missing.isEmpty()) {
            throw new ImportRefusedException(ImportRefusedException.Refusal.MISSING_COLUMNS, "Columns missing in " + where
                    + ": " + String.join(", ", missing), where, String.join(", ", missing));
        }
        return found;
    }

    private RowPlan planService(Table.Row row, Map<ImportColumn, Integer> columns, Context context) {
        List<RowProblem> problems = new ArrayList<>();
        String key = value(row, columns, ImportColumn.KEY);
        checkKey(key, ImportColumn.KEY, problems, context);
        RowPlan earlier = key.isBlank() ? null : context.servicesByKey.get(key);
        if (earlier != null) {
            problems.add(new RowProblem(ImportColumn.KEY.header(context.locale), context.text("import.problem.keyTwice", key, earlier.row())));
        }

        FormFields.Register details = new FormFields.Register();
        bind(details, row, columns, Sheet.SERVICES, context, problems, ImportColumn.NAME, ImportColumn.VENDOR,
                ImportColumn.SERVICE_MODEL, ImportColumn.ORGANISATION_UNIT, ImportColumn.OWNER);
        boolean classified = ImportColumn.CLASSIFICATION.stream().anyMatch(c -> !value(row, columns, c).isBlank());
        FormFields.Classify classify = new FormFields.Classify();
        if (classified) {
            bind(classify, row, columns, Sheet.SERVICES, context, problems, ImportColumn.CLASSIFICATION.toArray(ImportColumn[]::new));
        }
        CloudServiceId id = key.isBlank() ? null : serviceIdOf(key);
        Optional<CloudServiceView> view = id == null ? Optional.empty() : context.view(id);
        List<Action> actions = new ArrayList<>();
        List<String> corrected = new ArrayList<>();
        List<Object> commands = new ArrayList<>();
        Object ifRegistered = null;
        String summary = null;
        if (problems.isEmpty()) {
            Classification classification = classified ? classify.classification() : null;
            classification = checkClassification(classification, context, problems);
            String reason = context.text("import.reason", context.fileName, row.number());
            Object correction = CommandInput.correct(id, details.getName(), details.getVendor(), details.getServiceModel(),
                    details.getOrganisationUnit(), details.getOwner(), reason);
            if (view.isEmpty()) {
                checkUnit(details.getOrganisationUnit(), context, problems);
                actions.add(Action.REGISTER);
                commands.add(CommandInput.register(id, details.getName(), details.getVendor(), details.getServiceModel(),
                        details.getOrganisationUnit(), details.getOwner(), key));
                ifRegistered = correction;
                summary = context.text("import.will.register", details.getName().strip());
            } else {
                CloudServiceView current = view.get();
                checkOpen(current, context, problems);
                checkUnit(current.organisationUnit(), context, problems);
                differs(corrected, "name", current.name(), details.getName());
                differs(corrected, "vendor", current.vendor(), details.getVendor());
                differs(corrected, "serviceModel", current.serviceModel(), details.getServiceModel());
                differs(corrected, "organisationUnit", current.organisationUnit(), details.getOrganisationUnit());
                differs(corrected, "owner", current.owner(), details.getOwner());
                if (corrected.contains("organisationUnit")) checkUnit(details.getOrganisationUnit(), context, problems);
                if (!corrected.isEmpty()) {
                    actions.add(Action.CORRECT);
                    commands.add(correction);
                    summary = context.text("import.will.correct", corrected.stream()
                            .map(f -> context.text("import.field." + f)).collect(Collectors.joining(", ")));
                }
            }
            if (classification != null && (view.isEmpty() || !classification.equals(view.get().classification()))) {
                actions.add(Action.CLASSIFY);
                commands.add(new se.molnkoll.kernel.command.SetClassification(id, classification));
            }
            if (classification != null) context.classificationAfter.put(key, classification);
            else view.map(CloudServiceView::classification).ifPresent(c -> context.classificationAfter.put(key, c));
            if (commands.isEmpty()) {
                actions.add(Action.UNCHANGED);
                summary = context.text("import.will.unchanged");
            } else if (actions.contains(Action.CLASSIFY)) {
                String classes = context.text("import.will.classify", classification.confidentiality(),
                        classification.integrity(), classification.availability());
                summary = summary == null ? classes : summary + "; " + classes;
            }
        }
        RowPlan plan = problems.isEmpty()
                ? new RowPlan(Sheet.SERVICES, row.number(), key, id.value(), actions, corrected, summary, List.of(),
                List.copyOf(commands), ifRegistered, context.sha256)
                : new RowPlan(Sheet.SERVICES, row.number(), key, id == null ? null : id.value(), List.of(), List.of(), null,
                List.copyOf(problems), List.of(), null, context.sha256);
        if (!key.isBlank() && earlier == null) context.servicesByKey.put(key, plan);
        return plan;
    }

    private RowPlan planEvidence(Table.Row row, Map<ImportColumn, Integer> columns, Context context, String sha256) {
        List<RowProblem> problems = new ArrayList<>();
        String serviceKey = value(row, columns, ImportColumn.SERVICE_KEY);
        String evidenceKey = value(row, columns, ImportColumn.EVIDENCE_KEY);
        checkKey(serviceKey, ImportColumn.SERVICE_KEY, problems, context);
        checkKey(evidenceKey, ImportColumn.EVIDENCE_KEY, problems, context);
        String both = serviceKey + " / " + evidenceKey;
        Integer earlier = context.evidenceRows.putIfAbsent(serviceKey + "\u0000" + evidenceKey, row.number());
        if (earlier != null && !evidenceKey.isBlank()) {
            problems.add(new RowProblem(ImportColumn.EVIDENCE_KEY.header(context.locale),
                    context.text("import.problem.keyTwice", both, earlier)));
        }
        FormFields.Evidence fields = new FormFields.Evidence();
        bind(fields, row, columns, Sheet.EVIDENCE, context, problems, ImportColumn.MEASURES, ImportColumn.PHASES,
                ImportColumn.KIND, ImportColumn.TITLE, ImportColumn.ISSUER, ImportColumn.RECEIVED_ON, ImportColumn.VALID_FROM,
                ImportColumn.VALID_UNTIL, ImportColumn.DOCUMENT_SHA256, ImportColumn.REFERENCE);
        CloudServiceId service = serviceKey.isBlank() ? null : serviceIdOf(serviceKey);
        RowPlan serviceRow = context.servicesByKey.get(serviceKey);
        Optional<CloudServiceView> view = service == null ? Optional.empty() : context.view(service);
        if (service != null && serviceRow == null && view.isEmpty()) {
            problems.add(new RowProblem(ImportColumn.SERVICE_KEY.header(context.locale),
                    context.text("import.problem.noSuchService", serviceKey)));
        } else if (serviceRow != null && !serviceRow.ok()) {
            problems.add(new RowProblem(ImportColumn.SERVICE_KEY.header(context.locale),
                    context.text("import.problem.serviceRowRefused", serviceKey, serviceRow.row())));
        } else if (serviceRow == null && view.isPresent()) {
            checkOpen(view.get(), context, problems);
            checkUnit(view.get().organisationUnit(), context, problems);
        }
        if (!problems.isEmpty()) {
            return new RowPlan(Sheet.EVIDENCE, row.number(), both, service == null ? null : service.value(), List.of(),
                    List.of(), null, List.copyOf(problems), List.of(), null, sha256);
        }
        EvidenceId evidenceId = evidenceIdOf(serviceKey, evidenceKey);
        RecordEvidence command = CommandInput.recordEvidence(service, evidenceId, fields.getMeasureIds(), fields.getPhases(),
                fields.getKind(), fields.getTitle(), fields.getIssuer(), fields.getReceivedOn(), fields.getValidFrom(),
                fields.getValidUntil(), fields.getDocumentSha256(), fields.getReference());
        boolean recorded = view.map(v -> v.evidence().stream().map(EvidenceView::id).anyMatch(evidenceId::equals)).orElse(false);
        if (recorded) {
            return new RowPlan(Sheet.EVIDENCE, row.number(), both, service.value(), List.of(Action.UNCHANGED), List.of(),
                    context.text("import.will.unchangedEvidence"), List.of(), List.of(), null, sha256);
        }
        EvidenceRules.Decision decision = EvidenceRules.decide(command, context.classificationAfter.get(serviceKey), false, catalogue);
        for (Violation violation : decision.violations()) {
            problems.add(new RowProblem(columnOf(violation.rule(), context.locale), refusals.words(violation, context.locale)));
        }
        if (!problems.isEmpty()) {
            return new RowPlan(Sheet.EVIDENCE, row.number(), both, service.value(), List.of(), List.of(), null,
                    List.copyOf(problems), List.of(), null, sha256);
        }
        return new RowPlan(Sheet.EVIDENCE, row.number(), both, service.value(), List.of(Action.RECORD_EVIDENCE), List.of(),
                context.text("import.will.record", fields.getTitle().strip()), List.of(), List.of(command), null, sha256);
    }

    /** The column a rule of the evidence is about, to show the problem beside it. */
    private static @Nullable String columnOf(String rule, Locale locale) {
        ImportColumn column = switch (rule) {
            case "NO_MEASURES", "MEASURE_UNKNOWN", "MEASURE_NOT_APPLICABLE" -> ImportColumn.MEASURES;
            case "NO_PHASES", "MEASURE_NOT_IN_PHASES" -> ImportColumn.PHASES;
            case "VALIDITY_REVERSED", "LAPSED_BEFORE_RECEIVED" -> ImportColumn.VALID_UNTIL;
            case "NOT_CLASSIFIED" -> ImportColumn.SERVICE_KEY;
            default -> null;
        };
        return column == null ? null : column.header(locale);
    }

    private void checkKey(String key, ImportColumn column, List<RowProblem> problems, Context context) {
        if (key.isBlank()) {
            problems.add(new RowProblem(column.header(context.locale), context.text("NotBlank")));
        } else if (key.length() > Lengths.NAME) {
            problems.add(new RowProblem(column.header(context.locale), context.text("Size", null, Lengths.NAME)));
        }
    }

    /** A service archived or decommissioned takes no more commands: the row is refused in the aggregate's words. */
    private void checkOpen(CloudServiceView service, Context context, List<RowProblem> problems) {
        if (service.archivedBecause() != null || service.decommissioned()) {
            problems.add(new RowProblem(null, refusals.words(Violation.of(service.archivedBecause() != null
                    ? "SERVICE_ARCHIVED" : "SERVICE_DECOMMISSIONED", ""), context.locale)));
        }
    }

    /** A unit the importing user may not change (the same rule as the unit guard's) is refused beside its column. */
    private void checkUnit(String unit, Context context, List<RowProblem> problems) {
        String given = unit == null ? null : unit.strip();
        if (!UnitScope.allows(context.who, given)) {
            problems.add(new RowProblem(ImportColumn.ORGANISATION_UNIT.header(context.locale), context.text("import.problem.unit",
                    unit, String.join(", ", UnitScope.of(context.who).orElseThrow()))));
        }
    }

    /** The classification as the aggregate will judge it; its problems (outside the scale, unknown places) noted. */
    private @Nullable Classification checkClassification(@Nullable Classification classification, Context context,
                                                         List<RowProblem> problems) {
        if (classification == null) return null;
        if (!classification.problems().isEmpty()) {
            problems.add(new RowProblem(ImportColumn.ALLOWED_LOCATIONS.header(context.locale),
                    refusals.words(Violation.of("INVALID_CLASSIFICATION", ""), context.locale)));
            return null;
        }
        return classification;
    }

    private static void differs(List<String> corrected, String field, Object recorded, Object given) {
        Object wanted = given instanceof String s ? s.strip() : given;
        if (!Objects.equals(recorded, wanted)) corrected.add(field);
    }

    private static String value(Table.Row row, Map<ImportColumn, Integer> columns, ImportColumn column) {
        Integer index = columns.get(column);
        return index == null ? "" : row.cell(index).strip();
    }

    /**
     * Binds the row's cells to the form's fields as the form's binding would (Spring's conversion and
     * Bean Validation), after reading the words a spreadsheet uses (ja/nej, SaaS, ANS/FÖR/LÄMNA, a
     * kind's name in Swedish); each error becomes a problem in the forms' words, beside its column.
     */
    private void bind(Object target, Table.Row row, Map<ImportColumn, Integer> columns, Sheet sheet, Context context,
                      List<RowProblem> problems, ImportColumn... wanted) {
        MutablePropertyValues values = new MutablePropertyValues();
        for (ImportColumn column : wanted) {
            if (!columns.containsKey(column)) continue;
            String value = value(row, columns, column);
            values.add(column.field(), normalised(column, value));
        }
        DataBinder binder = new DataBinder(target, "form");
        binder.setConversionService(conversions);
        binder.setValidator(validator);
        binder.bind(values);
        binder.validate();
        BindingResult result = binder.getBindingResult();
        for (ObjectError error : result.getAllErrors()) {
            ImportColumn column = error instanceof FieldError field ? ImportColumn.forField(sheet, field.getField())
                    : ImportColumn.VALID_UNTIL; // the form's one rule across fields: the period in order
            if (column != null && Arrays.asList(wanted).contains(column) || !(error instanceof FieldError)) {
                problems.add(new RowProblem(column == null ? null : column.header(context.locale),
                        messages.getMessage(error, context.locale)));
            }
        }
    }

    /** A cell as the form would have posted it. */
    private static Object normalised(ImportColumn column, String value) {
        if (value.isBlank()) {
            return switch (column) {
                case SECRECY, PERSONAL_DATA -> "false";
                case MEASURES, PHASES -> new String[0];
                default -> "";
            };
        }
        return switch (column) {
            case SERVICE_MODEL -> Arrays.stream(ServiceModel.values()).filter(m -> m.name().equalsIgnoreCase(value))
                    .map(Enum::name).findFirst().orElse(value);
            case SECRECY, PERSONAL_DATA -> switch (value.toLowerCase(Locale.ROOT)) {
                case "ja", "j", "yes", "y", "x", "true", "sant", "1" -> "true";
                case "nej", "n", "no", "false", "falskt", "0" -> "false";
                default -> value;
            };
            case KIND -> Arrays.stream(EvidenceKind.values())
                    .filter(k -> k.name().equalsIgnoreCase(value) || k.swedishName().equalsIgnoreCase(value)
                            || k.name().replace('_', ' ').equalsIgnoreCase(value))
                    .map(Enum::name).findFirst().orElse(value);
            case MEASURES -> value.split("[,;\\s]+");
            case PHASES -> Arrays.stream(value.split("[,;\\s]+")).filter(s -> !s.isBlank()).map(ImportPlanner::phase)
                    .toArray(String[]::new);
            default -> value;
        };
    }

    /** ANS, FÖR, LÄMNA (the routine's columns), the phases' names in Swedish or English. */
    private static String phase(String word) {
        for (Phase phase : Phase.values()) {
            if (phase.name().equalsIgnoreCase(word) || phase.routineColumn().equalsIgnoreCase(word)
                    || phase.swedishName().equalsIgnoreCase(word)) {
                return phase.name();
            }
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "anskaffa", "anskaffning" -> Phase.ACQUIRE.name();
            case "förvalta", "förvaltning", "forvalta" -> Phase.OPERATE.name();
            case "lämna", "avveckla", "avveckling", "lamna" -> Phase.EXIT.name();
            default -> word;
        };
    }
}
