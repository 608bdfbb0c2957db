/**
 * Wiring: the clock, the measure catalogue, Axon's serializers, processors and the meta-data every
 * event carries.
 */
package se.molnkoll.config;
