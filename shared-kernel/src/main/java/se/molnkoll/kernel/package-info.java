/**
 * Molnkoll's shared vocabulary: identifiers, value types and enums that both sides of the
 * application speak. Plain Java: no Spring, no JPA.
 */
package se.molnkoll.kernel;
