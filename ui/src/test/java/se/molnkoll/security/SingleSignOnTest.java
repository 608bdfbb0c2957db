package se.molnkoll.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.molnkoll.support.Api;
import se.molnkoll.support.TestClock;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID Connect provider started by the test (NAV's mock-oauth2-server:
 * discovery, authorize, token and JWKS endpoints, signed tokens): the pages sign in through it, the
 * API takes its bearer tokens, groups become roles, and the user named by the token is the actor in
 * the events. Expired tokens and tokens signed by anyone else are refused. Local users keep working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.class)
@ExtendWith(OutputCaptureExtension.class)
class SingleSignOnTest {

    static final String ISSUER = "region";
    static final String CLIENT = "molnkoll";
    static final MockOAuth2Server provider = new MockOAuth2Server();

    static {
        provider.start();
    }

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry properties) {
        properties.add("molnkoll.oidc.enabled", () -> "true");
        properties.add("molnkoll.oidc.issuer-uri", () -> provider.issuerUrl(ISSUER).toString());
        properties.add("molnkoll.oidc.client-id", () -> CLIENT);
        properties.add("molnkoll.oidc.client-secret", () -> "hemligt");
        properties.add("molnkoll.oidc.roles.CONTRACT_MANAGER", () -> "molnkoll-avtal");
        properties.add("molnkoll.oidc.roles.AUDITOR", () -> "molnkoll-granskare,internrevision");
        properties.add("molnkoll.oidc.roles.VIEWER", () -> "alla-anstallda");
        properties.add("molnkoll.oidc.roles.RISK_OWNER", () -> "molnkoll-riskagare");
        properties.add("molnkoll.oidc.units-claim", () -> "units");
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    // ---- the API with bearer tokens --------------------------------------------------------

    @Test
    void a_bearer_token_with_a_managers_group_records_as_the_user_it_names() {
        Api karin = bearer(token("sub-4711", Map.of("preferred_username", "karin", "groups", List.of("molnkoll-avtal"),
                "units", List.of("Regionstyrelsen")), 3600));
        Api.Response created = karin.post("/api/services", Map.of("name", "SSO-tjänst", "vendor", "Moln AB",
                "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Karin"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ?",
                String.class, id)).contains("\"actor\":\"karin\"");
    }

    @Test
    void groups_map_to_roles_and_no_group_means_no_role() {
        Api auditor = bearer(token("sub-1", Map.of("preferred_username", "revisor", "groups", List.of("internrevision")), 3600));
        assertThat(auditor.get("/api/audit").status()).isEqualTo(200);
        assertThat(auditor.post("/api/services", Map.of("name", "x")).status()).isEqualTo(403);
        // one group as a plain string works too
        Api viewer = bearer(token("sub-2", Map.of("preferred_username", "vem", "groups", "alla-anstallda"), 3600));
        assertThat(viewer.get("/api/services").status()).isEqualTo(200);
        assertThat(viewer.get("/api/audit").status()).isEqualTo(403);
        Api riskOwner = bearer(token("sub-9", Map.of("preferred_username", "riskagare", "groups", List.of("molnkoll-riskagare")), 3600));
        assertThat(riskOwner.get("/api/services").status()).isEqualTo(200);
        assertThat(riskOwner.post("/api/services", Map.of("name", "x")).status()).isEqualTo(403);
        Api nobody = bearer(token("sub-3", Map.of("preferred_username", "extern", "groups", List.of("annat")), 3600));
        assertThat(nobody.get("/api/services").status()).isEqualTo(403);
        // without a name claim, the subject names the user
        Api unnamed = bearer(token("sub-5", Map.of("groups", List.of("molnkoll-avtal"), "units", "Regionstyrelsen"), 3600));
        Api.Response created = unnamed.post("/api/services", Map.of("name", "Utan namn", "vendor", "Moln AB",
                "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Karin"));
        assertThat(jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ?",
                String.class, created.json().get("id").asText())).contains("\"actor\":\"sub-5\"");
    }

    @Test
    void expired_wrongly_signed_and_foreign_tokens_are_refused_and_never_logged(CapturedOutput output) throws Exception {
        Map<String, Object> manager = Map.of("preferred_username", "karin", "groups", List.of("molnkoll-avtal"));
        Api.Response expired = bearer(token("sub-4711", manager, -120)).get("/api/services");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.headers().allValues("WWW-Authenticate")).anyMatch(h -> h.startsWith("Bearer"));
        assertThat(expired.contentType()).startsWith("application/problem+json");

        // the same claims, signed by a key the provider never published
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stranger").type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer(provider.issuerUrl(ISSUER).toString()).subject("sub-4711").audience(CLIENT)
                        .claim("preferred_username", "karin").claim("groups", List.of("molnkoll-avtal"))
                        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build());
        forged.sign(new RSASSASigner(stranger));
        assertThat(bearer(forged.serialize()).get("/api/services").status()).isEqualTo(401);

        // a valid token meant for another application
        String foreign = provider.issueToken(ISSUER, "sub-4711", "annan-app", manager, 3600).serialize();
        assertThat(bearer(foreign).get("/api/services").status()).isEqualTo(401);
        assertThat(bearer("not-a-token").get("/api/services").status()).isEqualTo(401);
        // an ID token (with the sign-in's nonce) is not an access token, even for the right audience
        String idToken = provider.issueToken(ISSUER, "sub-4711", CLIENT, Map.of("preferred_username", "karin",
                "groups", List.of("molnkoll-avtal"), "nonce", "n-0S6_WzA2Mj"), 3600).serialize();
        assertThat(bearer(idToken).get("/api/services").status()).isEqualTo(401);

        assertThat(output.getAll()).contains("LOGIN_FAILED user=<BearerTokenAuthenticationToken>")
                .doesNotContain(foreign).doesNotContain(forged.serialize()).doesNotContain(idToken)
                .doesNotContain("reason=ProviderNotFoundException");
    }

    @Test
    void a_unit_named_in_one_string_is_one_unit() {
        Api healthCare = bearer(token("sub-8", Map.of("preferred_username", "hsv", "groups", List.of("molnkoll-avtal"),
                "units", "Hälso- och sjukvård"), 3600));
        assertThat(healthCare.post("/api/services", Map.of("name", "Journal", "vendor", "Moln AB", "serviceModel", "SAAS",
                "organisationUnit", "Hälso- och sjukvård", "owner", "Karin")).status()).isEqualTo(201);
        assertThat(healthCare.post("/api/services", Map.of("name", "Och", "vendor", "Moln AB", "serviceModel", "SAAS",
                "organisationUnit", "och", "owner", "Karin")).status()).isEqualTo(403);
    }

    @Test
    void the_units_claim_limits_what_a_manager_may_change() {
        Map<String, Object> service = Map.of("name", "Annan enhet", "vendor", "Moln AB", "serviceModel", "SAAS",
                "organisationUnit", "Regionstyrelsen", "owner", "Karin");
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        Api dentist = bearer(token("sub-6", Map.of("preferred_username", "tand", "groups", List.of("molnkoll-avtal"),
                "units", List.of("Tandvård")), 3600));
        assertThat(dentist.post("/api/services", service).status()).isEqualTo(403);
        Api noUnits = bearer(token("sub-7", Map.of("preferred_username", "utan", "groups", List.of("molnkoll-avtal")), 3600));
        assertThat(noUnits.post("/api/services", service).status()).as("no units claim: no unit").isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    @Test
    void local_users_keep_working() {
        assertThat(Api.at(port).as("auditor").get("/api/audit").status()).isEqualTo(200);
    }

    // ---- the pages through the provider ----------------------------------------------------

    @Test
    void the_pages_sign_in_through_the_provider_and_the_user_is_the_actor() throws Exception {
        Browserless user = new Browserless();
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "sub-4711", JOSEObjectType.JWT.getType(),
                List.of(CLIENT), Map.of("preferred_username", "karin", "groups", List.of("molnkoll-avtal"),
                "units", List.of("Regionstyrelsen")), 3600));
        assertThat(user.get("/login").body()).contains("Logga in med regionens konto");
        HttpResponse<String> landed = user.signInThroughProvider();
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(landed.body()).contains("<strong>karin</strong>", "avtalsansvarig");

        HttpResponse<String> form = user.get("/services/new");
        assertThat(form.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> posted = user.post("/services/new", Map.of("_csrf", csrf.group(1), "name", "SSO-sidan",
                "vendor", "Moln AB", "serviceModel", "SAAS", "organisationUnit", "Regionstyrelsen", "owner", "Karin"));
        assertThat(posted.statusCode()).isEqualTo(302);
        String id = posted.headers().firstValue("Location").orElseThrow().replaceFirst(".*/services/", "");
        assertThat(jdbc.queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ?",
                String.class, id)).contains("\"actor\":\"karin\"");
    }

    @Test
    void a_signed_in_user_without_a_mapped_group_is_refused_everywhere() throws Exception {
        Browserless user = new Browserless();
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "sub-9", JOSEObjectType.JWT.getType(),
                List.of(CLIENT), Map.of("preferred_username", "extern", "groups", List.of("annat")), 3600));
        HttpResponse<String> landed = user.signInThroughProvider();
        assertThat(landed.statusCode()).isEqualTo(403);
        assertThat(user.get("/services").statusCode()).isEqualTo(403);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private String token(String subject, Map<String, Object> claims, long secondsValid) {
        return provider.issueToken(ISSUER, subject, CLIENT, claims, secondsValid).serialize();
    }

    private Api bearer(String token) {
        return Api.at(port).anonymous().withHeader("Authorization", "Bearer " + token);
    }

    /** A user agent that keeps cookies and follows redirects one at a time, across Molnkoll and the provider. */
    private final class Browserless {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String pathOrUrl) throws Exception {
            URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl);
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The login page's link to the provider, the provider's answer, back to Molnkoll, and on to where it leads. */
        HttpResponse<String> signInThroughProvider() throws Exception {
            HttpResponse<String> response = get("/oauth2/authorization/region");
            for (int hops = 0; hops < 6 && response.statusCode() / 100 == 3; hops++) {
                String next = response.headers().firstValue("Location").orElseThrow();
                response = get(next.startsWith("/") ? "http://localhost:" + port + next : next);
            }
            return response;
        }
    }
}
