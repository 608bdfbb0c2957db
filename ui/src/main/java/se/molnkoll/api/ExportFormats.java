package se.molnkoll.api;

import se.molnkoll.exports.RegisterExport;

import java.util.List;

/** The format parameter of a spreadsheet export (register, measures, certificates): xlsx or csv-excel. */
final class ExportFormats {

    private ExportFormats() {
    }

    /** The format asked for; a problem naming the parameter (and null) if it is none of them. */
    static RegisterExport.Format chosen(String format, List<InvalidInputException.FieldProblem> problems) {
        RegisterExport.Format chosen = RegisterExport.Format.of(format);
        if (chosen == null) {
            problems.add(new InvalidInputException.FieldProblem("format", "must be one of "
                    + String.join(", ", RegisterExport.Format.parameters())));
        }
        return chosen;
    }
}
