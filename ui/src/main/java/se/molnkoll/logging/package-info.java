/**
 * What reaches the log: one encoder ({@link se.molnkoll.kernel.Loggable}) for every value a user
 * supplied and, through the logging configuration (logback-spring.xml), for every message and
 * exception text whatever logs it, so that nothing a user types can start a line of its own.
 */
package se.molnkoll.logging;
