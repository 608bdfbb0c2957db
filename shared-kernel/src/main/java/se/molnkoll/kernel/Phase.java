package se.molnkoll.kernel;

/** The phases of a cloud service's life in which the routine's measures apply. */
public enum Phase {
    /** ANS: the service is being acquired. */
    ACQUIRE("ANS", "Anskaffa"),
    /** FÖR: the service is in operation. */
    OPERATE("FÖR", "Förvalta"),
    /** LÄMNA: the contract is ending and the information must come home. */
    EXIT("LÄMNA", "Lämna");

    private final String routineColumn;
    private final String swedishName;

    Phase(String routineColumn, String swedishName) {
        this.routineColumn = routineColumn;
        this.swedishName = swedishName;
    }

    /** The column heading the routine's table uses for this phase. */
    public String routineColumn() {
        return routineColumn;
    }

    public String swedishName() {
        return swedishName;
    }
}
