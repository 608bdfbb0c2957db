/** A first run that shows something: a small, realistic portfolio recorded through the real commands. */
package se.molnkoll.demo;
