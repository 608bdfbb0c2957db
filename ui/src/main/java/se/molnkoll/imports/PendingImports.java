package se.molnkoll.imports;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Files a user previewed on the import page, kept (in this process, for an hour) until the user imports
 * them: a browser cannot send a chosen file again. Only the user who uploaded them gets them back.
 */
@Component
public class PendingImports {

    /** What was uploaded, by whom. */
    public record Pending(String user, ImportPlanner.Upload services, ImportPlanner.@Nullable Upload evidence) {
    }

    private final Cache<String, Pending> pending = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofHours(1))
            .maximumWeight(256L * 1024 * 1024)
            .<String, Pending>weigher((token, files) -> files.services().content().length
                    + (files.evidence() == null ? 0 : files.evidence().content().length))
            .build();

    public String keep(Pending files) {
        String token = UUID.randomUUID().toString();
        pending.put(token, files);
        return token;
    }

    public Optional<Pending> get(String token, String user) {
        Pending files = pending.getIfPresent(token);
        return files != null && files.user().equals(user) ? Optional.of(files) : Optional.empty();
    }

    public void forget(String token) {
        pending.invalidate(token);
    }
}
