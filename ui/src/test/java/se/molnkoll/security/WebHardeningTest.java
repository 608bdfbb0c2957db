package se.molnkoll.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.molnkoll.support.Api;
import se.molnkoll.support.TestClock;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web's defences: a locked account after repeated failed sign-ins (pages and API), security events
 * in the log (without passwords) and in metrics, security headers on pages and API, HSTS behind TLS,
 * a new session at sign-in, and an actuator that shows health and, to administrators, metrics only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.class)
@ExtendWith(OutputCaptureExtension.class)
class WebHardeningTest {

    static final String RIGHT = "lars-rätta-lösen-9";
    static final String WRONG = "lars-fel-lösen-123";

    @DynamicPropertySource
    static void lars(DynamicPropertyRegistry properties) {
        properties.add("molnkoll.security.users[0].username", () -> "lars");
        properties.add("molnkoll.security.users[0].password-hash", () -> "{bcrypt}" + new BCryptPasswordEncoder().encode(RIGHT));
        properties.add("molnkoll.security.users[0].roles", () -> "AUDITOR");
        properties.add("molnkoll.security.users[1].username", () -> "lisa");
        properties.add("molnkoll.security.users[1].password-hash", () -> "{bcrypt}" + new BCryptPasswordEncoder().encode(RIGHT));
        properties.add("molnkoll.security.users[1].roles", () -> "AUDITOR");
        properties.add("molnkoll.security.users[2].username", () -> "lena");
        properties.add("molnkoll.security.users[2].password-hash", () -> "{bcrypt}" + new BCryptPasswordEncoder().encode(RIGHT));
        properties.add("molnkoll.security.users[2].roles", () -> "AUDITOR");
    }

    @LocalServerPort
    int port;

    @Test
    void five_failed_sign_ins_lock_the_account_for_a_while_and_each_is_a_security_event(CapturedOutput output) throws Exception {
        TestClock.CLOCK.set(TestClock.TODAY);
        double failedBefore = metric("login_failed");
        double lockedBefore = metric("locked_out");
        Agent agent = new Agent();
        for (int i = 0; i < 4; i++) assertThat(agent.signIn("lars", WRONG)).endsWith("/login?error");
        assertThat(basic("lars", WRONG).get("/api/audit").status()).isEqualTo(401); // the fifth, over the API
        // now even the right password is refused, on the pages and the API, with the same answer as a
        // wrong one (a lock tells nothing about whether a name exists); the page says locking happens
        assertThat(agent.signIn("lars", RIGHT)).endsWith("/login?error");
        assertThat(agent.get("/login?error").body()).contains("Efter fem misslyckade försök i rad spärras inloggningen en kvart.");
        assertThat(basic("lars", RIGHT).get("/api/audit").status()).isEqualTo(401);
        for (int i = 0; i < 6; i++) assertThat(agent.signIn("finns-inte", WRONG)).endsWith("/login?error");
        // a quarter of an hour later it opens again
        TestClock.CLOCK.set(TestClock.CLOCK.instant().plus(Duration.ofMinutes(16)));
        assertThat(basic("lars", RIGHT).get("/api/audit").status()).isEqualTo(200);
        assertThat(new Agent().signIn("lars", RIGHT)).endsWith("/");

        assertThat(output.getAll()).contains("LOGIN_FAILED user=lars address=127.0.0.1", "LOCKED_OUT user=lars",
                "LOGIN_REFUSED_LOCKED user=lars").doesNotContain(WRONG).doesNotContain(RIGHT);
        assertThat(metric("login_failed")).isEqualTo(failedBefore + 7 + 6);
        assertThat(metric("locked_out")).isEqualTo(lockedBefore + 2); // lars, and the name that does not exist
    }

