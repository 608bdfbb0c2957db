/**
 * The rule that turns what covers a measure (evidence, risk acceptances) into its status on a day.
 * The aggregate and the read models use this one rule, so they cannot disagree.
 */
package se.molnkoll.kernel.compliance;
