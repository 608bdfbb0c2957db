package se.molnkoll.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Set;

/**
 * Users from configuration, e.g.
 * <pre>
 * molnkoll.security.users[0].username=anna
 * molnkoll.security.users[0].password-hash={bcrypt}$2a$10$...
 * molnkoll.security.users[0].roles=CONTRACT_MANAGER
 * </pre>
 * The demo users are a switch of their own, {@code molnkoll.demo-users} (see {@link SignIn}).
 */
@ConfigurationProperties("molnkoll.security")
public record UserProperties(List<User> users) {

    public UserProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** @param units if given, the organisation units whose services the user may change (reading is not limited) */
    public record User(String username, String passwordHash, Set<Role> roles, Set<String> units) {
    }
}
