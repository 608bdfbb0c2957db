/**
 * Answers questions about cloud services from the register and measure read models, judging
 * statuses for today by the injected clock.
 */
package se.molnkoll.query.service;
