/**
 * Evidence documents: the certificates, reports and contracts themselves, stored beside the event
 * store with the SHA-256 the audit trail records, and checked against it whenever they are read.
 */
package se.molnkoll.documents;
