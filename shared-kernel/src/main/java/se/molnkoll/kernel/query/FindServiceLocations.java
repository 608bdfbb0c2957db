package se.molnkoll.kernel.query;

import org.jspecify.annotations.Nullable;
import se.molnkoll.kernel.CloudServiceId;

/**
 * Where services' data goes, as recorded at the moment: of one service ({@code serviceId}), or of every
 * service in use of a unit ({@code organisationUnit}; null: of every unit), only those in conflict if
 * {@code conflictOnly}. The inventory of measure 5, and the location conflicts.
 */
public record FindServiceLocations(Moment moment, @Nullable CloudServiceId serviceId, @Nullable String organisationUnit,
                                   boolean conflictOnly) {
}
