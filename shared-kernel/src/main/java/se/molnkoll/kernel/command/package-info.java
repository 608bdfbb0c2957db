/**
 * What users ask a cloud service's history to record, and how a refusal is explained.
 */
package se.molnkoll.kernel.command;
