package se.molnkoll.kernel;

/** One thing wrong with a value given as new input: a stable rule code and the reason in English. */
public record InputProblem(String rule, String message) {
}
