package se.molnkoll.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;
import se.molnkoll.requests.LimitsProperties;
import se.molnkoll.requests.WellFormedRequests;

import java.util.ArrayList;
import java.util.List;

/**
 * Every endpoint and page has an explicit rule; whatever is not listed is denied. The API's rules are
 * the table in {@link ApiAccess}, which the OpenAPI document states per operation; the pages (second
 * chain) follow the same roles: commands for contract managers, the audit trail and any other moment
 * than now for auditors and contract managers, the rest for every role.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String REALM = "Molnkoll";

    private static final String[] EVERY_ROLE = names(Role.values());
    private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));
    private static final String MANAGER = Role.CONTRACT_MANAGER.name();
    private static final String ADMIN = Role.ADMIN.name();
    private static final String[] AUDIT_READERS = names(Role.AUDIT_READERS.toArray(Role[]::new));

    /** The API, actuator and API documentation: stateless, HTTP Basic, answers in problem+json. */
    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, ObjectProvider<Oidc> oidc, RequestShape shape)
            throws Exception {
        http
                // parameters and parts checked only for a request that may be sent at all
                .addFilterAfter(new WellFormedRequests(json, true, shape.maxParameters(), shape.maxBody().toBytes()),
                        AuthorizationFilter.class)
                .securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**",
                        "/swagger-ui.html", "/swagger-ui/**")
                .authorizeHttpRequests(rules -> {
                    // an export streams its body after the request was authorised; finishing it is a second dispatch
                    rules.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
                    ApiAccess.enforce(rules);
                })
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(Refusals.unauthorized(json)))
                .headers(SecurityConfiguration::apiHeaders)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(Refusals.unauthorized(json))
                        .accessDeniedHandler(Refusals.forbidden(json)))
                // A stateless API authenticated on every request carries no cookie to forge.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        Oidc sso = oidc.getIfAvailable();
        if (sso != null) {
            // bearer tokens from the region's provider, beside the configured local users' HTTP Basic
            http.oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.decoder(sso.jwtDecoder()).jwtAuthenticationConverter(sso.jwtAuthentication()))
                    .authenticationEntryPoint(Refusals.unauthorized(json))
                    .accessDeniedHandler(Refusals.forbidden(json)));
        }
        return http.build();
    }

    /**
     * Besides Spring Security's defaults (nosniff, frame DENY, no-store, HSTS over TLS): no referrer, and
     * OWASP's REST guidance, an answer of the API is data, never a document to render or frame. Swagger UI
     * is a page of its own and runs its scripts and styles from here.
     */
    private static void apiHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
                        new ContentSecurityPolicyHeaderWriter("default-src 'none'; frame-ancestors 'none'")))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                        new ContentSecurityPolicyHeaderWriter("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; "
                                + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'")));
    }

    /**
     * The pages: form login with a session, CSRF tokens on every form, and the same roles as the API.
     * A page shows only what the role may do; these rules make the server refuse the rest anyway.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<Oidc> oidc, ObjectMapper json, RequestShape shape)
            throws Exception {
        http
                // before the CSRF check, which reads the form's token from the parameters
                .addFilterBefore(new WellFormedRequests(json, false, shape.maxParameters(), shape.maxBody().toBytes()),
                        CsrfFilter.class)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.svg", "/error").permitAll()
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.GET, "/audit", "/audit/export", "/audit/verification",
                                "/services/*/changes", "/services/*/evidence/*/document", "/services/*/report",
                                "/services/*/evidence-package", "/services/evidence-package").hasAnyRole(AUDIT_READERS)
                        .requestMatchers("/services/import", "/services/import/**").hasRole(MANAGER)
                        .requestMatchers("/services/new", "/services/*/classification", "/services/*/classification/preview",
                                "/services/*/evidence/new", "/services/*/risk-acceptance", "/services/*/provider-change",
                                "/services/*/termination", "/services/*/correction", "/services/*/tasks/new").hasRole(MANAGER)
                        .requestMatchers("/admin", "/admin/rebuild", "/admin/reviews", "/admin/countries").hasRole(ADMIN)
                        .requestMatchers("/vendors/new", "/vendors/links", "/vendors/*/correction", "/vendors/*/sub-processors/**",
                                "/services/*/locations", "/services/*/vendor-link", "/services/*/vendor-evidence", "/vendors/*/evidence/**").hasRole(MANAGER)
                        .requestMatchers(HttpMethod.POST, "/vendors/**").hasRole(MANAGER)
                        // the risk owner signs (never their own proposal: the service refuses that)
                        .requestMatchers(HttpMethod.POST, "/services/*/risk-proposals/*/approval",
                                "/services/*/risk-proposals/*/rejection").hasRole(Role.RISK_OWNER.name())
                        // whoever a task is given to marks it done (the page holds everyone else but a contract manager to that)
                        .requestMatchers(HttpMethod.POST, "/services/*/tasks/*/completion").hasAnyRole(EVERY_ROLE)
                        .requestMatchers(HttpMethod.POST, "/services/**").hasRole(MANAGER)
                        .requestMatchers(anotherMomentOf("/", "/services", "/services/*", "/services/*/measures/export",
                                "/certificates/export", "/vendors/*", "/locations", "/locations/export", "/reports/portfolio")).hasAnyRole(AUDIT_READERS)
                        .requestMatchers(HttpMethod.GET, "/", "/services", "/services/*", "/catalogue", "/services/*/measures/export", "/reports/portfolio",
                                "/certificates/export", "/risks", "/tasks", "/reviews", "/vendors", "/vendors/*", "/locations",
                                "/locations/export").hasAnyRole(EVERY_ROLE)
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors.accessDeniedHandler(Refusals.pagesAccessDenied()))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                // besides Spring Security's defaults (nosniff, frame DENY, no-store, HSTS over TLS)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        Oidc sso = oidc.getIfAvailable();
        if (sso != null) {
            // "Logga in med regionens konto" on the login page; the provider's groups give the roles
            http.oauth2Login(login -> login.loginPage("/login")
                    .clientRegistrationRepository(sso.registrations())
                    .userInfoEndpoint(user -> user.oidcUserService(sso.userService()))
                    .defaultSuccessUrl("/", false)
                    .failureUrl("/login?sso"));
        }
        return http.build();
    }

    /** A read of one of these paths that asks about another moment (see {@link ApiAccess#asksAboutAnotherMoment}). */
    private static RequestMatcher anotherMomentOf(String... paths) {
        List<RequestMatcher> reads = new ArrayList<>();
        for (String path : paths) reads.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path));
        RequestMatcher readable = new OrRequestMatcher(reads);
        return request -> readable.matches(request) && ApiAccess.asksAboutAnotherMoment(request);
    }

    /** The limits {@link WellFormedRequests} holds requests to: server.tomcat.max-parameter-count and molnkoll.limits.body-size. */
    record RequestShape(int maxParameters, DataSize maxBody) {
    }

    @Bean
    RequestShape requestShape(ServerProperties server, LimitsProperties limits) {
        return new RequestShape(server.getTomcat().getMaxParameterCount(), limits.bodySize());
    }

    /** Requests refused by the rules above become events (see {@link SecurityEvents}). */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    private static String[] names(Role... roles) {
        return java.util.Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
