/**
 * What makes the cloud services take commands: their cache, checked against the event store; the
 * command gateway that sends again a command that lost a race; the guard against values the read
 * models could not store. The rest of Molnkoll sends commands through Axon's gateway and knows none of it.
 */
package se.molnkoll.command.runtime;
