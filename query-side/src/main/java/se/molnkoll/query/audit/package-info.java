/**
 * The audit trail: every recorded event with when, by whom, a one-line summary in Swedish and its
 * full content.
 */
package se.molnkoll.query.audit;
