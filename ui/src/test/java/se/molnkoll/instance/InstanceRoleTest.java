package se.molnkoll.instance;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceRoleTest {

    @Test
    void all_or_nothing_said_is_every_role() {
        assertThat(InstanceRole.parse("all")).isEqualTo(EnumSet.allOf(InstanceRole.class));
        assertThat(InstanceRole.parse(" ALL ")).isEqualTo(EnumSet.allOf(InstanceRole.class));
        assertThat(InstanceRole.parse("")).isEqualTo(EnumSet.allOf(InstanceRole.class));
    }

    @Test
    void a_comma_list_names_the_roles() {
        assertThat(InstanceRole.parse("command")).containsExactly(InstanceRole.COMMAND);
        assertThat(InstanceRole.parse("query")).containsExactly(InstanceRole.QUERY);
        assertThat(InstanceRole.parse("Query, command")).containsExactly(InstanceRole.COMMAND, InstanceRole.QUERY);
    }

    @Test
    void anything_else_is_refused_saying_what_is_taken() {
        assertThatThrownBy(() -> InstanceRole.parse("command,projections"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("molnkoll.roles")
                .hasMessageContaining("\"command\" and \"query\"")
                .hasMessageContaining("command,projections");
    }
}
