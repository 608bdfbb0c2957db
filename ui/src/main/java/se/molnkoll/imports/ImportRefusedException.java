package se.molnkoll.imports;

import java.util.List;

/**
 * A file refused as a whole, before anything is written: not a spreadsheet, too large when unpacked,
 * too many rows, formulas, merged cells, no sheet or no columns Molnkoll knows. The refusal names a
 * message ({@code import.refused.} and its name) and the arguments it needs.
 */
public class ImportRefusedException extends RuntimeException {

    /** The kinds of refusal; each has a message in both languages. */
    public enum Refusal {
        NOT_A_SPREADSHEET, OLD_EXCEL, NOT_UTF8, EMPTY, ZIP_BOMB, TOO_MANY_ROWS, FORMULAS, MERGED_CELLS, WRONG_SHEET,
        MISSING_COLUMNS, DUPLICATE_COLUMNS
    }

    private final Refusal refusal;
    private final transient List<Object> arguments;

    public ImportRefusedException(Refusal refusal, String message, Object... arguments) {
        super(message);
        this.refusal = refusal;
        this.arguments = List.of(arguments);
    }

    public Refusal refusal() {
        return refusal;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
