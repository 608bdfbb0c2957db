/**
 * Constraints on the API's request bodies that need more than an annotation from Jakarta Validation:
 * the catalogue, the clock, the range of storable dates.
 */
package se.molnkoll.api.validation;
