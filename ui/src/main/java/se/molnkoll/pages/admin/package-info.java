/** The administrator's page: health, the read models' lag, the instance's roles, and the rebuild with its progress. */
package se.molnkoll.pages.admin;
