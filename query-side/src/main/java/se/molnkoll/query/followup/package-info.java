/**
 * The follow-up of services once their measures are first in place: residual-risk proposals waiting for
 * the risk owner, and approved acceptances reaching their end.
 */
package se.molnkoll.query.followup;
