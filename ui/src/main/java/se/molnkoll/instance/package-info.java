/**
 * This process: which roles it has (molnkoll.roles: command, query or all, and the beans and endpoints
 * each role brings) and whether it is still whole (a thread that died of an Error makes liveness DOWN).
 */
package se.molnkoll.instance;
