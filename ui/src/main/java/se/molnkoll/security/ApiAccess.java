package se.molnkoll.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what under /api, /actuator and the API documentation: the one table that the API's
 * security chain enforces ({@link SecurityConfiguration}) and the OpenAPI document states for each
 * operation, so the two cannot say different things. The first rule that matches decides; whatever
 * no rule matches is denied.
 */
public final class ApiAccess {

    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    private static final Set<Role> MANAGER = EnumSet.of(Role.CONTRACT_MANAGER);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);
    private static final Set<Role> RISK_OWNER = EnumSet.of(Role.RISK_OWNER);

    /**
     * One rule: requests with this method (any method when null) to one of these path patterns may be
     * sent by anyone (also anonymously), or by a user with one of these roles. A rule for another
     * moment matches only a GET that asks about another moment than now ({@code asOf} or
     * {@code validAt}): history is the auditors' view; such a rule narrows what the roles read, it
     * never opens anything else.
     */
    public record Rule(HttpMethod method, List<String> paths, boolean anotherMomentOnly, boolean anyone, Set<Role> roles) {

        boolean matches(HttpMethod method, String path, boolean asksAboutAnotherMoment) {
            return (this.method == null || this.method.equals(method))
                    && (!anotherMomentOnly || asksAboutAnotherMoment)
                    && paths.stream().anyMatch(pattern -> PathPatternParser.defaultInstance.parse(pattern)
                    .matches(PathContainer.parsePath(path)));
        }

        private RequestMatcher requestMatcher() {
            List<RequestMatcher> matchers = paths.stream()
                    .<RequestMatcher>map(path -> PathPatternRequestMatcher.withDefaults().matcher(method, path)).toList();
            RequestMatcher any = new OrRequestMatcher(matchers);
            return anotherMomentOnly ? request -> any.matches(request) && asksAboutAnotherMoment(request) : any;
        }
    }

    static final List<Rule> RULES = List.of(
            anyone(HttpMethod.GET, "/actuator/health", "/actuator/health/**"),
            anyone(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html",
                    "/swagger-ui/**"),
            anyone(null, "/error"),
            roles(HttpMethod.GET, EVERY_ROLE, "/api/catalogue", "/api/catalogue/**"),
            roles(HttpMethod.GET, Role.AUDIT_READERS, "/api/audit", "/api/audit/export", "/api/audit/head",
                    "/api/audit/verification", "/api/services/*/audit", "/api/services/*/audit/export",
                    "/api/services/*/changes"),
            roles(null, ADMIN, "/api/admin/rebuild", "/api/admin/review-schedule", "/api/admin/country-rules"),
            roles(null, ADMIN, "/actuator/**"),
            // reports: a service's report and the evidence packages for those who read history; the portfolio for all
            roles(HttpMethod.GET, Role.AUDIT_READERS, "/api/services/*/report", "/api/services/*/evidence-package",
                    "/api/evidence-package"),
            new Rule(HttpMethod.GET, List.of("/api/reports/portfolio"), true, false, Role.AUDIT_READERS),
            roles(HttpMethod.GET, EVERY_ROLE, "/api/reports/portfolio"),
            new Rule(HttpMethod.GET, List.of("/api/services", "/api/services/**", "/api/totals", "/api/dashboard",
                    "/api/certificates", "/api/certificates/export", "/api/vendors", "/api/vendors/*", "/api/locations",
                    "/api/locations/export", "/api/country-rules"), true, false, Role.AUDIT_READERS),
            roles(HttpMethod.GET, Role.AUDIT_READERS, "/api/services/*/evidence/*/document"),
            roles(HttpMethod.GET, EVERY_ROLE, "/api/services", "/api/services/**", "/api/totals", "/api/dashboard",
                    "/api/certificates", "/api/certificates/export", "/api/risk-proposals", "/api/risk-acceptances/ending",
                    "/api/tasks", "/api/reviews", "/api/vendors", "/api/vendors/*", "/api/vendor-link-proposals", "/api/locations",
                    "/api/locations/export", "/api/country-rules"),
            // whoever a task is given to marks it done (the controller holds everyone else but a contract manager to that)
            roles(HttpMethod.POST, EVERY_ROLE, "/api/services/*/tasks/*/completion"),
            // the risk owner signs; a contract manager proposes (and the service refuses anyone deciding their own proposal)
            roles(HttpMethod.POST, RISK_OWNER, "/api/services/*/risk-proposals/*/approval",
                    "/api/services/*/risk-proposals/*/rejection"),
            roles(HttpMethod.POST, MANAGER, "/api/services", "/api/services/**", "/api/vendors", "/api/vendors/**"),
            roles(HttpMethod.PUT, MANAGER, "/api/services/*/classification"),
            roles(null, MANAGER, "/api/imports", "/api/imports/**"));

    private ApiAccess() {
    }

    /** Adds the table to a security chain's rules, then denies whatever it does not name. */
    static void enforce(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
        for (Rule rule : RULES) {
            var matched = registry.requestMatchers(rule.requestMatcher());
            if (rule.anyone()) {
                matched.permitAll();
            } else {
                matched.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
            }
        }
        registry.anyRequest().denyAll();
    }

    /** The rule that decides a request with this method and concrete path, asking about now or another moment. */
    public static Optional<Rule> ruleFor(HttpMethod method, String path, boolean asksAboutAnotherMoment) {
        return RULES.stream().filter(rule -> rule.matches(method, path, asksAboutAnotherMoment)).findFirst();
    }

    /**
     * A read with an asOf or validAt parameter (present at all, even empty or malformed). Only GETs are
     * looked at: asking a POST for its parameters would parse a multipart body here, before its size
     * limit is answered properly.
     */
    static boolean asksAboutAnotherMoment(HttpServletRequest request) {
        return HttpMethod.GET.matches(request.getMethod())
                && (request.getParameterMap().containsKey("asOf") || request.getParameterMap().containsKey("validAt"));
    }

    private static Rule anyone(HttpMethod method, String... paths) {
        return new Rule(method, List.of(paths), false, true, Set.of());
    }

    private static Rule roles(HttpMethod method, Set<Role> roles, String... paths) {
        return new Rule(method, List.of(paths), false, false, Set.copyOf(roles));
    }

    /** The roles' names in the order of {@link Role}, for a document or a message. */
    public static List<String> names(Set<Role> roles) {
        List<String> names = new ArrayList<>();
        Arrays.stream(Role.values()).filter(roles::contains).forEach(role -> names.add(role.name()));
        return names;
    }
}
