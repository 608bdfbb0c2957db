/**
 * The daily e-mail digest: to each organisation unit's contact, the certificates of its services
 * that have expired or expire within the warning window. Off unless molnkoll.digest.enabled=true.
 */
package se.molnkoll.digest;
