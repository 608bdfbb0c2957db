/**
 * Documents to file and read away from the screen (ADR 0019): a service's report as of any moment (PDF),
 * the portfolio report for management (PDF and XLSX, with a 12-month trend) and the evidence package (ZIP
 * with a SHA-256 manifest), each stamped with who made it, when, and the hash chain's head at that time.
 * Shared by the API and the pages.
 */
package se.molnkoll.reports;
