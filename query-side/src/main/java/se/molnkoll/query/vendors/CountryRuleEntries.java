package se.molnkoll.query.vendors;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Administrators' changes of country rules, as they were at a moment of recorded time. */
public interface CountryRuleEntries extends JpaRepository<CountryRuleEntry, Long> {

    @Query("select x from CountryRuleEntry x where x.country = :country and x.recordedTo is null")
    Optional<CountryRuleEntry> current(@Param("country") String country);

    @Query("select x from CountryRuleEntry x where x.recordedFrom <= :at and (x.recordedTo is null or x.recordedTo > :at) order by x.country")
    List<CountryRuleEntry> at(@Param("at") Instant at);
}
