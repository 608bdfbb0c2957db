package se.molnkoll.api;

import java.util.List;

/**
 * The page and size of a paged answer (the audit trail, the register), checked the same way everywhere:
 * page from 0, size 1–{@value #MAX_SIZE} (default {@value #DEFAULT_SIZE}), and no page beyond what an int can count.
 */
record PageParameters(int page, int size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    /** The parameters as given, defaults for those left out; each problem added to {@code problems}. */
    static PageParameters of(Integer page, Integer size, List<InvalidInputException.FieldProblem> problems) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageNumber < 0) problems.add(new InvalidInputException.FieldProblem("page", "must be 0 or more"));
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            problems.add(new InvalidInputException.FieldProblem("size", "must be between 1 and " + MAX_SIZE));
        } else if ((long) pageNumber * pageSize > Integer.MAX_VALUE) {
            problems.add(new InvalidInputException.FieldProblem("page", "is beyond the last entry any page can hold"));
        }
        return new PageParameters(pageNumber, pageSize);
    }
}
