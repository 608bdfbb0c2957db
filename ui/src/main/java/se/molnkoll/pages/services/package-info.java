/** The service pages: the register, one service (also as of a past moment), and the contract manager's forms. */
package se.molnkoll.pages.services;
