package se.molnkoll.input;

/** How long what users type may be, the same for the API's bodies and the pages' forms. */
public final class Lengths {

    /** A name, a title, a reference: one line. */
    public static final int NAME = 200;
    /** A reason, a motivation, a description: a few paragraphs. */
    public static final int TEXT = 4000;

    private Lengths() {
    }
}
