package se.molnkoll.query.measures;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Recorded evidence. */
public interface EvidenceEntries extends JpaRepository<EvidenceEntry, String> {

    List<EvidenceEntry> findByServiceIdOrderByRecordedAtAscEvidenceIdAsc(String serviceId);
}
