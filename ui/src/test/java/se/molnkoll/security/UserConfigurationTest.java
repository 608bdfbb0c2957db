package se.molnkoll.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import se.molnkoll.support.Api;
import se.molnkoll.support.TestClock;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With the postgres profile the demo users are off and only configured users (bcrypt hashes) sign
 * in. The database is switched to H2 here: this is about the profile's user rules, not PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:users-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "molnkoll.security.users[0].username=karin",
        // bcrypt of "hemligt-lösenord"
        "molnkoll.security.users[0].password-hash=$2a$10$jOe4GLq82XrXt0LWr7rjJevSn9Y2S8.1Zdk2W2pWgnAAGiRZyC2nu",
        "molnkoll.security.users[0].roles=AUDITOR"})
@ActiveProfiles("postgres")
@Import(TestClock.class)
class UserConfigurationTest {

    @LocalServerPort
    int port;

    @Test
    void the_postgres_profile_has_no_demo_users_but_configured_users_sign_in() {
        Api api = Api.at(port);
        assertThat(api.as("manager").get("/api/services").status()).isEqualTo(401);
        assertThat(api.as("admin").get("/api/services").status()).isEqualTo(401);
        String karin = java.util.Base64.getEncoder().encodeToString("karin:hemligt-lösenord".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(api.withHeader("Authorization", "Basic " + karin).get("/api/audit").status()).isEqualTo(200);
        assertThat(api.withHeader("Authorization", "Basic " + karin).post("/api/services", "{}").status()).isEqualTo(403);
    }

    @Test
    void a_user_without_a_bcrypt_hash_or_a_role_stops_startup() {
        SignIn configuration = new SignIn();
        assertThatThrownBy(() -> configuration.users(new UserProperties(List.of(
                new UserProperties.User("eve", "{noop}password", Set.of(Role.ADMIN), null))), false))
                .hasMessageContaining("eve needs a bcrypt password-hash");
        assertThatThrownBy(() -> configuration.users(new UserProperties(List.of(
                new UserProperties.User("eve", "$2a$10$jOe4GLq82XrXt0LWr7rjJevSn9Y2S8.1Zdk2W2pWgnAAGiRZyC2nu", Set.of(), null))), false))
                .hasMessageContaining("eve has no role");
        assertThatThrownBy(() -> configuration.users(new UserProperties(List.of(
                new UserProperties.User("manager", "$2a$10$jOe4GLq82XrXt0LWr7rjJevSn9Y2S8.1Zdk2W2pWgnAAGiRZyC2nu", Set.of(Role.ADMIN), null))), true))
                .hasMessageContaining("manager is configured twice");
    }
}
