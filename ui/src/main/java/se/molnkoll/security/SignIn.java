package se.molnkoll.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who can sign in: the configured users (and the demo users when on), each with a bcrypt hash, a role
 * and maybe organisation units; the check of a name and password with its lockout; and single sign-on
 * when it is on. What each may do once signed in: {@link SecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class SignIn {

    private static final Logger log = LoggerFactory.getLogger(SignIn.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The login form's and HTTP Basic's check of a name and password, with lockout (see {@link PasswordSignIn}). */
    @Bean
    AuthenticationProvider passwordSignIn(UserDetailsService users, PasswordEncoder encoder, LoginAttempts attempts,
                                          SecurityEvents events, java.time.Clock clock,
                                          io.micrometer.core.instrument.MeterRegistry meters) {
        return new PasswordSignIn(users, encoder, attempts, events, clock, meters);
    }

    /** Single sign-on, when molnkoll.oidc.enabled=true; the provider must answer at startup. */
    @Bean
    @ConditionalOnProperty(name = "molnkoll.oidc.enabled", havingValue = "true")
    Oidc oidc(OidcProperties properties) {
        return new Oidc(properties);
    }

    @Bean
    UserDetailsService users(UserProperties properties, @Value("${molnkoll.demo-users}") boolean demoUsers) {
        List<UserProperties.User> all = new ArrayList<>(properties.users());
        if (demoUsers) {
            all.addAll(DemoUsers.ALL);
            log.warn("Demo users manager, auditor, viewer and admin are ON, each with its user name as password"
                    + " (molnkoll.demo-users=true). Never use them with real data.");
        }
        Set<String> seen = new HashSet<>();
        List<UserDetails> details = new ArrayList<>();
        for (UserProperties.User user : all) {
            details.add(toUserDetails(user, seen));
        }
        if (details.isEmpty()) {
            log.warn("No users are configured (molnkoll.security.users) and demo users are off: nobody can sign in.");
        }
        return new InMemoryUserDetailsManager(details);
    }

    private static UserDetails toUserDetails(UserProperties.User user, Set<String> seen) {
        if (user.username() == null || user.username().isBlank()) {
            throw new IllegalStateException("A configured user has no username (molnkoll.security.users)");
        }
        if (!seen.add(user.username())) {
            throw new IllegalStateException("User " + user.username() + " is configured twice");
        }
        String hash = user.passwordHash() == null ? "" : user.passwordHash();
        if (hash.startsWith("$2")) {
            hash = "{bcrypt}" + hash;
        }
        if (!hash.startsWith("{bcrypt}$2")) {
            throw new IllegalStateException("User " + user.username()
                    + " needs a bcrypt password-hash ({bcrypt}$2a$...); plain-text passwords are not accepted");
        }
        if (user.roles() == null || user.roles().isEmpty()) {
            throw new IllegalStateException("User " + user.username() + " has no role; give one of "
                    + List.of(Role.values()));
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        authorities.addAll(UnitScope.authorities(user.units())); // given, even empty, it limits
        return User.withUsername(user.username()).password(hash).authorities(authorities).build();
    }
}
