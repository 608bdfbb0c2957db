/**
 * Records evidence expiries on time: a periodic, idempotent sweep that asks the read model what has
 * lapsed and sends the aggregate an expire command for each.
 */
package se.molnkoll.jobs;
