package se.molnkoll.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The organisation units a user may change services of. A user limited to units carries the authority
 * {@value #LIMITED} and one {@code UNIT:<name>} per unit (from configuration, or from a claim of the
 * single sign-on token); a user without {@value #LIMITED} may change every unit's services, as their
 * role allows. Reading is not limited.
 */
public final class UnitScope {

    public static final String LIMITED = "UNITS_LIMITED";
    private static final String UNIT = "UNIT:";

    private UnitScope() {
    }

    /** The authorities that limit a user to these units (none at all if {@code units} is null). */
    public static List<GrantedAuthority> authorities(Collection<String> units) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (units == null) return authorities;
        authorities.add(new SimpleGrantedAuthority(LIMITED));
        units.stream().filter(u -> u != null && !u.isBlank())
                .forEach(u -> authorities.add(new SimpleGrantedAuthority(UNIT + u.strip())));
        return authorities;
    }

    /** The units the user is limited to; empty when they are not limited. */
    public static Optional<Set<String>> of(Authentication who) {
        if (who == null || who.getAuthorities().stream().noneMatch(a -> LIMITED.equals(a.getAuthority()))) {
            return Optional.empty();
        }
        Set<String> units = new TreeSet<>();
        for (GrantedAuthority authority : who.getAuthorities()) {
            if (authority.getAuthority().startsWith(UNIT)) units.add(authority.getAuthority().substring(UNIT.length()));
        }
        return Optional.of(units);
    }

    /** Whether the user may change the services of this unit. */
    public static boolean allows(Authentication who, String unit) {
        return of(who).map(units -> unit != null && units.contains(unit)).orElse(true);
    }
}
