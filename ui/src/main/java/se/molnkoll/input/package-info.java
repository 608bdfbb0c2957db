/**
 * What users send, the same at both doors (the REST API and the pages): constraints on values that
 * need more than an annotation (the catalogue, the clock, the range of storable dates), the lengths
 * allowed, text cleaned, and the commands built from valid input.
 */
package se.molnkoll.input;
