/**
 * Sending a command on behalf of whoever asked, for both doors: who sent it and from which request
 * (stamped on every command, copied by Axon onto its events), within the organisation units the user
 * may change, waiting until the read models show it so that the sender reads its own write next.
 */
package se.molnkoll.recording;
