package se.molnkoll.documents;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * A page's upload larger than the limit is turned back before anything reads it: reading it would
 * fail, and with it the form's CSRF token inside it, which would look like an expired session. The
 * user is sent back to the form (or the service) with the reason; nothing is recorded. The API,
 * which takes no CSRF token, answers 413 itself (see {@link TooLargeDocuments}).
 */
@Configuration(proxyBeanMethods = false)
class OversizeUploads {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> oversizeUploadFilter(
            @Value("${molnkoll.documents.max-size:20MB}") DataSize maxSize, MessageSource messages, LocaleResolver locales) {
        // judged on the whole request: a form's other fields add a few kilobytes to a file at the limit
        long limit = maxSize.toBytes();
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                String type = request.getContentType();
                if (!"POST".equals(request.getMethod()) || type == null || !type.startsWith("multipart/")
                        || path.startsWith("/api/") || request.getContentLengthLong() <= limit) {
                    chain.doFilter(request, response);
                    return;
                }
                Locale locale = locales.resolveLocale(request);
                String back = request.getContextPath() + formOf(path);
                FlashMap flash = new FlashMap();
                flash.put("refused", List.of(messages.getMessage("flash.documentTooLarge",
                        new Object[]{maxSize.toMegabytes()}, locale)));
                flash.setTargetRequestPath(back);
                new SessionFlashMapManager().saveOutputFlashMap(flash, request, response);
                response.setStatus(HttpStatus.SEE_OTHER.value());
                response.setHeader("Location", back);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/services/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1); // before Spring Security's CSRF check
        return registration;
    }

    /** Where the upload came from: the evidence form, or else the service page. */
    static String formOf(String path) {
        if (path.endsWith("/evidence/new")) return path;
        String[] parts = path.split("/");
        return parts.length >= 3 ? "/" + parts[1] + "/" + parts[2] : "/services";
    }
}
