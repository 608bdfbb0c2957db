package se.molnkoll.api;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import se.molnkoll.kernel.event.CloudServiceEvent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The query parameters of the document as the controllers check them. The same names mean the same
 * thing in every operation (asOf, validAt, from, to, page, size…), so they are described once, here,
 * from the constants the checks use. What a pattern cannot say (a moment not in the future, to after
 * from) the description does.
 */
final class QueryParameters {

    /** A day of 1900–2999 (whether it exists, 2026-02-30 say, the description tells). */
    static final String DAY = "(19[0-9]{2}|2[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
    /** Blank (the same as absent), a date of 1900–2999, or an ISO-8601 instant with seconds (Z or an offset). */
    static final String MOMENT = "^(\\s*|" + QueryParameters.DAY
            + "(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2}))?)$";
    /** Blank (the same as absent) or a date of 1900–2999. */
    static final String DATE = "^(\\s*|" + QueryParameters.DAY + ")$";
    /** A name on one line: no control characters, line breaks or tabs. */
    static final String ONE_LINE = "^[^\\u0000-\\u001F\\u007F]*$";

    private QueryParameters() {
    }

    /** The parameter as the operation checks it; format alone differs between operations (the register's export has two). */
    static void shape(Parameter parameter, String operationId) {
        switch (parameter.getName()) {
            case "asOf" -> parameter.description(TimeParameters.AS_OF).schema(new StringSchema().pattern(MOMENT));
            case "validAt" -> parameter.description(TimeParameters.VALID_AT).schema(new StringSchema().pattern(DATE));
            case "from" -> parameter.schema(new StringSchema().pattern(Boolean.TRUE.equals(parameter.getRequired())
                            ? MOMENT.replace("^(\\s*|", "^(") : MOMENT)).description(parameter.getDescription() != null
                    ? parameter.getDescription() : "From this moment: " + TimeParameters.FORMAT.replace("must be ", ""));
            case "to" -> parameter.schema(new StringSchema().pattern(MOMENT)).description(parameter.getDescription() != null
                    ? parameter.getDescription() : "Up to this moment: " + TimeParameters.FORMAT.replace("must be ", ""));
            case "service" -> parameter.description("Only this cloud service").schema(new StringSchema().format("uuid"));
            case "actor" -> parameter.description("Only what this user recorded").schema(new StringSchema().pattern(ONE_LINE));
            case "type" -> parameter.description("Only events of this kind")
                    .schema(new StringSchema()._enum(new ArrayList<>(CloudServiceEvent.typeNames())));
            case "order" -> parameter.description("desc: newest first (default); asc: oldest first")
                    .schema(new StringSchema()._enum(List.of("asc", "desc"))._default("desc"));
            case "page" -> parameter.description("The page, from 0").schema(integer(0, null, 0));
            case "size" -> parameter.description("Entries per page")
                    .schema(integer(1, PageParameters.MAX_SIZE, PageParameters.DEFAULT_SIZE));
            case "lang" -> parameter.description("The report's language: sv (default) or en")
                    .schema(new StringSchema()._enum(ReportController.LANGUAGES)._default("sv"));
            case "q" -> parameter.description("Only services with this text in the name or the vendor, whatever the case")
                    .schema(new StringSchema().pattern(ONE_LINE));
            case "expired" -> parameter.description("true: only services with an expired certificate, not renewed")
                    .schema(new io.swagger.v3.oas.models.media.BooleanSchema());
            case "open" -> {
                if ("listServices".equals(operationId)) {
                    parameter.description("true: only services with measures open in the phase they are in")
                            .schema(new io.swagger.v3.oas.models.media.BooleanSchema());
                }
            }
            case "conflict" -> parameter.description("true: only services in use whose locations are in conflict")
                    .schema(new io.swagger.v3.oas.models.media.BooleanSchema());
            case "sort" -> parameter.description("The column to sort by, then by name")
                    .schema(new StringSchema()._enum(CloudServiceController.REGISTER_SORTS)._default("name"));
            case "dir" -> parameter.description("asc (default) or desc")
                    .schema(new StringSchema()._enum(List.of("asc", "desc"))._default("asc"));
            case "unit" -> parameter.description("Only this organisation unit (as the register names it)")
                    .schema(new StringSchema().pattern(ONE_LINE));
            case "format" -> {
                if ("getPortfolioReport".equals(operationId)) {
                    parameter.description("pdf (default) or xlsx")
                            .schema(new StringSchema()._enum(se.molnkoll.reports.PortfolioReport.Format.parameters())._default("pdf"));
                } else if (List.of("exportRegister", "exportServiceMeasures", "exportCertificates").contains(operationId)) {
                    parameter.description("xlsx, or csv-excel (semicolons, byte order mark)")
                            .schema(new StringSchema()._enum(se.molnkoll.exports.RegisterExport.Format.parameters()));
                } else {
                    parameter.description("csv (RFC 4180, UTF-8, a header row) or json, for the archive; xlsx or "
                                    + "csv-excel (semicolons, byte order mark) for a spreadsheet")
                            .schema(new StringSchema()._enum(se.molnkoll.exports.AuditExport.Format.parameters()));
                }
            }
            case "withinDays" -> parameter.description("Expiring means valid until within this many days "
                    + "(default molnkoll.certificates.warning-days, 60)")
                    .schema(integer(0, CertificateController.MAX_WINDOW_DAYS, null));
            case "position" -> parameter.description("A position from /api/audit/head, recorded earlier; with hash")
                    .schema(new IntegerSchema().format("int64").minimum(BigDecimal.ONE));
            case "hash" -> parameter.description("The hash at that position, recorded earlier; with position")
                    .schema(new StringSchema().pattern("^(\\s*|[0-9a-fA-F]{64})$"));
            default -> {
                // an enum parameter (phase, status): springdoc lists its values from the Java enum
            }
        }
    }

    private static Schema<?> integer(int minimum, Integer maximum, Integer byDefault) {
        IntegerSchema schema = new IntegerSchema();
        schema.format("int32").minimum(BigDecimal.valueOf(minimum));
        if (maximum != null) schema.maximum(BigDecimal.valueOf(maximum));
        if (byDefault != null) schema._default(byDefault);
        return schema;
    }
}
