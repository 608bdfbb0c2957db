package se.molnkoll.kernel.query;

/** Every vendor as recorded at the moment, by name. */
public record FindVendors(Moment moment) {
}