    @Test
    void parallel_guesses_get_no_more_than_five_password_checks(CapturedOutput output) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<Integer>> guesses = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                guesses.add(pool.submit(() -> basic("lisa", WRONG).get("/api/audit").status()));
            }
            for (var guess : guesses) assertThat(guess.get()).isEqualTo(401);
        } finally {
            pool.shutdown();
        }
        assertThat(basic("lisa", RIGHT).get("/api/audit").status()).as("locked").isEqualTo(401);
        long checked = output.getAll().lines().filter(l -> l.contains("LOGIN_FAILED user=lisa ")).count();
        assertThat(checked).as("passwords checked").isEqualTo(5);
    }

    @Test
    void a_lock_others_caused_stops_neither_a_signed_in_session_nor_a_client_that_proved_its_password_and_costs_no_password_checks(
            CapturedOutput output) throws Exception {
        TestClock.CLOCK.set(TestClock.TODAY.plusDays(3)); // nothing counted before this test applies any more
        Agent browser = new Agent("198.51.100.20");
        assertThat(browser.signIn("lena", RIGHT)).endsWith("/");
        Api client = basic("lena", RIGHT).withHeader("X-Forwarded-For", "198.51.100.21");
        assertThat(client.get("/api/audit").status()).isEqualTo(200);

        Api besideTheAttacker = basic("lena", RIGHT).withHeader("X-Forwarded-For", "203.0.113.7");
        assertThat(besideTheAttacker.get("/api/audit").status()).isEqualTo(200);

        Api attacker = basic("lena", WRONG).withHeader("X-Forwarded-For", "203.0.113.7");
        for (int i = 0; i < 5; i++) assertThat(attacker.get("/api/audit").status()).isEqualTo(401);
        double checked = metric("molnkoll.security.password.checks", null);
        for (int i = 0; i < 10; i++) assertThat(attacker.get("/api/audit").status()).isEqualTo(401);
        Api attackerWithTheRightPassword = basic("lena", RIGHT).withHeader("X-Forwarded-For", "203.0.113.7");
        assertThat(attackerWithTheRightPassword.get("/api/audit").status()).as("locked for that address").isEqualTo(401);
        assertThat(metric("molnkoll.security.password.checks", null)).as("a refused attempt checks no password")
                .isEqualTo(checked);

        assertThat(besideTheAttacker.get("/api/audit").status())
                .as("remembered credentials never pass a lock of their own address: else they answer every guess")
                .isEqualTo(401);
        assertThat(browser.get("/audit").statusCode()).as("the signed-in session goes on").isEqualTo(200);
        assertThat(client.get("/api/audit").status()).as("the client that proved its password goes on").isEqualTo(200);
        assertThat(basic("lena", RIGHT).withHeader("X-Forwarded-For", "192.0.2.5").get("/api/audit").status())
                .as("a new sign-in from elsewhere").isEqualTo(200);
        assertThat(new Agent("192.0.2.6").signIn("lena", RIGHT)).endsWith("/");
        assertThat(output.getAll()).contains("LOCKED_OUT user=lena address=203.0.113.7",
                "LOGIN_REFUSED_LOCKED user=lena address=203.0.113.7");
    }

    @Test
    void a_forged_line_break_in_any_logged_value_stays_on_its_line(CapturedOutput output) throws Exception {
        String forged = "nisse\r\nLOGIN_FAILED user=admin address=10.9.9.9";
        assertThat(new Agent("192.0.2.44").signIn(forged, WRONG)).endsWith("/login?error");
        assertThat(basic(forged + " via basic", WRONG).withHeader("X-Forwarded-For", "192.0.2.44").get("/api/audit").status())
                .isEqualTo(401);
        // a filter value with a line break is refused, not logged
        assertThat(Api.at(port).as("auditor").get("/api/audit/export?format=csv&actor=a%0d%0aLOGIN_FAILED%20user%3Dadmin").status())
                .isEqualTo(400);
        // whatever logs, whatever it logs: a library's message and an exception's message
        org.slf4j.LoggerFactory.getLogger("org.example.Library").warn("value {}", "a\nLOGIN_FAILED user=admin");
        org.slf4j.LoggerFactory.getLogger("org.example.Library").error("failed",
                new IllegalArgumentException("bad value b\r\nLOGIN_FAILED user=admin"));

        List<String> lines = output.getAll().lines().toList();
        assertThat(lines).noneMatch(line -> line.startsWith("LOGIN_FAILED"));
        assertThat(lines).anyMatch(line -> line.contains("LOGIN_FAILED user=nisse\\r\\nLOGIN_FAILED user=admin"));
        assertThat(lines).anyMatch(line -> line.contains("LOGIN_FAILED user=nisse\\r\\nLOGIN_FAILED user=admin address=10.9.9.9 via basic address=192.0.2.44"));
        assertThat(lines).anyMatch(line -> line.endsWith("value a\\nLOGIN_FAILED user=admin"));
        assertThat(lines).anyMatch(line -> line.equals(
                "java.lang.IllegalArgumentException: bad value b\\r\\nLOGIN_FAILED user=admin"));
    }

    @Test
    void a_refused_request_is_logged_and_counted(CapturedOutput output) {
        double before = metric("access_denied");
        assertThat(Api.at(port).as("viewer").get("/api/audit").status()).isEqualTo(403);
        assertThat(output.getAll()).contains("ACCESS_DENIED user=viewer address=127.0.0.1");
        assertThat(metric("access_denied")).isEqualTo(before + 1);
    }

    @Test
    void pages_and_api_carry_security_headers_and_hsts_behind_tls() throws Exception {
        HttpResponse<String> page = new Agent().get("/login");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("plain HTTP").isEmpty();

        Api.Response api = Api.at(port).as("viewer").get("/api/services");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(api.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        // behind a proxy that ended TLS (X-Forwarded-Proto from a local address) the request is secure
        HttpResponse<String> behindTls = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/login")).header("X-Forwarded-Proto", "https").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(behindTls.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v ->
                assertThat(v).contains("max-age="));
    }

    @Test
    void signing_in_starts_a_new_session() throws Exception {
        Agent agent = new Agent();
        agent.get("/login");
        String before = agent.session();
        assertThat(before).isNotNull();
        assertThat(agent.signIn("viewer", "viewer")).endsWith("/");
        assertThat(agent.session()).isNotNull().isNotEqualTo(before);
    }

    @Test
    void the_actuator_shows_health_to_all_and_metrics_to_administrators_only() {
        assertThat(Api.at(port).anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(Api.at(port).as("admin").get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(Api.at(port).as("viewer").get("/actuator/metrics").status()).isEqualTo(403);
        for (String hidden : new String[]{"/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/heapdump",
                "/actuator/loggers", "/actuator/info", "/actuator/mappings"}) {
            assertThat(Api.at(port).as("admin").get(hidden).status()).as(hidden).isEqualTo(404);
        }
    }

    private double metric(String type) {
        return metric("molnkoll.security.events", type);
    }

    private double metric(String name, String type) {
        Api.Response response = Api.at(port).as("admin").get("/actuator/metrics/" + name + (type == null ? "" : "?tag=type:" + type));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("measurements").get(0).get("value").asDouble();
    }

    private Api basic(String user, String password) {
        return Api.at(port).anonymous().withHeader("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A user agent with cookies that does not follow redirects; with an address, it comes from there
     * (named by X-Forwarded-For, which Molnkoll takes from a proxy on this machine).
     */
    private final class Agent {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String address;

        Agent() {
            this(null);
        }

        Agent(String address) {
            this.address = address;
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            return address == null ? request : request.header("X-Forwarded-For", address);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Signs in through the login form; where it leads. */
        String signIn(String user, String password) throws Exception {
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
            assertThat(csrf.find()).isTrue();
            StringBuilder body = new StringBuilder();
            Map.of("username", user, "password", password, "_csrf", csrf.group(1)).forEach((k, v) -> body
                    .append(body.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            HttpResponse<String> response = http.send(request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
            return response.headers().firstValue("Location").orElseThrow();
        }

        String session() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }
    }
}
