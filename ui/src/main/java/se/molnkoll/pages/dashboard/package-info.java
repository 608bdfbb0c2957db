/** The start page: the portfolio at a glance. */
package se.molnkoll.pages.dashboard;
