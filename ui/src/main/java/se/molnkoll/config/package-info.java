/** Wiring that belongs to no feature: the clock, JSON, the routine's measure catalogue, the certificates' warning window. */
package se.molnkoll.config;
