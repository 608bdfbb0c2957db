package se.molnkoll.query.vendors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the location check knows of each service, as it was at a moment of recorded time. */
public interface ServiceLocationEntries extends JpaRepository<ServiceLocationEntry, Long> {

    @Query("select x from ServiceLocationEntry x where x.serviceId = :serviceId and x.recordedTo is null")
    Optional<ServiceLocationEntry> current(@Param("serviceId") String serviceId);

    @Query("select x from ServiceLocationEntry x where x.vendorId = :vendorId and x.recordedTo is null")
    List<ServiceLocationEntry> currentOfVendor(@Param("vendorId") String vendorId);

    @Query("select x from ServiceLocationEntry x where x.declared = true and x.recordedTo is null")
    List<ServiceLocationEntry> currentDeclared();

    @Query("select x from ServiceLocationEntry x where x.serviceId = :serviceId and x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at)")
    Optional<ServiceLocationEntry> at(@Param("serviceId") String serviceId, @Param("at") Instant at);

    /** Every version of the service's, oldest first: when each conflict began and ended. */
    @Query("select x from ServiceLocationEntry x where x.serviceId = :serviceId order by x.recordedFrom, x.recordedTo nulls last")
    List<ServiceLocationEntry> history(@Param("serviceId") String serviceId);

    /**
     * With the register's name, unit and vendor text as known at the same moment; services archived or
     * decommissioned are left out; of the unit (null: every unit), in conflict only if asked.
     */
    @Query("""
            select x, s.name, s.organisationUnit, s.vendor from ServiceLocationEntry x, CloudServiceEntry s
            where s.serviceId = x.serviceId and s.archived = false and s.decommissioned = false
              and x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at)
              and s.recordedFrom <= :at and (s.recordedTo is null or s.recordedTo > :at)
              and (:unit is null or s.organisationUnit = :unit) and (:conflictOnly = false or x.inConflict = true)
            order by s.name, x.serviceId""")
    List<Object[]> at(@Param("at") Instant at, @Param("unit") String unit, @Param("conflictOnly") boolean conflictOnly);

    /** The services in use in location conflict at the moment, per organisation unit as the register had it then. */
    @Query("""
            select s.organisationUnit, count(x) from ServiceLocationEntry x, CloudServiceEntry s
            where s.serviceId = x.serviceId and s.archived = false and s.decommissioned = false and x.inConflict = true
              and x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at)
              and s.recordedFrom <= :at and (s.recordedTo is null or s.recordedTo > :at)
            group by s.organisationUnit""")
    List<Object[]> conflictsPerUnit(@Param("at") Instant at);

    /** One service's (decommissioned too, not archived), with the register's name, unit and vendor text as known at the same moment. */
    @Query("""
            select x, s.name, s.organisationUnit, s.vendor from ServiceLocationEntry x, CloudServiceEntry s
            where s.serviceId = x.serviceId and x.serviceId = :serviceId and s.archived = false
              and x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at)
              and s.recordedFrom <= :at and (s.recordedTo is null or s.recordedTo > :at)""")
    List<Object[]> oneAt(@Param("serviceId") String serviceId, @Param("at") Instant at);

    /** The services in use linked to the vendor, with the register's name and unit as known at the same moment. */
    @Query("""
            select x, s.name, s.organisationUnit from ServiceLocationEntry x, CloudServiceEntry s
            where s.serviceId = x.serviceId and x.vendorId = :vendorId and s.archived = false and s.decommissioned = false
              and x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at)
              and s.recordedFrom <= :at and (s.recordedTo is null or s.recordedTo > :at)
            order by s.name""")
    List<Object[]> ofVendorAt(@Param("vendorId") String vendorId, @Param("at") Instant at);
}
