package se.molnkoll.pages.dashboard;

import org.junit.jupiter.api.Test;
import se.molnkoll.kernel.CloudServiceId;
import se.molnkoll.kernel.Phase;
import se.molnkoll.kernel.query.CloudServiceSummary;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's chart: each phase's bar is the open work of the services in that phase, nothing else. */
class OpenWhereTheServicesAreTest {

    @Test
    void a_service_counts_only_in_the_phase_it_is_in_and_a_decommissioned_one_not_at_all() {
        CloudServiceSummary acquiring = service(Phase.ACQUIRE, false, 12, 28, 10);
        CloudServiceSummary operating = service(Phase.OPERATE, false, 0, 5, 10);
        CloudServiceSummary exiting = service(Phase.EXIT, false, 0, 0, 3);
        CloudServiceSummary decommissioned = service(Phase.EXIT, true, 0, 0, 2);
        assertThat(DashboardPage.openWhereTheServicesAre(List.of(acquiring, operating, exiting, decommissioned)))
                .isEqualTo(Map.of(Phase.ACQUIRE, 12L, Phase.OPERATE, 5L, Phase.EXIT, 3L));
        assertThat(DashboardPage.openWhereTheServicesAre(List.of()))
                .isEqualTo(Map.of(Phase.ACQUIRE, 0L, Phase.OPERATE, 0L, Phase.EXIT, 0L));
    }

    private static CloudServiceSummary service(Phase phase, boolean decommissioned, long acquire, long operate, long exit) {
        return new CloudServiceSummary(CloudServiceId.random(), "Tjänst", "Moln AB", "Enhet", phase, true, decommissioned,
                Map.of(Phase.ACQUIRE, acquire, Phase.OPERATE, operate, Phase.EXIT, exit));
    }
}
