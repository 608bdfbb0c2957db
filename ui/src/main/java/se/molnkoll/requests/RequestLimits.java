package se.molnkoll.requests;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.MultipartConfigFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import se.molnkoll.imports.ImportProperties;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Every request body is bounded before anything reads it: a document upload by
 * {@code molnkoll.documents.max-size} plus {@code molnkoll.limits.body-size} for the rest of its form
 * (a page's upload, whose form must come back with the reason, by the document's limit alone),
 * every other body (the API's JSON, the pages' forms, multipart elsewhere) by
 * {@code molnkoll.limits.body-size}. A body whose declared length is over its limit is answered 413
 * at once, before security, parsing or a controller sees it:
 * <ul>
 *     <li>the API: problem+json;</li>
 *     <li>a page's upload: back to the form (or the service) with the reason, as a flash message,
 *     since reading the body would fail, and with it the form's CSRF token, which would look like an
 *     expired session;</li>
 *     <li>anything else: the error page (problem+json for a client that does not ask for a page).</li>
 * </ul>
 * A body sent without a length (chunked) is stopped where it is read: by the API's body reader, by
 * Tomcat for forms ({@code server.tomcat.max-http-form-post-size}, which also bounds the fields of a
 * multipart form beside its file) and by the multipart limits below.
 */
@Configuration(proxyBeanMethods = false)
public class RequestLimits {

    static final URI TOO_LARGE = URI.create("urn:molnkoll:problem:too-large");

    /** Where a document is uploaded; their bodies may hold one. */
    private static final List<PathPattern> UPLOADS = List.of(
            PathPatternParser.defaultInstance.parse("/api/services/{id}/evidence/{evidenceId}/document"),
            PathPatternParser.defaultInstance.parse("/services/{id}/evidence/{evidenceId}/document"),
            PathPatternParser.defaultInstance.parse("/services/{id}/evidence/new"));
    /** Where a spreadsheet to import is uploaded: bounded by molnkoll.imports.max-size instead. */
    private static final List<PathPattern> IMPORTS = List.of(
            PathPatternParser.defaultInstance.parse("/api/imports"),
            PathPatternParser.defaultInstance.parse("/api/imports/preview"),
            PathPatternParser.defaultInstance.parse("/services/import"));

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestLimitsFilter(
            LimitsProperties limits, DocumentProperties documents, ImportProperties imports, ObjectMapper json,
            MessageSource messages, LocaleResolver locales) {
        DataSize bodySize = limits.bodySize();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                boolean spreadsheet = isUpload(request, path, IMPORTS);
                DataSize documentSize = spreadsheet ? imports.maxSize() : documents.maxSize();
                String setting = spreadsheet ? "molnkoll.imports.max-size" : "molnkoll.documents.max-size";
                boolean upload = spreadsheet || isUpload(request, path, UPLOADS);
                boolean api = path.startsWith("/api/");
                // a page's upload is judged on the whole request against the document's limit, so that the
                // form comes back with the reason: once Tomcat reads a file over the limit, only an error page can
                // an import may send two files: the services and the evidence
                DataSize files = spreadsheet ? DataSize.ofBytes(2 * documentSize.toBytes()) : documentSize;
                long limit = !upload ? bodySize.toBytes() : api ? uploadLimit(files, bodySize).toBytes() : files.toBytes();
                if (request.getContentLengthLong() <= limit) {
                    chain.doFilter(request, response);
                } else if (api) {
                    ProblemResponses.write(json, response, HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, upload
                            ? "The " + (spreadsheet ? "file" : "document") + " is larger than " + documentSize.toMegabytes()
                            + " MB (" + setting + "); nothing was stored."
                            : "The request body is longer than " + bodySize.toBytes()
                            + " bytes (molnkoll.limits.body-size); nothing was read or recorded.");
                } else if (upload) {
                    backToTheForm(request, response, path, documentSize, messages, locales);
                } else {
                    response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1); // right after the correlation id: before anything reads
        return registration;
    }

    /**
     * A file at most molnkoll.documents.max-size (a document) or molnkoll.imports.max-size (a spreadsheet to
     * import), whichever is larger (the filter above holds each path to its own); the whole multipart request
     * that, plus the rest of its form.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(DocumentProperties documents, ImportProperties imports, LimitsProperties limits) {
        MultipartConfigFactory factory = new MultipartConfigFactory();
        DataSize largest = DataSize.ofBytes(Math.max(documents.maxSize().toBytes(), imports.maxSize().toBytes()));
        factory.setMaxFileSize(largest);
        // an import may send two files (the services and the evidence)
        factory.setMaxRequestSize(uploadLimit(DataSize.ofBytes(Math.max(documents.maxSize().toBytes(),
                2 * imports.maxSize().toBytes())), limits.bodySize()));
        factory.setFileSizeThreshold(DataSize.ofMegabytes(1));
        return factory.createMultipartConfig();
    }

    /**
     * Tomcat's own limit on a form's parameters (and a multipart form's fields beside its file), which
     * also stops a form sent without a length: the same as every other body's.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> formLimit(LimitsProperties limits) {
        return factory -> factory.addConnectorCustomizers(connector -> connector.setMaxPostSize((int) Math.min(
                Integer.MAX_VALUE, limits.bodySize().toBytes())));
    }

    /** The largest request that carries a document: the document, and boundaries, part headers and the form's fields. */
    static DataSize uploadLimit(DataSize documentSize, DataSize bodySize) {
        return DataSize.ofBytes(documentSize.toBytes() + bodySize.toBytes());
    }

    private static boolean isUpload(HttpServletRequest request, String path, List<PathPattern> uploads) {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return false;
        }
        PathContainer container = PathContainer.parsePath(path);
        return uploads.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private static void backToTheForm(HttpServletRequest request, HttpServletResponse response, String path,
                                      DataSize documentSize, MessageSource messages, LocaleResolver locales) {
        Locale locale = locales.resolveLocale(request);
        String back = request.getContextPath() + formOf(path);
        FlashMap flash = new FlashMap();
        flash.put("refused", List.of(messages.getMessage("flash.documentTooLarge",
                new Object[]{documentSize.toMegabytes()}, locale)));
        flash.setTargetRequestPath(back);
        new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
        response.setStatus(HttpStatus.SEE_OTHER.value());
        response.setHeader("Location", back);
    }

    /** Where a page's upload came from: the evidence form, or else the service page. */
    static String formOf(String path) {
        if (path.endsWith("/evidence/new")) return path;
        String[] parts = path.split("/");
        return parts.length >= 3 ? "/" + parts[1] + "/" + parts[2] : "/services";
    }
}
