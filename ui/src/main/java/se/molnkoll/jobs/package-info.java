/**
 * The work nobody asks for at the moment it is done, the third door beside the API and the pages: the
 * expiry sweep (records each lapsed piece of evidence as an event, on time), the daily digest to each
 * organisation unit, and the demo portfolio at a first start. Off with molnkoll.scheduling.enabled=false.
 */
package se.molnkoll.jobs;
