package se.molnkoll.instance;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an instance of Molnkoll does, from {@value #PROPERTY}: {@code all} (the default: one instance
 * does everything), or a comma list of {@code command} and {@code query}. Several instances of any
 * roles share one PostgreSQL database; the event store and the read models' tokens in it are what
 * they share, nothing else. Which component needs which role: {@link RoleFilter}.
 */
public enum InstanceRole {

    /** Takes commands: the cloud services (aggregates), the expiry sweep, the demo data. */
    COMMAND,
    /** Keeps the read models: the projections and the hash chain, which follow the event store. */
    QUERY;

    public static final String PROPERTY = "molnkoll.roles";

    /** The roles a value of {@value #PROPERTY} names; refuses anything else, saying what it takes. */
    public static Set<InstanceRole> parse(String value) {
        String roles = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (roles.isEmpty() || roles.equals("all")) {
            return EnumSet.allOf(InstanceRole.class);
        }
        Set<InstanceRole> parsed = EnumSet.noneOf(InstanceRole.class);
        for (String role : roles.split(",")) {
            parsed.add(Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(role.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(PROPERTY + " is \"all\" or a comma list of"
                            + " \"command\" and \"query\", not \"" + value + "\"")));
        }
        return parsed;
    }
}
