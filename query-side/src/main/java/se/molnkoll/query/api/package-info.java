/**
 * What the query side offers the rest of Molnkoll beyond its query handlers (reached through Axon's
 * query gateway with the kernel's queries): the read models' names, read-your-writes, the rebuild,
 * and what a failure of the database looks like. The rest of the query side is its own.
 */
package se.molnkoll.query.api;
