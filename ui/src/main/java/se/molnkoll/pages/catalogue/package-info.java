/** The catalogue page: the routine's measures for every role to read. */
package se.molnkoll.pages.catalogue;
