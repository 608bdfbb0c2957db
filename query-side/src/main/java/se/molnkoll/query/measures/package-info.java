/**
 * Which measures apply to each service, the evidence and risk acceptances that count towards them,
 * and the statuses and open counts computed from those for a given day.
 */
package se.molnkoll.query.measures;
