/**
 * The facts a cloud service's history is made of. Every event starts with {@code cloudServiceId},
 * carries its business dates explicitly (the time it was recorded is the event's timestamp) and has
 * a revision, so that an upcaster has something to hang on when an event's shape changes.
 */
package se.molnkoll.kernel.event;
