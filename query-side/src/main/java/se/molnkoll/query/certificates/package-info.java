/**
 * Dated evidence against the calendar: expired and expiring certificates over the portfolio, and
 * the expiries that are due to be recorded.
 */
package se.molnkoll.query.certificates;
