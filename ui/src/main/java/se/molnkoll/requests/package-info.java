/**
 * What every request passes before a door sees it, and how a refusal leaves: bodies bounded by size
 * before anything reads them, query strings, parameters and multipart bodies checked to be readable,
 * and every error Tomcat or Spring answers itself written as problem+json for the API.
 */
package se.molnkoll.requests;
