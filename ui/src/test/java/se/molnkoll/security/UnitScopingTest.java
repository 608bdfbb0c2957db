package se.molnkoll.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.molnkoll.support.Api;
import se.molnkoll.support.ContractForMockMvc;
import se.molnkoll.support.TestClock;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A contract manager limited to an organisation unit changes only that unit's services: a change to
 * another unit's service is refused with 403 and writes nothing, through the API and the pages alike.
 * Reading is not limited, and an unlimited manager (the demo user) changes every unit's services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestClock.class, ContractForMockMvc.class})
class UnitScopingTest {

    static final String HEALTH_CARE = "Hälso- och sjukvård";

    @DynamicPropertySource
    static void aManagerOfOneUnit(DynamicPropertyRegistry properties) {
        properties.add("molnkoll.security.users[0].username", () -> "karin");
        properties.add("molnkoll.security.users[0].password-hash", () -> "{bcrypt}" + new BCryptPasswordEncoder().encode("karins-lösen"));
        properties.add("molnkoll.security.users[0].roles", () -> "CONTRACT_MANAGER");
        properties.add("molnkoll.security.users[0].units", () -> HEALTH_CARE + ",Tandvård");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void a_limited_manager_changes_only_their_units_services() throws Exception {
        Api karin = karin();
        Api.Response own = karin.post("/api/services", service("Journalen", HEALTH_CARE));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        String ownId = own.json().get("id").asText();
        assertThat(karin.put("/api/services/" + ownId + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                "availability", 1, "secrecy", false, "personalData", false)).status()).isEqualTo(200);

        long before = events();
        Api.Response elsewhere = karin.post("/api/services", service("Lönesystemet", "HR"));
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
        assertThat(events()).isEqualTo(before);

        // the unlimited demo manager registers a service of another unit; karin may read it, not change it
        String other = Api.at(port).as("manager").post("/api/services", service("Ekonomisystemet", "Ekonomi"))
                .json().get("id").asText();
        before = events();
        assertThat(karin.get("/api/services/" + other).status()).isEqualTo(200);
        assertThat(karin.put("/api/services/" + other + "/classification", Map.of("confidentiality", 1, "integrity", 1,
                "availability", 1, "secrecy", false, "personalData", false)).status()).isEqualTo(403);
        assertThat(karin.post("/api/services/" + other + "/termination", Map.of("terminatedOn", "2026-11-26",
                "reason", "x")).status()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
        assertThat(Api.at(port).as("manager").post("/api/services/" + other + "/termination",
                Map.of("terminatedOn", "2026-11-26", "reason", "Upphandlas igen")).status()).isEqualTo(200);
    }

    @Test
    void moving_a_service_to_another_unit_needs_the_right_to_both_units() throws Exception {
        Api karin = karin();
        String own = karin.post("/api/services", service("Remisser", HEALTH_CARE)).json().get("id").asText();
        long before = events();
        // out of her units: refused, nothing recorded, by the API and by the form
        Api.Response away = karin.post("/api/services/" + own + "/corrections",
                Map.of("organisationUnit", "Ekonomi", "reason", "Omorganisation"));
        assertThat(away.status()).as(away.toString()).isEqualTo(403);
        assertThat(mvc.perform(post("/services/" + own + "/correction").param("name", "Remisser").param("vendor", "Moln AB")
                .param("serviceModel", "SAAS").param("organisationUnit", "Ekonomi").param("owner", "O")
                .param("reason", "Omorganisation").with(asKarin()).with(csrf()))
                .andReturn().getResponse().getContentAsString()).contains("id=\"organisationUnit-error\"");
        assertThat(events()).isEqualTo(before);
        // between her own units: done, and the service is then of the other unit
        Api.Response moved = karin.post("/api/services/" + own + "/corrections",
                Map.of("organisationUnit", "Tandvård", "reason", "Omorganisation"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("organisationUnit").asText()).isEqualTo("Tandvård");
        // a service of another unit cannot be taken into hers
        String other = Api.at(port).as("manager").post("/api/services", service("Kassan", "Ekonomi")).json().get("id").asText();
        before = events();
        assertThat(karin.post("/api/services/" + other + "/corrections", Map.of("organisationUnit", HEALTH_CARE,
                "reason", "Vi tar över")).status()).isEqualTo(403);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void the_pages_offer_a_limited_manager_no_controls_for_other_units_and_refuse_them() throws Exception {
        String other = Api.at(port).as("manager").post("/api/services", service("Kartor", "Kollektivtrafik"))
                .json().get("id").asText();
        String page = mvc.perform(get("/services/" + other).with(asKarin())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Kartor</h1>").doesNotContain("Klassa informationen", "Säg upp avtalet");
        long before = events();
        assertThat(mvc.perform(post("/services/" + other + "/operation").with(asKarin()).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/services/new").param("name", "Fel enhet").param("vendor", "V").param("serviceModel", "SAAS")
                .param("organisationUnit", "Kollektivtrafik").param("owner", "O").with(asKarin()).with(csrf()))
                .andReturn().getResponse().getContentAsString()).contains("id=\"organisationUnit-error\"",
                "Du får bara registrera tjänster för Hälso- och sjukvård, Tandvård.");
        assertThat(events()).isEqualTo(before);
        String form = mvc.perform(get("/services/new").with(asKarin())).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("<option value=\"Hälso- och sjukvård\"").doesNotContain("type=\"text\" id=\"organisationUnit\"");
        assertThat(form.split("id=\"organisationUnit\"", -1)).hasSize(2);
    }

    /** Karin signed in for MockMvc, with her configured authorities (units included). */
    private org.springframework.test.web.servlet.request.RequestPostProcessor asKarin() {
        return request -> {
            org.springframework.security.core.userdetails.UserDetails karin = users.loadUserByUsername("karin");
            return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                    .user(karin).postProcessRequest(request);
        };
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    private Api karin() {
        String basic = Base64.getEncoder().encodeToString("karin:karins-lösen".getBytes(StandardCharsets.UTF_8));
        return Api.at(port).anonymous().withHeader("Authorization", "Basic " + basic);
    }

    private static Map<String, Object> service(String name, String unit) {
        return Map.of("name", name, "vendor", "Moln AB", "serviceModel", "SAAS", "organisationUnit", unit, "owner", "Karin");
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
