package se.molnkoll.config;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The read models' positions as the database holds them: each processor segment's token, whichever
 * instance processes it. What an instance's own processors report covers only the segments it has
 * claimed, and nothing on an instance without the query role; this covers them all, for
 * read-your-writes and health on any instance. Reading does not claim anything.
 */
@Component
public class StoredTokens {

    @PersistenceContext
    private EntityManager entityManager;
    private final Serializer serializer;

    public StoredTokens(@Qualifier("serializer") Serializer serializer) {
        this.serializer = serializer;
    }

    /**
     * One segment of a read model: how far it is (null before its first event), whether it is replaying
     * the store (a rebuild), who holds it and when they last said so.
     */
    public record Segment(String readModel, int segment, Long index, Set<Long> gaps, boolean replaying, String owner,
                          Instant claimedAt) {

        /** Whether this segment has dealt with the event at this position. */
        public boolean hasProcessed(long position) {
            return index != null && index >= position && !gaps.contains(position);
        }
    }

    public List<Segment> of(Collection<String> readModels) {
        return entityManager.createQuery("select t from TokenEntry t where t.processorName in :names order by"
                        + " t.processorName, t.segment", TokenEntry.class)
                .setParameter("names", readModels)
                .getResultList().stream()
                .map(this::segment)
                .toList();
    }

    /** Whether every segment of the read model (at least one) has dealt with the event at this position. */
    public boolean haveProcessed(String readModel, long position) {
        List<Segment> segments = of(List.of(readModel));
        return !segments.isEmpty() && segments.stream().allMatch(s -> s.hasProcessed(position));
    }

    private Segment segment(TokenEntry entry) {
        TrackingToken token = entry.getToken(serializer);
        GapAwareTrackingToken position = token == null ? null
                : WrappedToken.unwrap(token, GapAwareTrackingToken.class).orElse(null);
        return new Segment(entry.getProcessorName(), entry.getSegment(), position == null ? null : position.getIndex(),
                position == null ? Set.of() : Set.copyOf(position.getGaps()), token instanceof ReplayToken, entry.getOwner(),
                entry.getOwner() == null ? null : entry.timestamp());
    }
}
