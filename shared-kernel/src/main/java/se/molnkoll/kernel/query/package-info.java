/**
 * Questions the read models answer, and the shapes of their answers.
 */
package se.molnkoll.kernel.query;
