/**
 * The register of cloud services: their facts, classification and phase.
 */
package se.molnkoll.query.register;
