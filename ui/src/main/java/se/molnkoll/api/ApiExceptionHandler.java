package se.molnkoll.api;

import se.molnkoll.kernel.Loggable;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.molnkoll.kernel.command.RuleViolationException;
import se.molnkoll.kernel.command.UnknownEvidenceException;
import se.molnkoll.kernel.command.UnknownProposalException;
import se.molnkoll.kernel.command.UnknownTaskException;
import se.molnkoll.kernel.command.Violation;
import se.molnkoll.query.api.DatabaseOutage;
import se.molnkoll.documents.DocumentTypes;
import se.molnkoll.imports.ImportRefusedException;
import se.molnkoll.documents.Documents;
import se.molnkoll.query.api.ReadModels;

import javax.sql.DataSource;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every failure into {@code application/problem+json}: 400 naming each bad field, 404 for
 * what does not exist, 409 listing the rules a command breaks. No stack trace leaves the server.
 */
@RestControllerAdvice(basePackages = "se.molnkoll.api")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final DataSource dataSource;
    /** The texts of refusals that are said in the user's language (an import's). */
    private final org.springframework.context.MessageSource texts;

    ApiExceptionHandler(DataSource dataSource, org.springframework.context.MessageSource texts) {
        this.dataSource = dataSource;
        this.texts = texts;
    }

    static final URI INVALID_INPUT = URI.create("urn:molnkoll:problem:invalid-input");
    static final URI TOO_LARGE = URI.create("urn:molnkoll:problem:too-large");
    static final URI NOT_FOUND = URI.create("urn:molnkoll:problem:not-found");
    static final URI RULE_VIOLATION = URI.create("urn:molnkoll:problem:rule-violation");
    static final URI CONCURRENT_CHANGE = URI.create("urn:molnkoll:problem:concurrent-change");
    static final URI UNSUPPORTED_DOCUMENT = URI.create("urn:molnkoll:problem:unsupported-document");
    static final URI REFUSED_DOCUMENT = URI.create("urn:molnkoll:problem:refused-document");
    static final URI REFUSED_IMPORT = URI.create("urn:molnkoll:problem:refused-import");
    static final URI DOCUMENT_INTEGRITY = URI.create("urn:molnkoll:problem:document-integrity");
    static final URI REBUILD_RUNNING = URI.create("urn:molnkoll:problem:rebuild-running");
    static final URI UNAVAILABLE = URI.create("urn:molnkoll:problem:unavailable");
    static final URI WRONG_INSTANCE = URI.create("urn:molnkoll:problem:wrong-instance");
    /** Seconds a client should wait before sending again what collided or found the database away. */
    static final String RETRY_AFTER_SECONDS = "1";

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e) {
        return invalid(e.problems(), e.unlisted());
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(BodyTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
        problem.setType(TOO_LARGE);
        return problem(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? "one of " + List.of(e.getRequiredType().getEnumConstants()) : "a valid " + simpleName(e.getRequiredType());
        return invalid(List.of(new InvalidInputException.FieldProblem(e.getName(), "must be " + expected)), 0);
    }

    /** A required query parameter (an export's format) or multipart part (a document's file) not sent. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(@NonNull MissingServletRequestParameterException e,
                                                                          @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status,
                                                                          @NonNull WebRequest request) {
        return invalid(List.of(new InvalidInputException.FieldProblem(e.getParameterName(), "is required")), 0);
    }

    /** Only a body that is not JSON at all gets here; {@link RequestBodyReader} names every bad field of one that is. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON.");
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid input");
        return problem(problem);
    }

    @ExceptionHandler({NotFoundException.class, UnknownEvidenceException.class, UnknownProposalException.class,
            UnknownTaskException.class, AggregateNotFoundException.class})
    ResponseEntity<Object> notFound(RuntimeException e) {
        String detail = e instanceof AggregateNotFoundException missing
                ? "No cloud service " + missing.getAggregateIdentifier() : e.getMessage();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setType(NOT_FOUND);
        return problem(problem);
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> ruleViolation(RuleViolationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(RULE_VIOLATION);
        problem.setTitle("The command breaks a rule; nothing was recorded");
        problem.setProperty("violations", e.violations().stream().map(ApiExceptionHandler::describe).toList());
        return problem(problem);
    }

    /** 415 for a kind of document Molnkoll does not take; 400 for one that contradicts itself or hides something else. */
    @ExceptionHandler(DocumentTypes.RefusedException.class)
    ResponseEntity<Object> refusedDocument(DocumentTypes.RefusedException e) {
        boolean unsupported = e.refusal() == DocumentTypes.Refusal.UNSUPPORTED;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(unsupported ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                : HttpStatus.BAD_REQUEST, e.getMessage() + "; nothing was stored.");
        problem.setType(unsupported ? UNSUPPORTED_DOCUMENT : REFUSED_DOCUMENT);
        problem.setProperty("reason", e.refusal().name());
        return problem(problem);
    }

    /** 422 for a spreadsheet that cannot be imported as a whole (not one, a zip bomb, formulas, ...): nothing written. */
    @ExceptionHandler(ImportRefusedException.class)
    ResponseEntity<Object> refusedImport(ImportRefusedException e, java.util.Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                texts.getMessage("import.refused." + e.refusal().name(), e.arguments().toArray(), e.getMessage(), locale)
                        + " " + texts.getMessage("import.nothingWritten", null, locale));
        problem.setType(REFUSED_IMPORT);
        problem.setTitle("The file cannot be imported; nothing was written");
        problem.setProperty("reason", e.refusal().name());
        return problem(problem);
    }

    @ExceptionHandler(Documents.DocumentIntegrityException.class)
    ResponseEntity<Object> documentIntegrity(Documents.DocumentIntegrityException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
        problem.setType(DOCUMENT_INTEGRITY);
        problem.setTitle("Document integrity check failed");
        return problem(problem);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Others changed this cloud service at the same moment; nothing was recorded. Send it again.");
        problem.setType(CONCURRENT_CHANGE);
        return ResponseEntity.status(HttpStatus.CONFLICT).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ReadModels.RebuildRunningException.class)
    ResponseEntity<Object> rebuildRunning(ReadModels.RebuildRunningException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(REBUILD_RUNNING);
        problem.setProperty("rebuild", e.status());
        return problem(problem);
    }

    @ExceptionHandler(ReadModels.NotKeptHereException.class)
    ResponseEntity<Object> rebuildNotHere(ReadModels.NotKeptHereException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(WRONG_INSTANCE);
        return problem(problem);
    }

    /** A command sent to an instance without the command role (molnkoll.roles=query): it has no cloud services to ask. */
    @ExceptionHandler(NoHandlerForCommandException.class)
    ResponseEntity<Object> noCommandsHere(NoHandlerForCommandException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "This instance does not take commands (molnkoll.roles without command); nothing was recorded."
                        + " Send it to an instance with the command role.");
        problem.setType(WRONG_INSTANCE);
        return problem(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring Security answers these (401/403)
        }
        if (DatabaseOutage.isAway(e, dataSource)) {
            log.warn("The database cannot be reached ({}): {}", Loggable.value(request.getDescription(false)), e.toString());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The database cannot be reached just now; nothing was recorded. Try again in a moment.");
            problem.setType(UNAVAILABLE);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        log.error("Unexpected failure in {}", Loggable.value(request.getDescription(false)), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; it has been logged.");
        return problem(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, @NonNull HttpHeaders headers,
                                                          @NonNull HttpStatusCode statusCode, @NonNull WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    /** 400 naming the problems; with unlisted &gt; 0, that many more were found and are only counted (moreErrors). */
    private static ResponseEntity<Object> invalid(List<InvalidInputException.FieldProblem> problems, int unlisted) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Invalid input: "
                + problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "))
                + (unlisted > 0 ? "; and " + unlisted + " more" : ""));
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", problems);
        if (unlisted > 0) problem.setProperty("moreErrors", unlisted);
        return problem(problem);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static Map<String, Object> describe(Violation v) {
        return Map.of("rule", v.rule(), "message", v.message(), "measures", v.measures());
    }



    private static String simpleName(Class<?> type) {
        if (type == null) return "value";
        if (type == java.time.LocalDate.class) return "date (YYYY-MM-DD)";
        if (type == Integer.class || type == int.class) return "whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        return type.getSimpleName();
    }
}
