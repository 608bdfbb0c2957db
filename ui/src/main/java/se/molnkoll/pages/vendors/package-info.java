/**
 * The vendors' pages: the list, a vendor's page (details, contacts, sub-processors, the services leaning on
 * it), their forms; linking services that name their vendor only in words; measure 5's inventory and the
 * location conflicts.
 */
package se.molnkoll.pages.vendors;
