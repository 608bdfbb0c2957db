/**
 * The REST API. Controllers talk only to Axon's command and query gateways; errors leave as
 * {@code application/problem+json}.
 */
package se.molnkoll.api;
