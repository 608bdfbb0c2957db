/** The auditors' pages: the audit trail with its filters and exports, and the hash chain's verification. */
package se.molnkoll.pages.audit;
