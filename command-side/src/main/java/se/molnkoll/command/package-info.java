/**
 * The write model: one {@link se.molnkoll.command.CloudService} aggregate per external cloud
 * service decides every command against the routine and the service's lifecycle, and records the
 * outcome as events.
 */
package se.molnkoll.command;
