/**
 * The runnable application: assembles the command side and the query side in one process and serves
 * the REST API.
 */
package se.molnkoll;
