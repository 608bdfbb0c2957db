package se.molnkoll.query.runtime;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.lifecycle.Phase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import se.molnkoll.query.api.ReadModels;

/**
 * {@code --molnkoll.rebuild=true} on H2 (on PostgreSQL it starts a blue/green rebuild once Molnkoll is up,
 * {@link BlueGreenRebuild}): each read model's token is reset (its reset handler empties its
 * tables) just before Axon starts the event processors, so they replay the store from their first
 * start. Why not stop and reset them once they run, as a rebuild asked for later does: a processor
 * stopped while it is still claiming its segment may never claim it again (Axon 4.13 frees the
 * segment without giving back the worker's thread), and the read model would stay empty.
 */
@Component
@ConditionalOnProperty(name = "molnkoll.rebuild", havingValue = "true")
class RebuildOnStart implements ConfigurerModule {

    private final javax.sql.DataSource dataSource;

    RebuildOnStart(javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
    }

    private boolean postgres() {
        try (java.sql.Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The database cannot be reached", e);
        }
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.onInitialize(config -> config.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> {
            if (postgres()) return;
            for (String name : ReadModels.PROCESSING_GROUPS) {
                StreamingEventProcessor processor = config.eventProcessingConfiguration()
                        .eventProcessor(name, StreamingEventProcessor.class)
                        .orElseThrow(() -> new IllegalStateException("Read model " + name + " has no streaming processor"));
                try {
                    processor.resetTokens();
                } catch (UnableToClaimTokenException e) {
                    throw new IllegalStateException("--molnkoll.rebuild=true needs this instance alone on the database:"
                            + " another one holds read model " + name + ". Stop the others and start again.", e);
                }
            }
        }));
    }
}
