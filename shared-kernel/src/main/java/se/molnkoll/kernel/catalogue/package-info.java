/**
 * The routine's table 4.5 of security measures, loaded from {@code measures.json}, and the rule
 * that decides which measures a classification makes mandatory.
 */
package se.molnkoll.kernel.catalogue;
