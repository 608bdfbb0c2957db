package se.molnkoll.query.persistence;

/**
 * A projection that holds rows in memory between batches (the measures read model). While a blue/green rebuild
 * runs beside it on the same instance (ADR 0022), the rebuild's copy of the projection needs that memory: the one
 * that serves then holds only a small share of it, and the rebuild's copy lets go of all it held once it ends.
 */
public interface RowsInMemory {

    /** Holds at most a tenth of what it may, while a rebuild runs beside it. */
    void makeRoom();

    /** May hold as much as it is configured to again. */
    void takeRoomBack();

    /** Lets go of every row it holds but those of a batch under way. */
    void letGo();
}
