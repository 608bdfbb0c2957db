/** What every page shares: languages, the layout's data, sign-in, errors, and reading moments from forms. */
package se.molnkoll.pages.layout;
