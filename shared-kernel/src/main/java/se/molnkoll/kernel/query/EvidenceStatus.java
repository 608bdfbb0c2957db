package se.molnkoll.kernel.query;

/** Where one piece of evidence stands today. */
public enum EvidenceStatus {
    VALID, NOT_YET_VALID, EXPIRED, WITHDRAWN
}
