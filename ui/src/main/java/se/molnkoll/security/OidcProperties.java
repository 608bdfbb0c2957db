package se.molnkoll.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Single sign-on through the region's OpenID Connect provider, off unless {@code enabled}. For example:
 * <pre>
 * molnkoll.oidc.enabled=true
 * molnkoll.oidc.issuer-uri=https://login.example.se/realms/region
 * molnkoll.oidc.client-id=molnkoll
 * molnkoll.oidc.client-secret=${MOLNKOLL_OIDC_CLIENT_SECRET}
 * molnkoll.oidc.groups-claim=groups
 * molnkoll.oidc.roles.CONTRACT_MANAGER=molnkoll-avtalsansvariga
 * molnkoll.oidc.roles.AUDITOR=molnkoll-granskare,internrevision
 * </pre>
 *
 * @param issuerUri     the provider's issuer; its discovery document gives every endpoint and its keys
 * @param clientId      this application's client at the provider (the pages sign in with it)
 * @param clientSecret  its secret (from the environment, never from a file in the repository)
 * @param audience      what a bearer token for the API must name in {@code aud}; default the client id
 * @param userNameClaim the claim that names the user in the audit trail (default {@code preferred_username};
 *                      the subject, {@code sub}, when a token lacks it)
 * @param groupsClaim   the claim with the user's groups (default {@code groups}); a list, or one string as one group
 * @param roles         for each role, the groups that give it; a user with none of them has no role
 * @param scopes        the scopes asked for at sign-in (default openid, profile, email)
 * @param unitsClaim    if set, the claim with the organisation units whose services the user may change;
 *                      a user whose token lacks it may change none (reading is not limited)
 */
@ConfigurationProperties("molnkoll.oidc")
@Validated
public record OidcProperties(boolean enabled, String issuerUri, String clientId, String clientSecret, String audience,
                             @DefaultValue("preferred_username") @NotBlank String userNameClaim,
                             @DefaultValue("groups") @NotBlank String groupsClaim, Map<Role, List<String>> roles,
                             @DefaultValue({"openid", "profile", "email"}) @NotEmpty Set<String> scopes, String unitsClaim) {

    public OidcProperties {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        scopes = Set.copyOf(scopes);
    }
}
