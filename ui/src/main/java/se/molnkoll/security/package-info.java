/**
 * Who may do what: users from configuration (bcrypt hashes), optional demo users, and one explicit
 * rule per endpoint.
 */
package se.molnkoll.security;
