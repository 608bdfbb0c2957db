package se.molnkoll.pages.catalogue;

/** What the catalogue page filters a measure's criteria on: a class column, or the S and P marks. */
public enum Criterion { CONFIDENTIALITY, INTEGRITY, AVAILABILITY, SECRECY, PERSONAL_DATA }
