package se.molnkoll.api;

import java.util.List;

/** Input that passed the annotations but breaks a rule between fields or against the catalogue. */
class InvalidInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;
    private final int unlisted;

    InvalidInputException(List<FieldProblem> problems) {
        this(problems, 0);
    }

    /** The problems to list, and how many more were found but are not listed (a body full of them). */
    InvalidInputException(List<FieldProblem> problems, int unlisted) {
        super(problems.size() + unlisted + " problem(s)");
        this.problems = List.copyOf(problems);
        this.unlisted = unlisted;
    }

    static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldProblem(field, message)));
    }

    List<FieldProblem> problems() {
        return problems;
    }

    int unlisted() {
        return unlisted;
    }

    /** One bad field and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }
}
