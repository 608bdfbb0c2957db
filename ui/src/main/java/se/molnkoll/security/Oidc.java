package se.molnkoll.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What single sign-on needs once it is on: the client registration (pages sign in through the
 * provider), a decoder for bearer tokens (the API), and the mapping from the groups in a token to
 * Molnkoll's roles. The acting user is the configured name claim, else the subject.
 */
public final class Oidc {

    public static final String REGISTRATION_ID = "region";
    private static final Logger log = LoggerFactory.getLogger(Oidc.class);

    private final OidcProperties properties;
    private final ClientRegistrationRepository registrations;
    private final JwtDecoder jwtDecoder;

    Oidc(OidcProperties properties) {
        this.properties = properties;
        require(properties.issuerUri(), "molnkoll.oidc.issuer-uri");
        require(properties.clientId(), "molnkoll.oidc.client-id");
        require(properties.clientSecret(), "molnkoll.oidc.client-secret");
        if (properties.roles().isEmpty()) {
            log.warn("Single sign-on is on but molnkoll.oidc.roles maps no group to a role: nobody signing in has a role");
        }
        // discovery now: a wrong issuer stops startup with its address rather than failing the first sign-in
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .scope(properties.scopes())
                .userNameAttributeName(properties.userNameClaim())
                .build();
        this.registrations = new InMemoryClientRegistrationRepository(registration);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(properties.issuerUri())); // signature, issuer, expiry
        // a token for another application of the same provider is not one for Molnkoll
        String audience = properties.audience() == null || properties.audience().isBlank()
                ? properties.clientId() : properties.audience();
        validators.add(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is not meant for " + audience, null)));
        // an ID token (it carries the sign-in's nonce) says who signed in; it is no access token for the API
        validators.add(jwt -> jwt.hasClaim("nonce")
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "An ID token is not an access token", null))
                : OAuth2TokenValidatorResult.success());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        this.jwtDecoder = decoder;
        log.info("Single sign-on through {} (client {}); groups from claim '{}', user name from '{}'",
                properties.issuerUri(), properties.clientId(), properties.groupsClaim(), properties.userNameClaim());
    }

    public ClientRegistrationRepository registrations() {
        return registrations;
    }

    public JwtDecoder jwtDecoder() {
        return jwtDecoder;
    }

    /** The signed-in user from the ID token: named by the configured claim, with the roles of their groups. */
    public OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Map<String, Object> claims = user.getClaims();
            return new DefaultOidcUser(authorities(claims), user.getIdToken(), user.getUserInfo(), nameClaim(claims));
        };
    }

    /** A bearer token for the API: named and given roles the same way. */
    public Converter<Jwt, AbstractAuthenticationToken> jwtAuthentication() {
        return jwt -> new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), jwt.getClaimAsString(nameClaim(jwt.getClaims())));
    }

    /** The configured name claim when the token has it (not blank), else the subject. */
    private String nameClaim(Map<String, Object> claims) {
        Object name = claims.get(properties.userNameClaim());
        return name != null && !name.toString().isBlank() ? properties.userNameClaim() : "sub";
    }

    /** The roles the groups in these claims give. */
    Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<String> groups = groups(claims.get(properties.groupsClaim()));
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        properties.roles().forEach((role, roleGroups) -> {
            if (roleGroups.stream().anyMatch(groups::contains)) authorities.add(new SimpleGrantedAuthority(role.authority()));
        });
        if (properties.unitsClaim() != null && !properties.unitsClaim().isBlank()) {
            authorities.addAll(UnitScope.authorities(groups(claims.get(properties.unitsClaim()))));
        }
        return authorities;
    }

    /** A claim's values: a list, or one string as one value ("Hälso- och sjukvård" is one unit, not three). */
    private static Set<String> groups(Object claim) {
        Set<String> groups = new LinkedHashSet<>();
        if (claim instanceof Collection<?> many) {
            many.forEach(g -> groups.add(String.valueOf(g).strip()));
        } else if (claim instanceof String one && !one.isBlank()) {
            groups.add(one.strip());
        }
        return groups;
    }

    private static void require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Single sign-on is on (molnkoll.oidc.enabled=true) but " + property + " is not set");
        }
    }
}
