package se.molnkoll.imports;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An import as it runs or ran: how far it has come, the rows the rules refused after all (the file
 * changed nothing about them), and, if it stopped, at which row and why. Running the same file again
 * finishes what a stopped import left.
 *
 * @param total    the rows that write something
 * @param done     of those, the rows carried out (or found already done)
 * @param failedRow the row at which it stopped (every row before it is done); null unless FAILED
 */
public record ImportRun(String id, String fileName, String sha256, String startedBy, Instant startedAt,
                        @Nullable Instant endedAt, State state, int total, int done, int unchanged,
                        List<RefusedRow> refused, @Nullable Integer failedRow, @Nullable String failure) {

    public enum State { RUNNING, DONE, FAILED }

    /** A row the rules refused when it was carried out (it passed the preview, but something changed since). */
    public record RefusedRow(ImportColumn.Sheet sheet, int row, String key, List<String> reasons) {
    }

    public int percent() {
        return total == 0 ? 100 : (int) (100L * done / total);
    }
}
