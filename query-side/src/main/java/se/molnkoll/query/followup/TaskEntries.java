package se.molnkoll.query.followup;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tasks, as they were at a moment of recorded time. */
public interface TaskEntries extends JpaRepository<TaskEntry, Long> {

    @Query("select x from TaskEntry x where x.taskId = :taskId and x.recordedTo is null")
    Optional<TaskEntry> current(@Param("taskId") String taskId);

    /** With the service's name and unit as known at the same moment; services archived or decommissioned are left out. */
    @Query("""
            select x, s.name, s.organisationUnit from TaskEntry x, CloudServiceEntry s
            where s.serviceId = x.serviceId and s.archived = false and s.decommissioned = false
              and x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at)
              and s.recordedFrom <= :at and (s.recordedTo is null or s.recordedTo > :at)
              and (:assignee is null or x.assignee = :assignee) and (:serviceId is null or x.serviceId = :serviceId)
              and (:openOnly = false or x.done = false)
            order by x.done, x.dueOn, s.name, x.taskId""")
    List<Object[]> at(@Param("at") Instant at, @Param("assignee") String assignee, @Param("serviceId") String serviceId,
                      @Param("openOnly") boolean openOnly);
}
