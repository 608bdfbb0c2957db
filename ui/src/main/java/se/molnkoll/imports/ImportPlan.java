package se.molnkoll.imports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.CloudServiceId;

import java.util.List;

/**
 * What an import of a file would do, row by row: the preview shows it, and the import carries out the
 * rows without problems exactly as planned, through the same commands as the forms.
 *
 * @param fileName       the services' file as uploaded
 * @param sha256         its SHA-256, which every event the import causes carries
 * @param ignoredColumns headers of the file that are no column Molnkoll reads (a misspelt optional column lands here)
 */
public record ImportPlan(String fileName, String sha256, @Nullable String evidenceFileName, @Nullable String evidenceSha256,
                         List<String> ignoredColumns, List<RowPlan> rows) {

    /** What a row will do. */
    public enum Action { REGISTER, CORRECT, CLASSIFY, RECORD_EVIDENCE, UNCHANGED }

    /**
     * One row: on which sheet and row, the key it carries, the service it is about, what it will do (nothing
     * if it has problems) and every problem with it.
     */
    public record RowPlan(ImportColumn.Sheet sheet, int row, String key, @Nullable String serviceId, List<Action> actions,
                          List<String> corrected, @Nullable String summary, List<RowProblem> problems,
                          @JsonIgnore List<Object> commands, @JsonIgnore @Nullable Object ifAlreadyRegistered,
                          @JsonIgnore String fileSha256) {

        public boolean ok() {
            return problems.isEmpty();
        }

        @JsonIgnore
        public boolean writes() {
            return ok() && !commands.isEmpty();
        }

        @JsonIgnore
        CloudServiceId service() {
            return CloudServiceId.of(serviceId);
        }
    }

    /** A problem with a row: the column (its header as the user reads it; null for the row as a whole) and the fix. */
    public record RowProblem(@Nullable String column, String message) {
    }

    /** The rows that will write something. */
    public long toWrite() {
        return rows.stream().filter(RowPlan::writes).count();
    }

    public long unchanged() {
        return rows.stream().filter(r -> r.ok() && r.commands().isEmpty()).count();
    }

    public long withProblems() {
        return rows.stream().filter(r -> !r.ok()).count();
    }

    public long count(Action action) {
        return rows.stream().filter(r -> r.ok() && r.actions().contains(action)).count();
    }
}
