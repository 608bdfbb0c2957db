package se.molnkoll.query.runtime;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import se.molnkoll.query.persistence.AxonTables;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read models' positions: each processor segment's token, whichever instance processes it. What
 * an instance's own processors report covers only the segments it has claimed, and nothing on an
 * instance without the query role; the tokens in the database cover them all, for read-your-writes,
 * health and rebuild on any instance. For a segment this instance holds, its processor's own view is
 * taken: it is the newer (the database gets the token when a batch commits). Reading claims nothing.
 */
@Component
public class StoredTokens {

    private final AxonTables axon;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;

    public StoredTokens(AxonTables axon, @Qualifier("serializer") Serializer serializer,
                        EventProcessingConfiguration processing) {
        this.axon = axon;
        this.serializer = serializer;
        this.processing = processing;
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
        return axon.tokens(readModels).stream()
                .map(this::segment)
                .map(this::asKnownHere)
                .toList();
    }

    /** The segment as this instance's processor sees it, if it holds it; else as stored. */
    private Segment asKnownHere(Segment stored) {
        EventTrackerStatus here = processing.eventProcessor(stored.readModel(), StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().get(stored.segment())).orElse(null);
        if (here == null) {
            return stored;
        }
        GapAwareTrackingToken position = here.getTrackingToken() == null ? null
                : WrappedToken.unwrap(here.getTrackingToken(), GapAwareTrackingToken.class).orElse(null);
        return position == null ? stored : new Segment(stored.readModel(), stored.segment(), position.getIndex(),
                Set.copyOf(position.getGaps()), here.isReplaying(), stored.owner(), stored.claimedAt());
    }

    /** Whether every segment of the read model (at least one) has dealt with the event at this position. */
    public boolean haveProcessed(String readModel, long position) {
        List<Segment> segments = of(List.of(readModel));
        return !segments.isEmpty() && segments.stream().allMatch(s -> s.hasProcessed(position));
    }

    /**
     * Whether, as stored, each segment of processor {@code by} has handled every event the same segment of
     * processor {@code of} has (both split into the same segments); read in the caller's transaction.
     */
    public boolean covers(String by, String of) {
        Map<Integer, GapAwareTrackingToken> ahead = stored(by);
        Map<Integer, GapAwareTrackingToken> behind = stored(of);
        if (!ahead.keySet().equals(behind.keySet())) return false;
        for (Map.Entry<Integer, GapAwareTrackingToken> segment : behind.entrySet()) {
            GapAwareTrackingToken mine = ahead.get(segment.getKey());
            if (segment.getValue() != null && (mine == null || !mine.covers(segment.getValue()))) return false;
        }
        return true;
    }

    private Map<Integer, GapAwareTrackingToken> stored(String processor) {
        Map<Integer, GapAwareTrackingToken> tokens = new java.util.HashMap<>();
        for (TokenEntry entry : axon.tokens(List.of(processor))) {
            TrackingToken token = entry.getToken(serializer);
            tokens.put(entry.getSegment(), token == null ? null : WrappedToken.unwrap(token, GapAwareTrackingToken.class).orElse(null));
        }
        return tokens;
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
