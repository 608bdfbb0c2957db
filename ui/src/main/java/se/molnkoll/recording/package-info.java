/** Recording commands so that whoever sent them reads their own write next (API and pages alike). */
package se.molnkoll.recording;
