package se.molnkoll.query.chain;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.molnkoll.kernel.query.ChainHead;
import se.molnkoll.kernel.query.ChainVerification;
import se.molnkoll.kernel.query.ChainVerification.Finding;
import se.molnkoll.kernel.query.ChainVerification.FindingKind;
import se.molnkoll.kernel.query.FindChainHead;
import se.molnkoll.kernel.query.VerifyChain;
import se.molnkoll.query.persistence.AxonTables;
import se.molnkoll.query.persistence.AxonTables.ChainedEvent;
import se.molnkoll.query.persistence.StoredEvent;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The chain's head, and its verification: every link recomputed from the event store's rows as
 * they are now, in chain order, and compared with the stored link, so that the first event whose
 * stored content changed (or that vanished, or that was slipped in among chained ones) is named.
 */
@Component
public class ChainQueries {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final AxonTables axon;
    private final Clock clock;
    private final TransactionTemplate readOnly;

    public ChainQueries(JdbcTemplate jdbc, AxonTables axon, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.axon = axon;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @QueryHandler
    public ChainHead handle(FindChainHead query) {
        return readOnly.execute(tx -> head());
    }

    @QueryHandler
    public ChainVerification handle(VerifyChain query) {
        return readOnly.execute(tx -> verify(query));
    }

    private ChainHead head() {
        long stored = axon.eventCount();
        List<ChainHead> last = jdbc.query("select link, global_index, event_identifier, hash, chained_at from event_chain"
                        + " order by link desc limit 1",
                (rs, i) -> new ChainHead(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), stored));
        return last.isEmpty() ? new ChainHead(0, null, null, null, null, stored) : last.get(0);
    }

    private ChainVerification verify(VerifyChain query) {
        ChainHead head = head();
        String previous = ChainHash.GENESIS;
        long checked = 0;
        long afterLink = 0;
        boolean externalSeen = false;
        while (true) {
            List<ChainedEvent> batch = axon.chainedEvents(afterLink, head.links(), BATCH);
            if (batch.isEmpty()) break;
            for (ChainedEvent link : batch) {
                if (link.link() != afterLink + 1) {
                    return broken(checked, head, new Finding(FindingKind.LINK_MISSING, link.position(), afterLink + 1,
                            null, null, null, null, null, "Link " + (afterLink + 1) + " is gone from the chain (the"
                            + " next one left is link " + link.link() + ", position " + link.position()
                            + "): links were deleted"));
                }
                if (link.event() == null) {
                    return broken(checked, head, new Finding(FindingKind.MISSING, link.position(), link.link(),
                            link.chainedIdentifier(), null, null, null, null,
                            "Event " + link.chainedIdentifier() + " was chained at position " + link.position()
                                    + " but that position is no longer in the event store"));
                }
                String recomputed = ChainHash.next(previous, link.event());
                if (!recomputed.equals(link.hash())) {
                    return broken(checked, head, finding(FindingKind.ALTERED, link, link.event(),
                            "The event stored at position " + link.position() + " is not what was chained"
                                    + (link.chainedIdentifier().equals(link.event().eventIdentifier()) ? ""
                                    : " (it was " + link.chainedIdentifier() + ")")
                                    + ": its content changed after it was recorded"));
                }
                if (query.position() != null && query.position() == link.position()) {
                    externalSeen = true;
                    if (!recomputed.equalsIgnoreCase(query.hash())) {
                        return broken(checked + 1, head, finding(FindingKind.HEAD_MISMATCH, link, link.event(),
                                "The chain's hash at position " + link.position() + " is " + recomputed
                                        + ", not the " + query.hash() + " recorded outside Molnkoll: history up to"
                                        + " there was rewritten, links included"));
                    }
                }
                previous = recomputed;
                checked++;
                afterLink = link.link();
            }
        }
        return afterTheLinks(query, head, checked, externalSeen);
    }

    /**
     * Once every link checked out: the position noted outside must have been among them, and no stored
     * event below the highest chained position may be missing from the chain.
     */
    private ChainVerification afterTheLinks(VerifyChain query, ChainHead head, long checked, boolean externalSeen) {
        if (query.position() != null && !externalSeen) {
            return broken(checked, head, new Finding(FindingKind.UNKNOWN_POSITION, query.position(), null, null, null,
                    null, null, null, "No chained event is at position " + query.position()));
        }
        if (head.position() != null) {
            // below the highest chained position (not the last link's: a late event can be the last link)
            long highest = count("select max(global_index) from event_chain");
            Optional<StoredEvent> slipped = axon.firstUnchainedBelow(highest);
            if (slipped.isPresent()) {
                StoredEvent event = slipped.get();
                return broken(checked, head, new Finding(FindingKind.UNCHAINED, event.globalIndex(), null,
                        event.eventIdentifier(), event.aggregateIdentifier(), event.sequenceNumber(), event.payloadType(),
                        event.timeStamp(), "Event " + event.eventIdentifier() + " at position " + event.globalIndex()
                        + " sits among chained events without being chained: it was added outside Molnkoll, or"
                        + " committed moments ago behind later events (then it is chained shortly; verify again)"));
            }
        }
        return new ChainVerification(true, checked, head, null, clock.instant());
    }

    private static Finding finding(FindingKind kind, ChainedEvent link, StoredEvent event, String detail) {
        return new Finding(kind, link.position(), link.link(), event.eventIdentifier(), event.aggregateIdentifier(),
                event.sequenceNumber(), event.payloadType(), event.timeStamp(), detail);
    }

    private ChainVerification broken(long checked, ChainHead head, Finding finding) {
        return new ChainVerification(false, checked, head, finding, clock.instant());
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
