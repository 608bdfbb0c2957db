package se.molnkoll.api;

import java.util.List;

/** Input that passed the annotations but breaks a rule between fields or against the catalogue. */
class InvalidInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    InvalidInputException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }

    List<FieldProblem> problems() {
        return problems;
    }

    /** One bad field and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }
}
