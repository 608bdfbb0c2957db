package se.molnkoll.kernel.vendor;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swedish organisation number (organisationsnummer) as Bolagsverket and Skatteverket give it: ten digits,
 * {@code NNNNNN-NNNN}, the last a Luhn check digit over the other nine, and the third and fourth together at
 * least 20 (a legal person's number). A sole trader's number is their personal identity number, which is
 * refused: events are kept forever, and a person's identity number is not to be among them.
 */
public final class OrganisationNumber {

    /** With or without the hyphen; the century prefix "16" that some registers add is accepted and dropped. */
    private static final Pattern FORMAT = Pattern.compile("(?:16)?(\\d{6})-?(\\d{4})");

    private OrganisationNumber() {
    }

    /** The problem with the number as typed, or empty when it is valid. */
    public static Optional<Problem> problem(String typed) {
        Matcher matcher = FORMAT.matcher(typed == null ? "" : typed.strip());
        if (!matcher.matches()) {
            return Optional.of(Problem.FORMAT);
        }
        String digits = matcher.group(1) + matcher.group(2);
        if (Integer.parseInt(digits.substring(2, 4)) < 20) {
            return Optional.of(Problem.PERSONAL_IDENTITY_NUMBER);
        }
        return luhnValid(digits) ? Optional.empty() : Optional.of(Problem.CHECK_DIGIT);
    }

    /** The number in the form Bolagsverket writes it, {@code NNNNNN-NNNN}; only for a number without a {@link #problem}. */
    public static String normalised(String valid) {
        Matcher matcher = FORMAT.matcher(valid.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not an organisation number: " + valid);
        }
        return matcher.group(1) + "-" + matcher.group(2);
    }

    /** Luhn (mod 10) over all ten digits: every other digit from the first doubled. */
    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    public enum Problem {
        /** Not ten digits, as NNNNNN-NNNN. */
        FORMAT,
        /** The check digit does not match the other nine: a digit is mistyped. */
        CHECK_DIGIT,
        /** A personal identity number (third and fourth digits below 20): a sole trader's. */
        PERSONAL_IDENTITY_NUMBER
    }
}
